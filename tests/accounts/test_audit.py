import csv
import sqlite3
from datetime import date, timedelta

import pytest

from jzhealth_desktop.domain.errors import InputError
from jzhealth_desktop.services import audit, workflow
from jzhealth_desktop.services.access import CLERK, AccessDenied, Principal
from jzhealth_desktop.services.forms import save_form, save_values

from audit_chain import current_text, replay  # tests/audit_chain.py

from .conftest import OTHER, OWN, YEAR


def _history(ctx):
    ctx.user = "张三"
    save_form(ctx, OWN, YEAR, "eldercare", {"ec_beds": "10"})
    save_form(ctx, OWN, YEAR, "eldercare", {"ec_beds": "12"})
    ctx.user = "李四"
    save_values(ctx, OWN, YEAR, {"ec_beds": "11", "ec_investment": "8465.01"}, source="cli")
    save_values(ctx, OWN, YEAR, {"ec_beds": ""}, source="cli")  # cleared
    save_values(ctx, OWN, YEAR, {"ec_beds": "15"}, source="excel")
    save_values(ctx, OTHER, YEAR, {"ec_beds": "99"}, source="form")
    save_values(ctx, OWN, YEAR - 1, {"imm_clinics": "5"}, source="form")


def test_replay_rebuilds_every_value_to_its_current_value(ctx):
    _history(ctx)
    result = replay(ctx, OWN, YEAR, "ec_beds")
    assert [s.new for s in result.steps] == ["10", "12", "11", "", "15"]
    assert result.broken == []
    assert result.value == current_text(ctx, OWN, YEAR, "ec_beds") == "15"
    # every value in the store replays to itself
    with sqlite3.connect(ctx.db.path) as conn:
        keys = conn.execute("SELECT org_code, year, indicator_code FROM data_value").fetchall()
    assert len(keys) == 4
    for org, year, code in keys:
        assert replay(ctx, org, year, code).value == current_text(ctx, org, year, code)


def test_filters(ctx):
    _history(ctx)
    q = lambda **kw: audit.query(ctx, audit.AuditFilter(**kw))  # noqa: E731
    assert {r.user for r in q(user="张三")} == {"张三"} and len(q(user="张三")) == 2
    assert {r.org for r in q(org=OTHER)} == {OTHER}
    assert {r.year for r in q(year=YEAR - 1)} == {YEAR - 1}
    assert {r.subject for r in q(domain="immunization")} == {"imm_clinics"}
    assert [r.new for r in q(source="excel")] == ["15"]
    assert len(q(source="cli")) == 3
    today = date.today()
    assert len(q(since=today - timedelta(days=1), until=today + timedelta(days=1))) == len(q())
    assert q(until=today - timedelta(days=2)) == []
    newest_first = [r.id for r in q()]
    assert newest_first == sorted(newest_first, reverse=True)
    with pytest.raises(InputError, match="开始日期晚于结束日期"):
        q(since=today, until=today - timedelta(days=1))


def test_clerk_sees_only_their_county(ctx):
    _history(ctx)
    ctx.principal = Principal("li", CLERK, OWN)
    assert {r.org for r in audit.query(ctx)} == {OWN}
    with pytest.raises(AccessDenied):
        audit.query(ctx, audit.AuditFilter(org=OTHER))
    with pytest.raises(AccessDenied):
        replay(ctx, OTHER, YEAR, "ec_beds")


def test_csv_export_round_trips(ctx, tmp_path):
    _history(ctx)
    path = tmp_path / "audit.csv"
    count = audit.export_csv(ctx, audit.AuditFilter(org=OWN, year=YEAR), path)
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == list(audit.CSV_HEADER)
    assert len(rows) - 1 == count == len(audit.query(ctx, audit.AuditFilter(org=OWN, year=YEAR)))
    assert ["李四", "value", OWN, str(YEAR), "ec_investment", "", "8465.01", "cli"] == rows[1:][
        [r[5] for r in rows[1:]].index("ec_investment")][1:9]
    assert not (tmp_path / "audit.csv.part").exists()


def test_the_store_refuses_to_change_or_delete_audit_rows(ctx, store_path):
    _history(ctx)
    conn = sqlite3.connect(store_path)
    try:
        for sql in ("UPDATE audit_log SET new_text='0'", "DELETE FROM audit_log"):
            with pytest.raises(sqlite3.IntegrityError, match="append-only"):
                conn.execute(sql)
        assert conn.execute("SELECT count(*) FROM audit_log").fetchone()[0] == len(audit.query(ctx))
    finally:
        conn.close()


def test_status_changes_are_in_the_log(flow_ctx):
    workflow.return_(flow_ctx, OWN, YEAR, "telemedicine", "请补充说明")
    row = audit.query(flow_ctx, audit.AuditFilter(org=OWN, action="status", domain="telemedicine"))[0]
    assert (row.old, row.new, row.detail) == ("submitted", "returned", "return: 请补充说明")
