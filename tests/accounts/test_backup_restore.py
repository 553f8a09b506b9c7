import sqlite3
from datetime import date

import pytest

from jzhealth_desktop.cli import main
from jzhealth_desktop.domain.errors import StoreError
from jzhealth_desktop.services import backup
from jzhealth_desktop.services.context import open_context
from jzhealth_desktop.services.forms import save_values
from jzhealth_desktop.store.sync import put_setting

from .conftest import OWN, YEAR


def _damage(path):
    """Overwrite a run of pages in the middle of the file, as a failing disk would."""
    size = path.stat().st_size
    with open(path, "r+b") as fh:
        fh.seek(size // 2 // 4096 * 4096)
        fh.write(b"\xde\xad\xbe\xef" * 4096)


def data_of(dump):
    """A store's dump without the audit rows restores add (everything else must be the backup's)."""
    return [line for line in dump if not (line.startswith('INSERT INTO "audit_log"') and ",'store',NULL,NULL,'restore'," in line)]


def restore_rows(path):
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT user_name, new_text, source, detail FROM audit_log WHERE action='store' "
                            "AND subject='restore' ORDER BY id").fetchall()
    finally:
        conn.close()


def _checkpoint(path):
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def test_backup_damage_restore_gives_identical_data(demo_ctx, demo_path, snapshot, data_home):
    made = backup.manual_backup(demo_ctx)
    original = snapshot(demo_path)
    demo_ctx.close()
    _checkpoint(demo_path)
    _damage(demo_path)
    health = backup.startup_check(demo_path)
    assert not health.ok and health.newest_good == made
    result = backup.restore_file(demo_path, health.newest_good)
    assert result.kept is not None and result.kept.name.endswith("-damaged.sqlite")
    assert backup.quick_check(demo_path, full=True) == "ok"
    assert data_of(snapshot(demo_path)) == original
    assert [row[1] for row in restore_rows(demo_path)] == [made.name]
    ctx = open_context(str(demo_path))  # opens normally again
    ctx.close()


def test_restore_of_a_healthy_store_keeps_the_replaced_one(ctx, store_path, snapshot):
    save_values(ctx, OWN, YEAR, {"ec_beds": "10"})
    made = backup.manual_backup(ctx)
    at_backup = snapshot(store_path)
    save_values(ctx, OWN, YEAR, {"ec_beds": "20"})
    after = snapshot(store_path)
    result = backup.restore(ctx, made)
    assert data_of(snapshot(store_path)) == at_backup
    assert snapshot(result.kept) == after  # the replaced data is itself a backup now


def _foreign(tmp_path):
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t(x)")
    conn.commit()
    conn.close()
    return path


def _newer(tmp_path, made):
    path = tmp_path / "newer.sqlite"
    path.write_bytes(made.read_bytes())
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num='9999'")
    conn.commit()
    conn.close()
    return path


def _damaged(tmp_path, made):
    path = tmp_path / "damaged.sqlite"
    path.write_bytes(made.read_bytes())
    _damage(path)
    return path


@pytest.mark.parametrize("make, message", [
    (lambda tmp, made: tmp / "nope.sqlite", "找不到备份文件"),
    (lambda tmp, made: (tmp / "text.sqlite").write_text("hello, not a database" * 100) and tmp / "text.sqlite",
     "不是本程序的数据文件"),
    (lambda tmp, made: _foreign(tmp), "不是本程序的数据文件"),
    (lambda tmp, made: _newer(tmp, made), "更新版本的程序"),
    (lambda tmp, made: _damaged(tmp, made), "已损坏"),
])
def test_restore_checks_the_file_before_touching_anything(demo_ctx, demo_path, snapshot, tmp_path, make, message):
    made = backup.manual_backup(demo_ctx)
    bad = make(tmp_path, made)
    before = snapshot(demo_path)
    kept_before = backup.backups_of(demo_path)
    with pytest.raises(StoreError, match=message):
        backup.restore(demo_ctx, bad)
    assert snapshot(demo_path) == before
    assert backup.backups_of(demo_path) == kept_before  # not even a pre-restore copy was made
    assert not list(backup.kept_dir().iterdir())


def test_daily_backup_once_per_day_and_keep_setting(ctx, store_path):
    first = backup.daily_backup(ctx, date.today())
    assert first is not None and first.name.endswith("-daily.sqlite")
    assert backup.daily_backup(ctx, date.today()) is None
    with ctx.db.write() as session:
        put_setting(session, backup.KEEP_SETTING, "3")
    for i in range(5):
        backup.auto_backup(ctx, f"import{i}")
    assert len(backup.backups_of(store_path)) == 3


def test_manual_backup_to_a_folder(ctx, tmp_path, snapshot, store_path):
    save_values(ctx, OWN, YEAR, {"ec_beds": "10"})
    stick = tmp_path / "usb"
    stick.mkdir()
    made = backup.manual_backup(ctx, stick)
    assert made.parent == stick and backup.verify_backup(made)
    assert snapshot(made) == snapshot(store_path)
    assert not list(stick.glob("*.part"))


def test_cli_backup_and_restore(ctx, store_path, snapshot, capsys):
    save_values(ctx, OWN, YEAR, {"ec_beds": "10"})
    ctx.close()
    assert main(["--db", str(store_path), "backup"]) == 0
    made = capsys.readouterr().out.split(": ", 1)[1].strip()
    at_backup = snapshot(store_path)
    assert main(["--db", str(store_path), "values", "set", "--org", OWN, "--year", str(YEAR), "ec_beds=12"]) == 0
    assert main(["--db", str(store_path), "restore", made]) == 0
    assert "被替换的数据已保存为" in capsys.readouterr().out
    assert data_of(snapshot(store_path)) == at_backup
    # a damaged store is restored without signing in (it cannot check a password any more)
    _checkpoint(store_path)
    _damage(store_path)
    assert not backup.startup_check(store_path).ok
    assert main(["--db", str(store_path), "restore", made]) == 0
    assert data_of(snapshot(store_path)) == at_backup
