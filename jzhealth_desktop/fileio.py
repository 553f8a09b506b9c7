"""Writing the files the program hands over (PDF, packages, workbooks, CSV, backups): whole or not at all.

Every file goes to a temporary name beside its target, is flushed to disk, then moved over the target in one
step, so a crash, a power cut or a full disk leaves the old file (or none), never half a file. The checks and
messages are the same on every path, and they hold on Windows: there a file open in another program (a PDF in
a viewer, a workbook in Excel) cannot be replaced, and a folder cannot be flushed.
"""

from __future__ import annotations

import errno
import os
import shutil
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from .domain.errors import InputError

# How long a replace waits for another program to let go of the target (Windows virus scanners and
# indexers hold new files for a moment; a viewer holds them until closed).
REPLACE_ATTEMPTS = 5
REPLACE_WAIT = 0.1
# Windows' classic path limit (MAX_PATH): longer paths fail unless long paths are enabled on that PC.
WINDOWS_MAX_PATH = 260
# Characters Windows refuses in a file name (a clerk may type "2021:年报.pdf"); "/" and "\\" separate folders.
WINDOWS_BAD_CHARS = frozenset('<>:"|?*') | {chr(c) for c in range(32)}
# Device names Windows reserves, with or without an extension ("NUL.pdf" is the null device too).
WINDOWS_DEVICES = frozenset({"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
                            | {f"{port}{n}" for port in ("COM", "LPT") for n in "123456789"})


class OutputError(InputError):
    """The file cannot be written where asked; nothing was written and an existing file is unchanged."""


def on_windows() -> bool:
    """Read at call time, so tests can take the Windows branches here by setting ``sys.platform``."""
    return sys.platform == "win32"


def windows_name_problem(name: str) -> tuple[str, str] | None:
    """Why Windows would refuse ``name`` as a file name (zh, en), or None. Checked on Windows only."""
    bad = sorted(set(name) & WINDOWS_BAD_CHARS)
    if bad:
        shown = " ".join(repr(c)[1:-1] for c in bad)
        return f"文件名“{name}”含有 Windows 不允许的字符：{shown}", f"the file name '{name}' has characters Windows refuses: {shown}"
    if name.endswith((" ", ".")):
        return f"文件名“{name}”不能以空格或句点结尾", f"the file name '{name}' must not end with a space or a dot"
    if name.split(".", 1)[0].rstrip(" ").upper() in WINDOWS_DEVICES:
        return (f"“{name}”是 Windows 保留的设备名（CON、NUL、COM1 等），不能作文件名",
                f"'{name}' is a name Windows reserves for a device (CON, NUL, COM1, ...)")
    return None


def check_output_path(path: str | os.PathLike) -> Path:
    """The target as a Path, or OutputError naming what is wrong with it (before any work is done).

    Raises OutputError for: a folder, a device or other non-regular file, a missing or non-folder parent, a
    parent without write permission and, on Windows, a name Windows refuses (reserved device names such as
    ``NUL.pdf``, the characters ``<>:"|?*``, a trailing space or dot).
    """
    target = Path(path)
    if on_windows():
        problem = windows_name_problem(target.name)
        if problem is not None:
            raise OutputError(*problem)
    if target.is_dir():
        raise OutputError(f"“{target}”是一个文件夹，请给出文件名", f"'{target}' is a folder; give a file name")
    if (target.exists() or target.is_symlink()) and not target.is_file():
        raise OutputError(f"“{target}”不是普通文件，不能覆盖", f"'{target}' is not a regular file; not replaced")
    folder = target.parent
    if not folder.exists():
        raise OutputError(f"文件夹不存在：{folder}", f"folder does not exist: {folder}")
    if not folder.is_dir():
        raise OutputError(f"“{folder}”不是文件夹", f"'{folder}' is not a folder")
    if not os.access(folder, os.W_OK):
        raise OutputError(f"没有权限写入文件夹“{folder}”，请换一个位置",
                          f"no permission to write in '{folder}'; choose another place")
    return target


def _reason(exc: OSError) -> tuple[str, str]:
    if on_windows() and len(str(exc.filename or "")) >= WINDOWS_MAX_PATH:
        return (f"路径太长（{WINDOWS_MAX_PATH} 个字符以上），请换一个较短的文件夹或文件名",
                f"the path is too long ({WINDOWS_MAX_PATH} characters or more); choose a shorter folder or name")
    if exc.errno == errno.ENOSPC:
        return "磁盘已满，请腾出空间或换一个位置", "the disk is full; free some space or choose another place"
    if isinstance(exc, PermissionError):
        return "没有写入权限，或文件正被其他程序打开", "no permission, or the file is open in another program"
    return exc.strerror or str(exc), exc.strerror or str(exc)


def _default_mode() -> int:
    """The mode a newly created file gets for this user (0o666 less the umask); mkstemp's 0600 is not it."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return 0o666 & ~int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable. Windows cannot open a folder for flushing; NTFS journals it."""
    if on_windows():
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def replace(source: Path, target: Path) -> None:
    """Move ``source`` over ``target`` in one step; if another program holds ``target`` open (Windows),
    wait briefly, then refuse with a clear message. The old target stays as it was."""
    for attempt in range(REPLACE_ATTEMPTS):
        try:
            os.replace(source, target)
            break
        except PermissionError:
            if attempt == REPLACE_ATTEMPTS - 1:
                raise OutputError(f"无法替换“{target}”：文件正被其他程序打开（或没有写入权限），请关闭后重试；原文件未改动",
                                  f"cannot replace '{target}': it is open in another program (or not writable); "
                                  "close it and try again; the old file is unchanged") from None
            time.sleep(REPLACE_WAIT)
        except OSError as exc:  # e.g. the target became a folder after the check
            zh, en = _reason(exc)
            raise OutputError(f"无法替换“{target}”：{zh}；原文件未改动",
                              f"cannot replace '{target}': {en}; the old file is unchanged") from None
    fsync_folder(target.parent)


@contextmanager
def replacing(path: str | os.PathLike) -> Iterator[Path]:
    """Yield a temporary path beside ``path`` to write; on a normal exit it is flushed and moved over ``path``.
    On any error the temporary file is removed and ``path`` is left as it was; an OSError becomes OutputError."""
    target = check_output_path(path)
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as exc:
        zh, en = _reason(exc)
        raise OutputError(f"无法写入“{target}”：{zh}", f"cannot write '{target}': {en}") from None
    os.close(fd)
    temp = Path(name)
    try:
        try:
            yield temp
            with open(temp, "rb+") as written:
                os.fsync(written.fileno())
            if not on_windows():  # Windows has no mode bits beyond read-only; the folder's ACL applies
                os.chmod(temp, _default_mode())
        except OSError as exc:
            zh, en = _reason(exc)
            raise OutputError(f"无法写入“{target}”：{zh}；原文件未改动",
                              f"cannot write '{target}': {en}; the old file is unchanged") from None
        replace(temp, target)
    finally:
        temp.unlink(missing_ok=True)


def write_bytes(path: str | os.PathLike, data: bytes) -> Path:
    """Write ``data`` to ``path`` whole or not at all; returns the target."""
    with replacing(path) as temp:
        temp.write_bytes(data)
    return Path(path)


def copy_file(source: str | os.PathLike, path: str | os.PathLike) -> Path:
    """Copy ``source`` over ``path`` through a temporary file beside ``path``: works across drives and USB
    sticks, where a rename from another folder fails (``EXDEV``, "Invalid cross-device link").
    A missing source is refused by name before anything is written."""
    if not Path(source).is_file():
        raise OutputError(f"要复制的文件不存在：{source}", f"the file to copy does not exist: {source}")
    with replacing(path) as temp:
        shutil.copyfile(source, temp)
    return Path(path)



def read_input_file(path: str | os.PathLike, limit: int) -> bytes:
    """The bytes of a file the user hands in (a package, a workbook), refused by name when it is missing, a
    folder or a device, or larger than ``limit``: reading a FIFO or a huge file must not hang or exhaust memory."""
    path = Path(path)
    try:
        info = path.stat()
    except OSError as exc:
        raise InputError(f"无法打开文件“{path}”：{exc.strerror or exc}", f"cannot open '{path}': {exc.strerror or exc}") from None
    if path.is_dir():
        raise InputError(f"“{path}”是文件夹，请选择一个文件", f"'{path}' is a folder; choose a file")
    if not path.is_file():
        raise InputError(f"“{path}”不是普通文件", f"'{path}' is not a regular file")
    if info.st_size > limit:
        raise InputError(f"文件“{path.name}”过大（{info.st_size} 字节，上限 {limit}）",
                         f"'{path.name}' is too large ({info.st_size} bytes, limit {limit})")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"无法读取文件“{path}”：{exc.strerror or exc}", f"cannot read '{path}': {exc.strerror or exc}") from None
