"""migrate-store: SQLite ↔ PostgreSQL copies, verified, refusing what it must not touch."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from jzhealth_desktop.cli import main
from jzhealth_desktop.domain.errors import InputError, StoreError
from jzhealth_desktop.services.access import AccessDenied, CLERK, Principal
from jzhealth_desktop.services.aggregate import aggregate_year, county_table
from jzhealth_desktop.services.context import open_context
from jzhealth_desktop.services.forms import read_form, save_form
from jzhealth_desktop.services.migrate_store import migrate_store
from jzhealth_desktop.store.engine import Database
from jzhealth_desktop.store.migrate import ensure_schema


def test_round_trip_sqlite_postgres_sqlite_is_identical(demo_path, pg_url, tmp_path, snapshot):
    there = migrate_store(str(demo_path), pg_url)
    back_path = tmp_path / "back.sqlite"
    back = migrate_store(pg_url, str(back_path))
    assert there.tables == back.tables  # same row count and checksum, table by table, on each hop
    assert {t.table: t.rows for t in there.tables}["data_value"] > 1000
    # independent of our checksums: SQLite's own dump of the original and of the round-tripped copy
    assert snapshot(back_path) == snapshot(demo_path)


def test_every_figure_reads_the_same_on_both_engines(demo_path, pg_url):
    migrate_store(str(demo_path), pg_url)
    lite, pg = open_context(str(demo_path)), open_context(pg_url)
    try:
        for year in (2016, 2020, 2021):
            assert aggregate_year(pg, year) == aggregate_year(lite, year)
            assert county_table(pg, year) == county_table(lite, year)
        form = read_form(pg, "410821", 2021, "eldercare")
        assert form.values == read_form(lite, "410821", 2021, "eldercare").values
    finally:
        lite.close()
        pg.close()


def test_copied_postgres_store_keeps_working(demo_path, pg_url):
    migrate_store(str(demo_path), pg_url)
    ctx = open_context(pg_url, user="县级")
    try:
        form = read_form(ctx, "410821", 2021, "eldercare")
        # new audit rows need ids after the copied ones: the serial was moved past them
        save_form(ctx, "410821", 2021, "eldercare", {"ec_beds": str(form.values["ec_beds"] + 1)}, base=form.stamps)
        assert read_form(ctx, "410821", 2021, "eldercare").values["ec_beds"] == form.values["ec_beds"] + 1
    finally:
        ctx.close()


def test_target_with_data_is_refused_untouched(demo_path, pg_demo_url, snapshot):
    before = snapshot(pg_demo_url)
    with pytest.raises(InputError, match="不是空库"):
        migrate_store(str(demo_path), pg_demo_url)
    assert snapshot(pg_demo_url) == before


@pytest.mark.parametrize("case, message", [
    ("missing", "不存在"), ("same", "同一个"), ("empty", "是空的"), ("clerk", "无权"),
])
def test_refusals_change_nothing(case, message, demo_path, pg_url, tmp_path, snapshot):
    source, target, principal = str(demo_path), pg_url, None
    if case == "missing":
        source = str(tmp_path / "nope.sqlite")
    elif case == "same":
        target = str(demo_path)
    elif case == "empty":
        source, target = pg_url, str(tmp_path / "out.sqlite")
    elif case == "clerk":
        principal = Principal("clerk1", CLERK, "410821")
    before_src, before_dst = snapshot(demo_path), snapshot(pg_url)
    with pytest.raises((InputError, AccessDenied), match=message):
        migrate_store(source, target, principal)
    assert snapshot(demo_path) == before_src and snapshot(pg_url) == before_dst
    assert not (tmp_path / "out.sqlite").exists() or (tmp_path / "out.sqlite").stat().st_size == 0


def test_a_copy_that_does_not_match_is_reported_not_trusted(demo_path, pg_url):
    # The target alters one figure on the way in (as a faulty server or driver might): verification must catch it.
    db = Database(pg_url)
    ensure_schema(db)
    with db.engine.begin() as conn:
        conn.execute(text("CREATE FUNCTION jz_test_skew() RETURNS trigger AS $$ BEGIN "
                          "IF NEW.indicator_code = 'ec_beds' AND NEW.org_code = '410821' AND NEW.year = 2021 "
                          "THEN NEW.num := NEW.num + 1; END IF; RETURN NEW; END $$ LANGUAGE plpgsql"))
        conn.execute(text("CREATE TRIGGER jz_test_skew BEFORE INSERT ON data_value "
                          "FOR EACH ROW EXECUTE FUNCTION jz_test_skew()"))
    db.dispose()
    with pytest.raises(StoreError, match=r"校验失败.*data_value：源 (\d+) 行，目标 \1 行，校验和不同"):
        migrate_store(str(demo_path), pg_url)


def test_cli_migrate_store_both_ways(capsys, demo_path, pg_url, tmp_path: Path):
    assert main(["migrate-store", "--from", str(demo_path), "--to", pg_url]) == 0
    out = capsys.readouterr().out
    assert "已复制并校验" in out and f":{make_url(pg_url).password}@" not in out  # never print the password
    assert main(["migrate-store", "--from", pg_url, "--to", str(tmp_path / "x.sqlite"), "--json"]) == 0
    code = main(["migrate-store", "--from", str(demo_path), "--to", pg_url])
    _, err = capsys.readouterr()
    assert code == 1 and "不是空库" in err and " / Error: " in err
