"""Read-only store, full disk, store deleted while running: a plain message, nothing half-written."""

import os
import sys

import pytest
from sqlalchemy import event

from jzhealth_desktop.domain.errors import StoreError
from jzhealth_desktop.services.forms import read_form, save_values

from .conftest import OWN, YEAR


def _on_every_connection(ctx, *pragmas):
    def connect(dbapi_conn, _record):
        for pragma in pragmas:
            dbapi_conn.execute(pragma)

    event.listen(ctx.db.engine, "connect", connect)
    ctx.db.engine.dispose()  # the next connections get the pragmas


def test_read_only_store_is_refused_plainly(ctx, store_path, snapshot):
    save_values(ctx, OWN, YEAR, {"ec_beds": "10"})
    before = snapshot(store_path)
    # SQLite answers a read-only file or folder with SQLITE_READONLY; query_only gives the same answer portably
    _on_every_connection(ctx, "PRAGMA query_only=1")
    with pytest.raises(StoreError, match="只读.*未改动") as err:
        save_values(ctx, OWN, YEAR, {"ec_beds": "11", "ec_centers": "2"})
    assert "read-only" in err.value.en
    assert snapshot(store_path) == before
    assert read_form(ctx, OWN, YEAR, "eldercare").values["ec_beds"] == 10  # reading still works


def test_full_disk_is_refused_plainly_and_nothing_is_half_written(ctx, store_path, snapshot):
    save_values(ctx, OWN, YEAR, {"ec_beds": "10"})
    before = snapshot(store_path)
    with ctx.db.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
    _on_every_connection(ctx, f"PRAGMA max_page_count={pages}")
    big = "很长的说明" * 800  # the longest comment allowed (4000): more pages than the store may grow by
    with pytest.raises(StoreError, match="磁盘空间已满.*未改动"):
        save_values(ctx, OWN, YEAR, {"ec_beds": "11", "ec_centers": "3"}, {"ec_centers": big})
    assert snapshot(store_path) == before


def test_store_deleted_while_running(ctx, store_path):
    save_values(ctx, OWN, YEAR, {"ec_beds": "10"})
    if sys.platform == "win32":  # Windows refuses to delete an open file: it can only go while no connection is open
        ctx.db.engine.dispose()
    for suffix in ("", "-wal", "-shm"):
        path = store_path.with_name(store_path.name + suffix)
        if path.exists():
            os.remove(path)
    with pytest.raises(StoreError, match="已不存在") as err:
        save_values(ctx, OWN, YEAR, {"ec_beds": "11"})
    assert "gone" in err.value.en
    with pytest.raises(StoreError, match="已不存在"):
        read_form(ctx, OWN, YEAR, "eldercare")
    assert not store_path.exists()  # no empty store quietly created in its place


# ---- faults told truly: which one, what to do, and only a damaged store is offered a backup ----------------
import shutil  # noqa: E402
import sqlite3  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
from contextlib import contextmanager  # noqa: E402
from pathlib import Path  # noqa: E402

from jzhealth_desktop.cli import main  # noqa: E402
from jzhealth_desktop.services import backup  # noqa: E402
from jzhealth_desktop.services.context import open_context  # noqa: E402
from jzhealth_desktop.store.failures import DAMAGED, FOREIGN, FULL, LOCKED, READONLY, StoreFault  # noqa: E402

from .test_backup_restore import _checkpoint, _damage  # noqa: E402


def _made_store(folder: Path) -> tuple[Path, Path]:
    """A closed store with one good backup (so a wrong "restore the backup" offer would show)."""
    path = folder / "jzhealth.sqlite"
    ctx = open_context(str(path))
    save_values(ctx, OWN, YEAR, {"ec_beds": "10"})
    made = backup.manual_backup(ctx)
    ctx.close()
    _checkpoint(path)  # WAL folded in and removed: opening needs to create -wal/-shm again
    return path, made


def _refused_untouched(path: Path, snapshot, kind: str, words: str):
    before = path.read_bytes()
    health = backup.startup_check(path)
    assert (health.ok, health.kind, health.newest_good) == (False, kind, None)
    assert words in health.problem
    with pytest.raises(StoreFault) as err:
        open_context(str(path))
    assert err.value.kind == kind and "不是有效的" not in err.value.zh and "损坏" not in err.value.zh
    assert path.read_bytes() == before
    return health


@contextmanager
def _immutable(folder: Path):
    """A folder nobody can create files in (root ignores permissions; the immutable flag holds for root too)."""
    if shutil.which("chattr") is None:
        pytest.skip("chattr is needed to make a folder read-only for root")
    done = subprocess.run(["chattr", "+i", str(folder)], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot make a folder read-only here: {done.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True)


def test_store_in_a_read_only_folder_is_not_called_damaged(tmp_path, data_home, snapshot):
    folder = tmp_path / "ro"
    folder.mkdir()
    path, _made = _made_store(folder)
    with _immutable(folder):
        health = _refused_untouched(path, snapshot, READONLY, "不可写")
        assert "不要从备份恢复" in health.problem


@contextmanager
def _tiny_disk(folder: Path):
    if sys.platform != "linux" or shutil.which("mount") is None:
        pytest.skip("a small tmpfs (mount) is needed to fill a disk")
    folder.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(folder)], capture_output=True,
                          text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {done.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True)


def test_store_on_a_full_disk_is_not_called_damaged(tmp_path, data_home, snapshot):
    with _tiny_disk(tmp_path / "usb") as disk:
        path, _made = _made_store(disk)
        with open(disk / "filler", "wb") as fh:
            try:
                while True:
                    fh.write(b"\0" * 65536)
                    fh.flush()
            except OSError:
                pass
        health = _refused_untouched(path, snapshot, FULL, "磁盘空间已满")
        assert "腾出空间" in health.problem


def test_store_locked_by_another_program_is_not_called_damaged(tmp_path, data_home, snapshot):
    path, _made = _made_store(tmp_path)
    other = sqlite3.connect(path, isolation_level=None)  # e.g. a database tool holding an exclusive lock
    try:
        other.execute("PRAGMA locking_mode=EXCLUSIVE")
        other.execute("BEGIN EXCLUSIVE")
        before = path.read_bytes()
        health = backup.startup_check(path)
        assert (health.ok, health.kind, health.newest_good) == (False, LOCKED, None)
        assert "其他程序占用" in health.problem and "关闭" in health.problem
        assert path.read_bytes() == before
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_a_file_that_is_not_ours_is_told_so_and_offered_nothing(tmp_path, data_home):
    path, _made = _made_store(tmp_path)
    other = tmp_path / "notes.sqlite"
    other.write_bytes("这不是数据库。".encode() * 200)
    health = backup.startup_check(other)
    assert (health.ok, health.kind, health.newest_good) == (False, FOREIGN, None)
    assert "不是本程序的数据文件" in health.problem


def _run_cli(*argv: str, home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "JZHEALTH_HOME": str(home), "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    return subprocess.run([sys.executable, "-m", "jzhealth_desktop.cli", *argv], env=env, capture_output=True,
                          text=True, encoding="utf-8", timeout=600)


def test_damaged_pages_check_reports_the_newest_good_backup_and_reads_refuse(demo_path, data_home, tmp_path):
    ctx = open_context(str(demo_path))
    made = backup.manual_backup(ctx)
    ctx.close()
    _checkpoint(demo_path)
    _damage(demo_path)
    before = demo_path.read_bytes()
    db = ["--db", str(demo_path)]
    for argv in (["check"], ["values", "get", "--org", OWN, "--year", str(YEAR)],
                 ["export", "--org", OWN, "--year", str(YEAR), "-o", str(tmp_path / "p.jzhpkg")]):
        done = _run_cli(*db, *argv, home=data_home)
        assert done.returncode == 1, (argv, done.stderr)
        assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1, done.stderr
        assert "数据文件已损坏" in done.stderr and str(made) in done.stderr, done.stderr
        assert "restore a good backup" in done.stderr
    assert demo_path.read_bytes() == before
    assert not (tmp_path / "p.jzhpkg").exists()
    assert main(db + ["check"]) == 1  # the same in-process
