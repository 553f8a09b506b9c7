import hashlib
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from jzhealth_desktop.domain.errors import StoreError
from jzhealth_desktop.paths import migrations_dir
from jzhealth_desktop.services.context import open_context
from jzhealth_desktop.services.forms import read_form, save_values
from jzhealth_desktop.store import migrate
from jzhealth_desktop.store.engine import Database, resolve_url


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_pragmas_on_every_connection(ctx):
    with ctx.db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 5000


def test_default_store_is_in_the_user_data_folder(data_home, monkeypatch, tmp_path):
    assert resolve_url(None) == "sqlite:///" + str((data_home / "jzhealth.sqlite").resolve())
    # a rooted path resolves per system (/tmp/x.sqlite is D:\tmp\x.sqlite on a Windows runner): use tmp_path
    elsewhere = tmp_path / "x.sqlite"
    monkeypatch.setenv("JZHEALTH_DB", str(elsewhere))
    assert resolve_url(None) == "sqlite:///" + str(elsewhere.resolve())
    monkeypatch.setenv("JZHEALTH_DB", "relative.sqlite")
    monkeypatch.chdir(tmp_path)
    assert resolve_url(None) == "sqlite:///" + str((tmp_path / "relative.sqlite").resolve())
    assert resolve_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"


def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_bytes("这不是数据库。".encode() * 200)
    before = sha(path)
    with pytest.raises(StoreError, match="不是有效的 SQLite"):
        open_context(str(path))
    assert sha(path) == before
    assert not Path(str(path) + "-wal").exists()


def test_a_foreign_sqlite_file_is_refused_untouched(tmp_path):
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = sha(path)
    with pytest.raises(StoreError, match="不是本程序的数据文件"):
        open_context(str(path))
    assert sha(path) == before


def test_a_store_from_a_newer_program_is_refused_untouched(ctx, store_path):
    with ctx.db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    ctx.close()
    conn = sqlite3.connect(store_path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.close()
    before = sha(store_path)
    with pytest.raises(StoreError, match="更新版本"):
        open_context(str(store_path))
    assert sha(store_path) == before


def test_head_matches_the_migration_folder():
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    script = ScriptDirectory.from_config(config)
    assert script.get_current_head() == migrate.HEAD
    assert [r.revision for r in script.walk_revisions()][::-1] == list(migrate.KNOWN_REVISIONS)


def test_upgrade_from_first_revision_keeps_every_value(tmp_path, data_home):
    path = tmp_path / "old.sqlite"
    db = Database(resolve_url(str(path)))
    migrate.upgrade(db, "0001")
    db.dispose()
    # Fill the old schema the way a 0001 program did: org units, catalogue rows, values.
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO org_unit VALUES ('410800','焦作市','Jiaozuo','city',NULL,0,1)")
    conn.execute("INSERT INTO org_unit VALUES ('410821','修武县','Xiuwu','county','410800',5,1)")
    conn.execute("INSERT INTO domain VALUES ('eldercare','医养结合','Eldercare',20,1)")
    for code, scale in (("ec_beds", 0), ("ec_investment", 2)):
        conn.execute("INSERT INTO indicator VALUES (?,?,?,?,?,?,?,?,0,NULL,NULL,NULL,1,1)",
                     (code, "eldercare", "centers", code, code, "x", "count", scale))
    rows = [("410821", 2020, "ec_beds", 2824, 0), ("410821", 2021, "ec_investment", 846501, 2)]
    for org, year, code, num, scale in rows:
        conn.execute("INSERT INTO data_value VALUES (?,?,?,?,?,'老数据','clerk','2021-01-01 00:00:00')",
                     (org, year, code, num, scale))
    conn.commit()
    conn.close()

    ctx = open_context(str(path))
    try:
        assert ctx.backup_made is not None and ctx.backup_made.exists()
        assert read_form(ctx, "410821", 2020, "eldercare").values == {"ec_beds": 2824}
        form = read_form(ctx, "410821", 2021, "eldercare")
        assert str(form.values["ec_investment"]) == "8465.01"
        assert form.comments == {"ec_investment": "老数据"}
        save_values(ctx, "410821", 2021, {"ec_beds": "2900"})  # the upgraded store takes new values
        with ctx.db.engine.connect() as c:
            assert c.execute(text("SELECT version_num FROM alembic_version")).scalar() == migrate.HEAD
    finally:
        ctx.close()
    backup = sqlite3.connect(next((data_home / "backups").glob("old-*-pre-*.sqlite")))
    assert backup.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    assert backup.execute("SELECT COUNT(*) FROM data_value").fetchone() == (2,)


def test_reopening_a_current_store_does_not_import_alembic_or_back_up(ctx, store_path, data_home):
    ctx.close()
    again = open_context(str(store_path))
    again.close()
    assert again.backup_made is None
    assert not (data_home / "backups").exists() or not list((data_home / "backups").iterdir())
