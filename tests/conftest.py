"""Shared fixtures: every test gets its own data folder and store; Qt runs offscreen."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from jzhealth_desktop.services.context import Context, open_context  # noqa: E402
from jzhealth_desktop.services.demo import load_demo  # noqa: E402


@pytest.fixture(autouse=True)
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the per-user data folder at the test's temp folder; never touch a real user folder."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("JZHEALTH_HOME", str(home))
    monkeypatch.delenv("JZHEALTH_DB", raising=False)
    return home


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "store.sqlite"


@pytest.fixture
def ctx(store_path: Path):
    context = open_context(str(store_path), user="测试员")
    yield context
    context.close()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    os.environ["JZHEALTH_HOME"] = str(folder)
    path = folder / "demo.sqlite"
    context = open_context(str(path), user="demo")
    load_demo(context)
    context.close()
    del os.environ["JZHEALTH_HOME"]
    return path


@pytest.fixture
def demo_path(demo_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "demo.sqlite"
    src = sqlite3.connect(demo_template)
    dst = sqlite3.connect(path)
    src.backup(dst)
    src.close()
    dst.close()
    return path


@pytest.fixture
def demo_ctx(demo_path: Path):
    context = open_context(str(demo_path), user="测试员")
    yield context
    context.close()


def dump(path: Path) -> list[str]:
    """Every schema and row statement of a SQLite store: equal dumps mean an unchanged store."""
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


@pytest.fixture
def snapshot():
    return dump


def copy_store(src: Path, dst: Path) -> Path:
    shutil.copyfile(src, dst)
    return dst


__all__ = ["Context", "dump", "copy_store"]
