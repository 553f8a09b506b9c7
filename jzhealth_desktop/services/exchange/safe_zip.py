"""Reading a zip that may have been crafted to hurt: nothing is ever extracted to disk.

Every entry's name is checked (no ``..``, no absolute or drive paths, no links,
no directories, no duplicates), sizes are bounded before and while reading
(the header's sizes are not trusted), and a compression ratio that only a zip
bomb reaches is refused. Any damage zipfile itself finds becomes a refusal
naming the member.
"""

from __future__ import annotations

import io
import stat
import zipfile
import zlib

from . import manifest as limits
from .records import FileRefused

_READ_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError, ValueError,
                EOFError, OSError, zlib.error, KeyError, IndexError, TypeError, UnicodeError)


def open_zip(data: bytes, what: str) -> zipfile.ZipFile:
    if not data.startswith(b"PK"):
        raise FileRefused(f"{what}不是有效的文件：不是 zip 格式", f"{what} is not a zip file")
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except _READ_ERRORS as exc:
        raise FileRefused(f"{what}已损坏，无法读取（{type(exc).__name__}）",
                          f"{what} is damaged and cannot be read ({type(exc).__name__}: {exc})") from None


def _unsafe_name(name: str) -> tuple[str, str] | None:
    parts = name.replace("\\", "/").split("/")
    if "\x00" in name:
        return "名称含空字符", "its name holds a NUL character"
    if name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":"):
        return "是绝对路径", "is an absolute path"
    if ".." in parts:
        return "路径含“..”，指向文件夹之外", "has '..' in its path (points outside the folder)"
    if "\\" in name:
        return "路径含反斜杠", "has a backslash in its path"
    return None


def check_entries(zf: zipfile.ZipFile, what: str) -> dict[str, zipfile.ZipInfo]:
    """Every entry vetted; returns them by name."""
    entries: dict[str, zipfile.ZipInfo] = {}
    for info in zf.infolist():
        name = info.filename
        shown = repr(name)[1:-1]
        bad = _unsafe_name(name)
        if bad:
            raise FileRefused(f"{what}的成员“{shown}”{bad[0]}，拒绝导入", f"{what}: member '{shown}' {bad[1]}; refused")
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode):
            raise FileRefused(f"{what}的成员“{shown}”是符号链接，拒绝导入", f"{what}: member '{shown}' is a symbolic link; refused")
        if info.is_dir():
            raise FileRefused(f"{what}含有文件夹“{shown}”，拒绝导入", f"{what}: holds a folder '{shown}'; refused")
        if info.flag_bits & 0x1:
            raise FileRefused(f"{what}的成员“{shown}”已加密，无法读取", f"{what}: member '{shown}' is encrypted")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise FileRefused(f"{what}的成员“{shown}”使用了不支持的压缩方式", f"{what}: member '{shown}' uses an unsupported compression")
        if name in entries:
            raise FileRefused(f"{what}中成员“{shown}”出现了两次", f"{what}: member '{shown}' appears twice")
        entries[name] = info
    return entries


def check_sizes(entries: dict[str, zipfile.ZipInfo], what: str, max_member: int | None = None,
                max_total: int | None = None) -> None:
    """Declared sizes within limits (read from ``manifest`` at call time) and no zip-bomb ratio."""
    max_member = max_member or limits.MAX_MEMBER
    max_total = max_total or limits.MAX_TOTAL
    total = 0
    for name, info in entries.items():
        if info.file_size > max_member:
            raise FileRefused(f"{what}的成员“{name}”过大（{info.file_size} 字节，上限 {max_member}）",
                              f"{what}: member '{name}' is too large ({info.file_size} bytes, limit {max_member})")
        if info.file_size > limits.RATIO_FLOOR and info.file_size > limits.MAX_RATIO * max(info.compress_size, 1):
            ratio = info.file_size // max(info.compress_size, 1)
            raise FileRefused(f"{what}的成员“{name}”压缩比异常（{ratio}:1），疑似压缩炸弹，拒绝导入",
                              f"{what}: member '{name}' has a compression ratio of {ratio}:1 (a zip bomb?); refused")
        total += info.file_size
    if total > max_total:
        raise FileRefused(f"{what}解压后总大小过大（{total} 字节，上限 {max_total}）",
                          f"{what}: total unpacked size too large ({total} bytes, limit {max_total})")


def read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, what: str, limit: int | None = None) -> bytes:
    """The member's bytes, never more than its declared size or ``limit`` (headers can lie)."""
    cap = min(info.file_size, limit or limits.MAX_MEMBER)
    chunks, got = [], 0
    try:
        with zf.open(info) as stream:
            while True:
                chunk = stream.read(min(1 << 20, cap + 1 - got))
                if not chunk:
                    break
                got += len(chunk)
                if got > cap:
                    raise FileRefused(f"{what}的成员“{info.filename}”实际大小超过声明的大小，拒绝导入",
                                      f"{what}: member '{info.filename}' is larger than it declares; refused")
                chunks.append(chunk)
                if got == cap:
                    # read once more so zipfile verifies the CRC at the end of the stream
                    if stream.read(1):
                        raise FileRefused(f"{what}的成员“{info.filename}”实际大小超过声明的大小，拒绝导入",
                                          f"{what}: member '{info.filename}' is larger than it declares; refused")
                    break
    except FileRefused:
        raise
    except _READ_ERRORS as exc:
        raise FileRefused(f"{what}的成员“{info.filename}”已损坏（{type(exc).__name__}）",
                          f"{what}: member '{info.filename}' is damaged ({type(exc).__name__}: {exc})") from None
    return b"".join(chunks)
