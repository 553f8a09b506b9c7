"""The store layer on PostgreSQL: writers queue like SQLite's BEGIN IMMEDIATE, exact sums, migrations both ways."""

from __future__ import annotations

import threading
from decimal import Decimal

import pytest
from sqlalchemy import text

from jzhealth_desktop.domain.errors import StoreError
from jzhealth_desktop.services.aggregate import aggregate_year
from jzhealth_desktop.services.context import open_context
from jzhealth_desktop.services.forms import ConflictError, read_form, save_form, save_values
from jzhealth_desktop.store import engine as engine_module
from jzhealth_desktop.store import repo
from jzhealth_desktop.store.engine import StoreBusy
from jzhealth_desktop.store.migrate import HEAD, current_revision

COUNTY = "410821"


def test_a_writer_that_waits_too_long_is_refused_and_writes_nothing(any_store, snapshot, monkeypatch):
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 300)
    holder, clerk = open_context(str(any_store), user="甲"), open_context(str(any_store), user="乙")
    try:
        save_form(clerk, COUNTY, 2021, "eldercare", {"ec_beds": "100"})
        before = snapshot(any_store)
        with holder.db.write() as session:
            session.execute(text("SELECT 1"))  # the write transaction has begun: it holds the writer's place
            with pytest.raises(StoreBusy, match="数据库正被其他用户写入.*未执行"):
                save_form(clerk, COUNTY, 2021, "eldercare", {"ec_beds": "101"})
        assert snapshot(any_store) == before
    finally:
        holder.close()
        clerk.close()


def test_a_queued_save_checks_against_what_committed_while_it_waited(pg_url):
    """Clerk B's save waits behind A's transaction, then sees A's change and is refused, not lost."""
    a, b = open_context(pg_url, user="甲"), open_context(pg_url, user="乙")
    try:
        save_form(a, COUNTY, 2021, "eldercare", {"ec_beds": "100"})
        stale = read_form(b, COUNTY, 2021, "eldercare").stamps
        began, release, outcome = threading.Event(), threading.Event(), {}

        def clerk_a() -> None:
            with a.db.write() as session:
                session.execute(text("SELECT 1"))
                began.set()
                release.wait()
                repo.update_values(session, [(COUNTY, 2021, "ec_beds", 150, 0, "")], "甲", repo.utcnow())

        def clerk_b() -> None:
            try:
                save_form(b, COUNTY, 2021, "eldercare", {"ec_beds": "120"}, base=stale)
                outcome["result"] = "saved"
            except ConflictError as exc:
                outcome["result"] = exc.zh

        ta = threading.Thread(target=clerk_a)
        ta.start()
        began.wait()
        tb = threading.Thread(target=clerk_b)
        tb.start()
        with a.db.engine.connect() as watcher:  # B is queued on the write lock before A is let go
            while tb.is_alive() and not watcher.execute(text("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' "
                                           "AND NOT granted")).scalar():
                watcher.rollback()
        release.set()
        ta.join()
        tb.join()
        assert "已被 甲" in outcome["result"] and "150" in outcome["result"]
        assert read_form(a, COUNTY, 2021, "eldercare").values["ec_beds"] == 150
    finally:
        a.close()
        b.close()


def test_sums_beyond_float_precision_are_exact(any_ctx):
    # 2^53 + 1 cents and more: a float would round these; SUM(bigint) on PostgreSQL is numeric, kept exact
    save_values(any_ctx, "410821", 2021, {"ec_investment": "90071992547409.93"})
    save_values(any_ctx, "410822", 2021, {"ec_investment": "0.01"})
    save_values(any_ctx, "410823", 2021, {"ec_investment": "12345678901234.56"})
    total = aggregate_year(any_ctx, 2021)["ec_investment"]
    assert isinstance(total, Decimal) and str(total) == "102417671448644.50"


def test_the_postgres_dump_sees_every_change(pg_url, snapshot):
    ctx = open_context(pg_url)
    try:
        before = snapshot(pg_url)
        save_values(ctx, COUNTY, 2021, {"ec_beds": "1"})
        after = snapshot(pg_url)
        assert after != before and any("ec_beds" in line for line in set(after) - set(before))
    finally:
        ctx.close()


def test_every_migration_runs_down_and_up_on_postgres(pg_url):
    from alembic import command
    from alembic.config import Config

    from jzhealth_desktop.paths import migrations_dir

    ctx = open_context(pg_url)
    ctx.close()
    db = ctx.db
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    for target in ("base", "head"):
        with db.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, target) if target == "base" else command.upgrade(config, target)
        revision = current_revision(db)
        assert revision == (None if target == "base" else HEAD)
    db.dispose()
    reopened = open_context(pg_url)  # and the program opens the rebuilt store normally
    try:
        save_values(reopened, COUNTY, 2021, {"ec_beds": "7"})
        assert read_form(reopened, COUNTY, 2021, "eldercare").values["ec_beds"] == 7
    finally:
        reopened.close()


def test_unreachable_server_is_a_clear_refusal_without_the_password():
    with pytest.raises(StoreError, match="无法连接数据库") as err:
        open_context("postgresql+psycopg://clerk:s3cret@127.0.0.1:1/jzhealth")
    assert "s3cret" not in str(err.value) and "***" in err.value.zh


@pytest.mark.parametrize("verb", ["UPDATE audit_log SET new_text = 'x'", "DELETE FROM audit_log"])
def test_the_audit_log_is_append_only_on_both_engines(any_ctx, verb):
    from sqlalchemy.exc import DBAPIError

    save_values(any_ctx, "410821", 2021, {"ec_beds": "5"})
    with pytest.raises(DBAPIError, match="append-only"):
        with any_ctx.db.engine.begin() as conn:
            conn.execute(text(verb))
