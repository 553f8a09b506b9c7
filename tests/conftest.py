"""Shared fixtures: every test gets its own data folder and store; Qt runs offscreen.

PostgreSQL: set ``JZHEALTH_TEST_PG_URL`` (``tools/pg_test_server.sh`` starts a local server and does;
``.ci/run`` always does). Each PostgreSQL test gets a fresh schema on that server, dropped afterwards.
``any_store`` / ``any_ctx`` run a test on both engines; without a URL the PostgreSQL half is skipped,
saying why, and nothing else is.
"""

from __future__ import annotations

import gc
import os
import shutil
import sqlite3
import uuid
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from jzhealth_desktop.services.context import Context, open_context  # noqa: E402
from jzhealth_desktop.services.demo import load_demo  # noqa: E402

PG_URL = os.environ.get("JZHEALTH_TEST_PG_URL", "").strip()
NO_PG = "no PostgreSQL server given: set JZHEALTH_TEST_PG_URL (tools/pg_test_server.sh starts one)"


# As in the program (ui/gc_guard.py): collect cycles on the main thread only, between tests, so a Qt object
# from an earlier test is never destroyed inside a background worker.
gc.disable()


@pytest.fixture(autouse=True)
def _collect_on_main_thread():
    yield
    gc.collect()


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


def dump(path: Path | str) -> list[str]:
    """Every schema and row statement of a store: equal dumps mean an unchanged store.

    SQLite: ``iterdump``. PostgreSQL (a URL): every column definition, then every row of every table,
    sorted; sequences are left out (PostgreSQL advances them even in a rolled-back transaction).
    """
    if isinstance(path, str) and path.startswith("postgresql"):
        return _dump_postgres(path)
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def _dump_postgres(url: str) -> list[str]:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            columns = conn.execute(text(
                "SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns"
                " WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position")).all()
            lines = [f"COLUMN {row}" for row in columns]
            for (table,) in conn.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
                                              " ORDER BY tablename")):
                rows = conn.execute(text(f'SELECT * FROM "{table}"')).all()
                lines += sorted(f"ROW {table} {tuple(row)!r}" for row in rows)
            return lines
    finally:
        engine.dispose()


def _with_schema(url: str, schema: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def pg_admin():
    """A connection pool to the test server (the URL's own database), for creating and dropping schemas."""
    if not PG_URL:
        pytest.skip(NO_PG)
    from sqlalchemy import create_engine

    engine = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    yield engine
    engine.dispose()


@pytest.fixture
def pg_url(pg_admin) -> str:
    """A fresh, empty PostgreSQL store: a new schema on the test server, dropped after the test."""
    from sqlalchemy import text

    schema = f"jz_test_{uuid.uuid4().hex[:16]}"
    with pg_admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    yield _with_schema(PG_URL, schema)
    with pg_admin.connect() as conn:
        conn.execute(text("SET lock_timeout = '20s'"))
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))


@pytest.fixture(params=["sqlite", "postgresql"])
def any_store(request: pytest.FixtureRequest, tmp_path: Path) -> Path | str:
    """The test runs twice: on a SQLite file and on a fresh PostgreSQL store (skipped only without a URL)."""
    if request.param == "sqlite":
        return tmp_path / "store.sqlite"
    return request.getfixturevalue("pg_url")


@pytest.fixture
def any_ctx(any_store):
    context = open_context(str(any_store), user="测试员")
    yield context
    context.close()


@pytest.fixture
def pg_demo_url(pg_url: str, demo_template: Path) -> str:
    """The demo store copied onto the PostgreSQL server (through migrate-store's copy, verified)."""
    from jzhealth_desktop.services.migrate_store import migrate_store

    migrate_store(str(demo_template), pg_url)
    return pg_url


@pytest.fixture(params=["sqlite", "postgresql"])
def any_demo_store(request: pytest.FixtureRequest) -> Path | str:
    return request.getfixturevalue("demo_path" if request.param == "sqlite" else "pg_demo_url")


@pytest.fixture
def snapshot():
    return dump


def copy_store(src: Path, dst: Path) -> Path:
    shutil.copyfile(src, dst)
    return dst


__all__ = ["Context", "dump", "copy_store"]
