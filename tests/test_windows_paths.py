"""Store paths as a Windows PC gives them: drive letters, UNC shares, spaces, Chinese user names, ``%``.

The URL is built as text (PureWindowsPath), so every Windows form is checked here; the real-file tests open a
store in folders named like a clerk's, and pass on Windows too.
"""

from __future__ import annotations

from pathlib import Path, PureWindowsPath

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy.engine import make_url

from jzhealth_desktop import paths
from jzhealth_desktop.services.context import open_context
from jzhealth_desktop.store.engine import resolve_url, sqlite_path, sqlite_url

WINDOWS_STORES = [
    r"C:\Users\张三\AppData\Local\Jiaozuo\jzhealth-desktop\jzhealth.sqlite",
    r"C:\Users\Li Ming\Documents\统计 数据\焦作 2021.sqlite",
    r"\\fileserver\统计科\焦作市\jzhealth.sqlite",  # UNC share
    r"\\?\C:\very\long\path\jzhealth.sqlite",  # extended-length prefix, has a "?"
    r"D:\数据 50%\a%20b\jzhealth.sqlite",  # "%" must not be decoded
    r"E:\tmp\x.sqlite",  # what "/tmp/x.sqlite" resolves to on a runner whose checkout is on E:
]


@pytest.mark.parametrize("store", WINDOWS_STORES)
def test_a_windows_path_survives_the_url(store: str) -> None:
    url = sqlite_url(PureWindowsPath(store))
    parsed = make_url(url)
    assert parsed.get_backend_name() == "sqlite"
    assert parsed.database == store
    assert PureWindowsPath(sqlite_path(url)) == PureWindowsPath(store)


# Any text a file system may hold in a name, under a drive, a share or a root.
NAME = st.text(st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"), min_size=1, max_size=30)


@given(root=st.sampled_from(["C:\\", "\\\\server\\share\\", "/", "/home/张三/"]), name=NAME)
def test_every_path_survives_the_url(root: str, name: str) -> None:
    assert make_url(sqlite_url(root + name)).database == root + name


@pytest.mark.parametrize("folder", ["张三 的文档", "a%20b", "50%", "x#y", "li@corp", "统计(2021)"])
def test_a_store_opens_where_it_was_asked(tmp_path: Path, folder: str) -> None:
    where = tmp_path / folder
    where.mkdir()
    store = where / "焦作 数据.sqlite"
    context = open_context(str(store), user="测试员")
    try:
        assert context.db.path == store.resolve()
    finally:
        context.close()
    assert store.exists()
    # nothing created under a decoded or shortened name
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([folder, "home"])


def test_a_relative_path_is_made_absolute(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    url = resolve_url("data/焦作.sqlite")
    assert Path(make_url(url).database) == (tmp_path / "data" / "焦作.sqlite").resolve()


def test_the_windows_data_folder_is_local_not_roaming(monkeypatch: pytest.MonkeyPatch) -> None:
    from platformdirs import windows

    folders = {"CSIDL_LOCAL_APPDATA": r"C:\Users\张三\AppData\Local", "CSIDL_APPDATA": r"C:\Users\张三\AppData\Roaming"}
    monkeypatch.setattr(windows, "get_win_folder", folders.__getitem__)
    found = windows.Windows(**paths.PLATFORMDIRS_ARGS).user_data_dir
    # the folder installer/jzhealth-desktop.nsi names as DATA_DIR
    assert PureWindowsPath(found) == PureWindowsPath(r"C:\Users\张三\AppData\Local\Jiaozuo\jzhealth-desktop")


def test_no_test_spells_a_posix_root() -> None:
    """"/tmp/..." resolves to D:\\tmp on a Windows runner; tests build paths from tmp_path instead."""
    tests = Path(__file__).resolve().parent
    offenders = []
    for path in sorted(tests.rglob("*.py")):
        if path.name == Path(__file__).name:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for root in ('"/tmp/', "'/tmp/", '"/home/', '"/var/', '"/dev/'):
                if root in line and "noqa: posix" not in line:
                    offenders.append(f"{path.relative_to(tests)}:{number}: {line.strip()}")
    assert not offenders, "POSIX-only paths in tests:\n" + "\n".join(offenders)

