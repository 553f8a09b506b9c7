"""fileio: every refusal leaves the target as it was and no temporary file behind; the Windows branches
(file held open by a viewer, no folder fsync, no chmod, names Windows refuses, MAX_PATH) are taken here
by setting ``sys.platform`` and by making ``os.replace`` answer as Windows does."""

from __future__ import annotations

import errno
import os
import stat
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jzhealth_desktop import fileio
from jzhealth_desktop.fileio import OutputError, check_output_path, copy_file, replacing, write_bytes

OLD = "旧的报表".encode() * 100


@pytest.fixture
def target(tmp_path: Path) -> Path:
    path = tmp_path / "年报 2021.pdf"
    path.write_bytes(OLD)
    return path


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch) -> None:
    """Take fileio's Windows branches (pathlib keeps using os.name, so Path still works here)."""
    monkeypatch.setattr(sys, "platform", "win32")


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


def assert_one_line_chinese(exc: OutputError) -> None:
    assert "\n" not in exc.zh and any("\u4e00" <= c <= "\u9fff" for c in exc.zh)


# --- writing -------------------------------------------------------------------------------------------

def test_write_bytes_replaces_the_target_whole(target: Path) -> None:
    assert write_bytes(target, b"%PDF new") == target
    assert target.read_bytes() == b"%PDF new"
    assert leftovers(target.parent) == []


def test_a_new_file_in_a_folder_with_spaces_and_chinese(tmp_path: Path) -> None:
    folder = tmp_path / "张三 的文档"
    folder.mkdir()
    write_bytes(folder / "焦作市 年报.csv", "名称,数量\r\n".encode("utf-8-sig"))
    assert (folder / "焦作市 年报.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_an_error_while_writing_leaves_the_old_file(target: Path) -> None:
    with pytest.raises(ValueError, match="boom"):
        with replacing(target) as temp:
            temp.write_bytes(b"half")
            raise ValueError("boom")
    assert target.read_bytes() == OLD
    assert leftovers(target.parent) == []


def test_an_os_error_while_writing_becomes_a_clear_refusal(target: Path) -> None:
    with pytest.raises(OutputError, match="原文件未改动") as info:
        with replacing(target) as temp:
            temp.write_bytes(b"half")
            raise OSError(errno.EIO, "Input/output error")
    assert_one_line_chinese(info.value)
    assert target.read_bytes() == OLD
    assert leftovers(target.parent) == []


def test_a_full_disk_is_named(target: Path) -> None:
    with pytest.raises(OutputError, match="磁盘已满"):
        with replacing(target):
            raise OSError(errno.ENOSPC, "No space left on device")
    assert target.read_bytes() == OLD
    assert leftovers(target.parent) == []


def test_a_folder_that_refuses_the_temporary_file(target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Windows: os.access only reads the read-only flag, so a folder the ACL forbids fails here instead
    def refuse(*_args, **_kwargs):
        raise PermissionError(errno.EACCES, "Access is denied")

    monkeypatch.setattr(fileio.tempfile, "mkstemp", refuse)
    with pytest.raises(OutputError, match="没有写入权限"):
        write_bytes(target, b"new")
    assert target.read_bytes() == OLD


# --- refusals before any work ---------------------------------------------------------------------------

def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="是一个文件夹") as info:
        write_bytes(tmp_path, b"x")
    assert_one_line_chinese(info.value)


def test_a_device_is_refused() -> None:
    # /dev/null here; NUL on Windows (there refused as a reserved name)
    with pytest.raises(OutputError):
        check_output_path(os.devnull)


def test_a_missing_folder_is_refused_and_not_created(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="文件夹不存在"):
        write_bytes(tmp_path / "没有" / "a.pdf", b"x")
    assert not (tmp_path / "没有").exists()


def test_a_parent_that_is_a_file_is_refused(target: Path) -> None:
    with pytest.raises(OutputError):
        write_bytes(target / "a.pdf", b"x")
    assert target.read_bytes() == OLD


def test_a_folder_without_write_permission_is_refused(target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # root ignores mode bits, so ask os.access the way a clerk's account would be answered
    monkeypatch.setattr(fileio.os, "access", lambda _path, _mode: False)
    with pytest.raises(OutputError, match="没有权限写入文件夹"):
        write_bytes(target, b"x")
    assert target.read_bytes() == OLD


def test_a_dangling_link_is_not_followed(tmp_path: Path) -> None:
    link = tmp_path / "link.pdf"
    try:
        link.symlink_to(tmp_path / "elsewhere.pdf")
    except OSError as exc:  # Windows without developer mode: creating links needs a privilege
        pytest.skip(f"cannot create a symbolic link here: {exc}")
    with pytest.raises(OutputError, match="不是普通文件"):
        write_bytes(link, b"x")
    assert not (tmp_path / "elsewhere.pdf").exists()


def test_copy_file_copies_and_refuses_a_missing_source(tmp_path: Path, target: Path) -> None:
    source = tmp_path / "备份.sqlite"
    source.write_bytes(b"SQLite format 3\x00" + bytes(100))
    copy = tmp_path / "copy.sqlite"
    assert copy_file(source, copy) == copy
    assert copy.read_bytes() == source.read_bytes()
    with pytest.raises(OutputError, match="要复制的文件不存在"):
        copy_file(tmp_path / "missing.sqlite", target)
    assert target.read_bytes() == OLD
    assert leftovers(tmp_path) == []


# --- replacing a file another program holds (Windows) -------------------------------------------------

def test_a_target_held_briefly_is_replaced_after_a_wait(target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_replace, calls = os.replace, []

    def held_twice(src, dst):
        calls.append(dst)
        if len(calls) <= 2:  # a virus scanner lets go after a moment
            raise PermissionError(13, "The process cannot access the file because it is being used by another process")
        real_replace(src, dst)

    monkeypatch.setattr(fileio.os, "replace", held_twice)
    monkeypatch.setattr(fileio, "REPLACE_WAIT", 0)
    write_bytes(target, b"new")
    assert target.read_bytes() == b"new" and len(calls) == 3
    assert leftovers(target.parent) == []


def test_a_target_open_in_a_viewer_is_refused_unchanged(target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []

    def held(src, dst):
        calls.append(dst)
        raise PermissionError(13, "The process cannot access the file because it is being used by another process")

    monkeypatch.setattr(fileio.os, "replace", held)
    monkeypatch.setattr(fileio, "REPLACE_WAIT", 0)
    with pytest.raises(OutputError, match="正被其他程序打开") as info:
        write_bytes(target, b"new")
    assert_one_line_chinese(info.value)
    assert len(calls) == fileio.REPLACE_ATTEMPTS
    assert target.read_bytes() == OLD
    assert leftovers(target.parent) == []


def test_a_target_that_became_a_folder_is_refused(target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def is_folder(src, dst):
        raise IsADirectoryError(errno.EISDIR, "Is a directory")

    monkeypatch.setattr(fileio.os, "replace", is_folder)
    with pytest.raises(OutputError, match="无法替换"):
        write_bytes(target, b"new")
    assert target.read_bytes() == OLD
    assert leftovers(target.parent) == []


@pytest.mark.skipif(sys.platform != "win32", reason="only Windows refuses to replace a file another handle holds")
def test_a_file_open_elsewhere_on_real_windows(target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fileio, "REPLACE_WAIT", 0)
    with open(target, "rb"):  # Python opens without FILE_SHARE_DELETE, as a PDF viewer does
        with pytest.raises(OutputError, match="正被其他程序打开"):
            write_bytes(target, b"new")
    assert target.read_bytes() == OLD


# --- Windows branches ------------------------------------------------------------------------------------

@pytest.mark.usefixtures("windows")
def test_windows_does_not_flush_the_folder_or_chmod(target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_open = os.open

    def no_folder_open(path, flags, *args, **kwargs):
        assert not Path(path).is_dir(), "Windows cannot open a folder to flush it"
        return real_open(path, flags, *args, **kwargs)

    def no_chmod(*_args, **_kwargs):
        raise AssertionError("Windows has no mode bits to set")

    monkeypatch.setattr(fileio.os, "open", no_folder_open)
    monkeypatch.setattr(fileio.os, "chmod", no_chmod)
    write_bytes(target, b"new")
    assert target.read_bytes() == b"new"


def test_posix_flushes_the_folder_and_gives_the_usual_mode(target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if fileio.on_windows():
        pytest.skip("POSIX branch: Windows neither flushes folders nor has mode bits")
    opened = []
    real_open = os.open

    def record(path, flags, *args, **kwargs):
        opened.append(Path(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(fileio.os, "open", record)
    write_bytes(target, b"new")
    assert target.parent in opened
    mask = os.umask(0o022)
    os.umask(mask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~mask  # not mkstemp's 0600


@pytest.mark.usefixtures("windows")
@pytest.mark.parametrize("name", ["CON", "nul.pdf", "COM1.xlsx", "lpt9.csv", "AUX.jzhpkg", "prn.txt"])
def test_windows_reserved_device_names_are_refused(tmp_path: Path, name: str) -> None:
    with pytest.raises(OutputError, match="保留的设备名") as info:
        check_output_path(tmp_path / name)
    assert_one_line_chinese(info.value)
    assert not (tmp_path / name).exists()


@pytest.mark.usefixtures("windows")
@pytest.mark.parametrize("name", ["年报. ", "年报.pdf.", "年报.pdf "])
def test_windows_trailing_dot_or_space_is_refused(tmp_path: Path, name: str) -> None:
    with pytest.raises(OutputError, match="不能以空格或句点结尾"):
        check_output_path(tmp_path / name)


SAFE = st.text(st.characters(categories=["L", "Nd"]) | st.sampled_from("-_ ()（）年报"), min_size=1, max_size=20)


@given(stem=SAFE, bad=st.sampled_from(sorted(fileio.WINDOWS_BAD_CHARS)), at=st.integers(0, 20))
def test_windows_refuses_every_forbidden_character(tmp_path_factory, stem: str, bad: str, at: int) -> None:
    name = stem[:at] + bad + stem[at:] + ".pdf"
    folder = tmp_path_factory.mktemp("bad")
    real = sys.platform
    sys.platform = "win32"  # hypothesis runs the body many times; a fixture would patch once per test
    try:
        with pytest.raises(OutputError, match="Windows 不允许的字符"):
            # joined as text: on Windows, folder / "a:b.pdf" would read "a:" as a drive
            check_output_path(f"{folder}{os.sep}{name}")
    finally:
        sys.platform = real


@given(stem=SAFE)
def test_windows_accepts_ordinary_chinese_names(tmp_path_factory, stem: str) -> None:
    assert fileio.windows_name_problem(stem.strip() + "x.pdf") is None


@pytest.mark.skipif(sys.platform == "win32", reason="on Windows the file system itself reserves CON")
def test_other_systems_do_not_apply_windows_name_rules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    assert check_output_path(tmp_path / "CON.pdf") == tmp_path / "CON.pdf"


@pytest.mark.usefixtures("windows")
def test_windows_path_too_long_is_named(target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    long_name = str(target.parent / ("很长的文件夹" * 50) / "a.pdf")

    def too_long(*_args, **_kwargs):
        raise FileNotFoundError(errno.ENOENT, "The filename or extension is too long", long_name)

    monkeypatch.setattr(fileio.tempfile, "mkstemp", too_long)
    with pytest.raises(OutputError, match="路径太长"):
        write_bytes(target, b"x")
    assert target.read_bytes() == OLD
