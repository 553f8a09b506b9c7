"""Engine, connection pragmas and transactions.

Every dialect difference lives in ``store/``. On SQLite each connection gets
foreign keys, WAL, synchronous FULL and a busy timeout, and write transactions
start with ``BEGIN IMMEDIATE`` so two writers queue instead of deadlocking.

PostgreSQL gets the same guarantee: every write transaction first takes one
transaction-scoped advisory lock, so writers queue one behind the other while
readers carry on (MVCC). A service's checks (optimistic-concurrency stamps,
approval locks, rules) and its writes therefore run with no other writer in
between, exactly as under ``BEGIN IMMEDIATE``; READ COMMITTED gives each
statement after the lock a fresh snapshot, so the checks see every earlier
commit. A writer that cannot get the lock within ``BUSY_TIMEOUT_MS`` is refused
(``StoreBusy``), never half-applied.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path, PurePath
from typing import Callable, Iterator

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session

from ..domain.errors import StoreError
from ..paths import default_store_path
from .failures import DAMAGED, StoreFault, store_failure, store_missing

BUSY_TIMEOUT_MS = 10_000
# Key of the PostgreSQL advisory lock every write transaction holds (advisory locks are per database).
WRITE_LOCK_KEY = 0x4A5A_4845  # "JZHE"
POSTGRES_BUSY = ("55P03", "40P01", "40001")  # lock_not_available, deadlock_detected, serialization_failure


class StoreBusy(StoreError):
    """Another writer held the store too long; this transaction was rolled back, nothing written."""


def display_url(url: str) -> str:
    """The URL as shown to users and in messages: never with its password."""
    return make_url(url).render_as_string(hide_password=True)


def sqlite_url(path: str | PurePath) -> str:
    """The SQLite URL of an absolute file path, on any system: ``sqlite:////srv/x.sqlite``,
    ``sqlite:///C:\\Users\\张三\\x.sqlite``, ``sqlite:///\\\\server\\share\\x.sqlite`` (UNC).

    SQLAlchemy percent-decodes the database part and ends it at ``?``, so a folder named ``50%`` or ``a%20b``
    would open another file: those two characters are escaped; everything else stays readable.
    """
    return "sqlite:///" + str(path).replace("%", "%25").replace("?", "%3F")


def resolve_url(db: str | None = None) -> str:
    """``--db`` wins, then ``JZHEALTH_DB``, then the per-user default file. A bare path means SQLite."""
    value = db or os.environ.get("JZHEALTH_DB") or str(default_store_path())
    if "://" not in value:
        value = sqlite_url(Path(value).expanduser().resolve())
    return value


def login_url(url: str, user: str, password: str) -> str:
    """A PostgreSQL URL that signs in as the station's account: the password comes from the sign-in (dialog,
    prompt or JZHEALTH_PASSWORD), never from the configured URL, which names the server only."""
    return make_url(url).set(username=user, password=password).render_as_string(hide_password=False)


def needs_login(url: str) -> bool:
    """A PostgreSQL URL without a password: the station signs in as an account (server init, issue 15)."""
    parsed = make_url(url)
    return parsed.get_backend_name() == "postgresql" and not parsed.password


def sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def _sqlite_connect(dbapi_conn, _record) -> None:
    # Let SQLAlchemy's "begin" event issue BEGIN itself (pysqlite's own handling is not transactional for DDL).
    dbapi_conn.isolation_level = None
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


def _sqlite_begin(conn: Connection) -> None:
    immediate = conn.get_execution_options().get("jz_write", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _postgres_connect(dbapi_conn, _record) -> None:
    # Waiting for the write lock (or a row lock) gives up like SQLite's busy timeout does.
    autocommit = dbapi_conn.autocommit
    dbapi_conn.autocommit = True
    with dbapi_conn.cursor() as cursor:
        cursor.execute(f"SET lock_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("SET application_name = 'jzhealth'")
    dbapi_conn.autocommit = autocommit


def _postgres_begin(conn: Connection) -> None:
    if conn.get_execution_options().get("jz_write", False):
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")


def make_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    if parsed.get_backend_name() == "postgresql":
        if parsed.get_driver_name() not in ("psycopg", "psycopg2"):
            # psycopg 3 is the driver shipped with the program; "postgresql://" alone would pick psycopg2.
            parsed = parsed.set(drivername="postgresql+psycopg")
        engine = create_engine(parsed, pool_pre_ping=True, isolation_level="READ COMMITTED")
        event.listen(engine, "connect", _postgres_connect)
        event.listen(engine, "begin", _postgres_begin)
        return engine
    return create_engine(url, pool_pre_ping=True)


def is_busy(exc: DBAPIError | sqlite3.Error, dialect: str) -> bool:
    """Did this error come from waiting on another writer (as opposed to a real fault)?"""
    if isinstance(exc, sqlite3.OperationalError):  # raised by a raw driver cursor (store/repo.py fast paths)
        return "locked" in str(exc).lower()
    if dialect == "sqlite":
        return isinstance(exc, OperationalError) and "locked" in str(exc.orig).lower()
    state = getattr(getattr(exc, "orig", None), "sqlstate", None)  # the driver's SQLSTATE, when it gives one
    return isinstance(state, str) and state in POSTGRES_BUSY


def busy_error() -> StoreBusy:
    seconds = BUSY_TIMEOUT_MS // 1000
    return StoreBusy(f"数据库正被其他用户写入，等待 {seconds} 秒后仍未轮到，本次操作未执行，请稍后重试",
                     f"the store is busy with another user's write; gave up after {seconds} s. Nothing was changed; "
                     "try again")


def unreachable_error(url: str, exc: Exception) -> StoreError:
    reason = str(getattr(exc, "orig", exc)).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return StoreError(f"无法连接数据库“{display_url(url)}”：{reason}",
                      f"cannot connect to the store '{display_url(url)}': {reason}")


class Database:
    """An open store: the engine plus read and write sessions (one write = one transaction)."""

    def __init__(self, url: str):
        self.url = url
        try:
            self.path = sqlite_path(url)
            self.engine = make_engine(url)
        except (ArgumentError, NoSuchModuleError) as exc:  # a mistyped address, not a bug
            shown = url.split("://", 1)[0] + "://…"  # the rest may hold a password and could not be parsed
            raise StoreError(f"无法识别的数据库地址“{shown}”（应为文件路径或 postgresql://…）",
                             f"unrecognised store address '{shown}' ({type(exc).__name__})") from None
        if self.path is not None and not self.path.parent.is_dir():
            self.engine.dispose()
            raise StoreError(f"数据文件所在的文件夹不存在：{self.path.parent}",
                             f"the store's folder does not exist: {self.path.parent}")
        self.dialect = self.engine.dialect.name
        self.writer = self.engine.execution_options(jz_write=True)
        # Set by the services: what to add to a "damaged" message (the newest good backup of this store).
        self.damage_hint: Callable[[], tuple[str, str]] | None = None
        if self.path is None:
            self._probe()

    @property
    def display(self) -> str:
        """Where the store is, for people: the file path, or the URL without its password."""
        return str(self.path) if self.path is not None else display_url(self.url)

    def _probe(self) -> None:
        """A server store: fail now with a clear message, not later with a driver traceback."""
        try:
            with self.engine.connect():
                pass
        except DBAPIError as exc:
            self.engine.dispose()
            raise unreachable_error(self.url, exc) from None

    def explain(self, exc: DBAPIError | sqlite3.Error) -> StoreFault | None:
        """A known SQLite failure (damaged, read-only, full, locked, device) as a plain message, else None."""
        if self.dialect != "sqlite":
            return None
        told = store_failure(exc, self.path)
        if told is not None and told.kind == DAMAGED and self.damage_hint is not None:
            zh, en = self.damage_hint()
            told = StoreFault(DAMAGED, f"{told.zh}；{zh}", f"{told.en}; {en}", self.path)
        return told

    @contextmanager
    def read(self) -> Iterator[Session]:
        if self.path is not None and not self.path.exists():
            raise store_missing(self.path)
        try:
            with Session(self.engine) as session:
                yield session
        except (DBAPIError, sqlite3.Error) as exc:  # sqlite3's own: the raw cursors of the fast paths
            explained = self.explain(exc)
            if explained is not None:
                raise explained from None
            raise

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A transaction that commits on success and rolls back on any exception.

        Writers queue (SQLite: BEGIN IMMEDIATE; PostgreSQL: the write advisory lock); one that waited
        too long is refused with ``StoreBusy`` after its rollback.
        """
        if self.path is not None and not self.path.exists():
            raise store_missing(self.path)  # SQLite would quietly start a new, empty file
        try:
            with Session(self.writer) as session, session.begin():
                yield session
        except (DBAPIError, sqlite3.Error) as exc:  # sqlite3's own: the raw cursors of the fast paths
            if is_busy(exc, self.dialect):
                raise busy_error() from None
            explained = self.explain(exc)
            if explained is not None:
                raise explained from None
            raise

    def dispose(self) -> None:
        self.engine.dispose()
