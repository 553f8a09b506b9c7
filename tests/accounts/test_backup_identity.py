"""Backups never delete the wrong thing: identity, not file name; order, not clock; damaged copies aside;
restores audited, their replaced data kept outside the rotation; restores across drives."""

import os
import shutil
import sqlite3
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from jzhealth_desktop.cli import main
from jzhealth_desktop.services import backup
from jzhealth_desktop.services.context import open_context
from jzhealth_desktop.services.forms import save_values
from jzhealth_desktop.store import migrate
from jzhealth_desktop.store.failures import DAMAGED, StoreFault

from .conftest import OWN, YEAR
from .test_backup_restore import _checkpoint, _damage, data_of, restore_rows


def _store(folder: Path, name: str, beds: str) -> Path:
    path = folder / name
    ctx = open_context(str(path))
    save_values(ctx, OWN, YEAR, {"ec_beds": beds})
    ctx.close()
    return path


def _backup(path: Path, reason: str, keep: int = 3) -> Path:
    ctx = open_context(str(path))
    try:
        return backup.auto_backup(ctx, reason, keep=keep)
    finally:
        ctx.close()


def test_stores_with_similar_names_keep_their_own_backups(tmp_path, data_home):
    main_store = _store(tmp_path, "jzhealth.sqlite", "10")
    demo_store = _store(tmp_path, "jzhealth-demo.sqlite", "20")
    mine = [_backup(main_store, f"m{i}") for i in range(2)]
    demo = [_backup(demo_store, f"d{i}") for i in range(5)]
    # ten backups of one store never touch the other's (the names share "jzhealth-")
    assert backup.backups_of(main_store) == mine
    assert backup.backups_of(demo_store) == demo[-3:]
    assert all(p.exists() for p in mine)
    just_made = _backup(main_store, "import", keep=3)
    assert just_made.exists() and backup.backups_of(demo_store) == demo[-3:]


def test_a_damaged_store_is_never_offered_another_stores_backup(tmp_path, data_home):
    main_store = _store(tmp_path, "jzhealth.sqlite", "10")
    demo_store = _store(tmp_path, "jzhealth-demo.sqlite", "20")
    _backup(demo_store, "manual")
    _checkpoint(main_store)
    _damage(main_store)
    health = backup.startup_check(main_store)
    assert not health.ok and health.kind == DAMAGED
    assert health.newest_good is None  # the demo store's backup is not this store's


def test_a_damaged_header_is_recognised_as_ours_and_offered_our_backup(tmp_path, data_home):
    store = _store(tmp_path, "jzhealth.sqlite", "10")
    made = _backup(store, "manual")
    with open(store, "r+b") as fh:  # page 1 (header, setting table's root may follow) overwritten
        fh.write(b"\0" * 4096)
    health = backup.startup_check(store)
    assert health.kind == DAMAGED and health.newest_good == made


class _Backwards:
    """datetime for store/migrate.py whose now() goes back a day at every call (a dead CMOS battery)."""

    def __init__(self):
        self.at = datetime(2030, 1, 1, 12, 0)

    def now(self):
        self.at -= timedelta(days=1)
        return self.at


def test_a_clock_set_back_never_prunes_the_backup_just_made(tmp_path, data_home, monkeypatch):
    store = _store(tmp_path, "jzhealth.sqlite", "10")
    made = [_backup(store, "before", keep=3) for _ in range(3)]
    monkeypatch.setattr(migrate, "datetime", _Backwards())
    for i in range(4):
        newest = _backup(store, f"after{i}", keep=3)
        made.append(newest)
        assert newest.exists()
        assert backup.backups_of(store)[-1] == newest  # newest by sequence, though its time sorts oldest
    assert backup.backups_of(store) == made[-3:]


def test_a_damaged_store_is_not_rotated_in_as_a_good_backup(demo_ctx, demo_path, data_home):
    good = backup.auto_backup(demo_ctx, "manual", keep=3)
    demo_ctx.db.dispose()
    _checkpoint(demo_path)
    _damage(demo_path)
    with pytest.raises(StoreFault) as err:
        backup.auto_backup(demo_ctx, "pre-import", keep=3)
    assert err.value.kind == DAMAGED and "已损坏" in err.value.zh and str(good) in err.value.zh
    assert backup.backups_of(demo_path) == [good]
    assert [p.name for p in backup.backups_dir().glob("*.sqlite")] == [good.name]  # nothing new in the rotation
    aside = list(backup.kept_dir().glob("*-damaged.sqlite"))
    assert len(aside) == 1 and backup.quick_check(aside[0]) != "ok"


def test_restore_is_audited_and_its_replaced_copy_outlives_the_rotation(ctx, store_path, snapshot):
    save_values(ctx, OWN, YEAR, {"ec_beds": "10"})
    made = backup.manual_backup(ctx)
    save_values(ctx, OWN, YEAR, {"ec_beds": "20"})
    ctx.user = "王管理"
    result = backup.restore(ctx, made)
    assert result.kept.parent == backup.kept_dir()
    (who, which, source, detail), = restore_rows(store_path)
    assert (who, which, source) == ("王管理", made.name, "restore")
    assert backup._sha256(made) in detail and str(result.kept) in detail
    replaced = snapshot(result.kept)
    again = open_context(str(store_path))
    for i in range(12):
        backup.auto_backup(again, f"later{i}", keep=3)
    again.close()
    assert result.kept.exists() and snapshot(result.kept) == replaced  # history cannot be pruned away
    assert result.kept not in backup.backups_of(store_path)


def _other_drive() -> Path:
    shm = Path("/dev/shm")  # noqa: posix — a second file system on Linux; skipped with its reason elsewhere
    if not shm.is_dir() or os.stat(shm).st_dev == os.stat(tempfile.gettempdir()).st_dev:
        pytest.skip("no second file system (/dev/shm) to put the store on another drive than the data folder")
    return Path(tempfile.mkdtemp(dir=shm))


def test_restore_of_a_damaged_store_on_another_drive(tmp_path, data_home, snapshot, capsys):
    drive = _other_drive()
    try:
        store = _store(drive, "jzhealth.sqlite", "10")
        assert os.stat(store).st_dev != os.stat(data_home).st_dev
        made = _backup(store, "manual")
        at_backup = snapshot(store)
        _checkpoint(store)
        _damage(store)
        assert main(["--db", str(store), "restore", str(made)]) == 0
        assert data_of(snapshot(store)) == at_backup
        kept = list(backup.kept_dir().glob("*-damaged.sqlite"))
        assert len(kept) == 1 and "被替换的数据已保存为" in capsys.readouterr().out
        assert [row[1] for row in restore_rows(store)] == [made.name]
        assert not [p for p in drive.iterdir() if p.name != store.name]  # no staging file left behind
    finally:
        shutil.rmtree(drive)


def test_restore_of_a_healthy_store_on_another_drive(tmp_path, data_home, snapshot):
    drive = _other_drive()
    try:
        store = _store(drive, "jzhealth.sqlite", "10")
        made = _backup(store, "manual")
        at_backup = snapshot(store)
        ctx = open_context(str(store))
        save_values(ctx, OWN, YEAR, {"ec_beds": "30"})
        backup.restore(ctx, made)
        assert data_of(snapshot(store)) == at_backup
    finally:
        shutil.rmtree(drive)


def test_an_old_store_gets_an_identity_before_its_pre_migration_copy(tmp_path, data_home):
    store = _store(tmp_path, "old.sqlite", "10")
    conn = sqlite3.connect(store)
    conn.execute("DELETE FROM setting WHERE key='store_id'")
    conn.execute("UPDATE alembic_version SET version_num='0003'")
    conn.execute("DROP TRIGGER IF EXISTS audit_log_no_change")
    conn.commit()
    conn.close()
    ctx = open_context(str(store))
    pre = ctx.backup_made
    ident = ctx.setting("store_id")
    ctx.close()
    assert pre is not None and ident
    assert backup.identity_in(pre) == ident and backup.backups_of(store) == [pre]


def test_restoring_another_stores_backup_keeps_this_stores_identity(tmp_path, data_home, capsys):
    main_store = _store(tmp_path, "jzhealth.sqlite", "10")
    old_pc = _store(tmp_path, "old-pc.sqlite", "20")
    mine = _backup(main_store, "manual")
    theirs = _backup(old_pc, "manual")
    ident = backup.identity_in(main_store)
    assert main(["--db", str(main_store), "restore", str(theirs)]) == 0
    assert "来自另一个数据文件" in capsys.readouterr().out
    assert backup.identity_in(main_store) == ident
    after = _backup(main_store, "manual")
    assert backup.backups_of(main_store) == [mine, after] and backup.backups_of(old_pc) == [theirs]


def test_backup_to_a_missing_folder_is_refused_plainly(ctx, tmp_path, capsys, store_path):
    ctx.close()
    target = tmp_path / "no-such-stick" / "copy.sqlite"
    assert main(["--db", str(store_path), "backup", "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert "文件夹不存在" in err and len(err.strip().splitlines()) == 1
    assert not target.parent.exists()
