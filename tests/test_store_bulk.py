"""Bulk inserts put many rows in each statement and same-valued columns in it once: every row still lands, in
order, with exactly the values given, whatever the texts hold (quotes, placeholders, a NUL)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from jzhealth_desktop.store import repo
from jzhealth_desktop.store.models import AuditEntry, DataValue

AT = repo.utcnow()


def audit_rows(n: int) -> list[tuple]:
    return [("value", "410802", 2000 + i % 50, f"code{i}", "", str(i), "说明'?%s" if i % 7 == 0 else "")
            for i in range(n)]


@pytest.mark.parametrize("user,source", [("市审核员", "import:" + "0" * 64),
                                         ("O'Brien ? %s :x", "excel:it's;--"),
                                         ("nul\x00user", "import:\x00")])
def test_audit_rows_land_in_order_with_the_constants_given(any_ctx, user, source):
    ctx = any_ctx
    if "\x00" in user and ctx.db.dialect != "sqlite":
        pytest.skip("PostgreSQL text cannot hold a NUL character at all")
    per_statement = repo.MAX_PARAMETERS // 7
    rows = audit_rows(2 * per_statement + 5)  # full statements and a shorter last one
    with ctx.db.write() as session:
        repo.insert_audit_rows(session, rows, user, source, AT)
    with ctx.db.read() as session:
        got = session.execute(select(AuditEntry.action, AuditEntry.org_code, AuditEntry.year, AuditEntry.subject,
                                     AuditEntry.old_text, AuditEntry.new_text, AuditEntry.detail,
                                     AuditEntry.user_name, AuditEntry.source, AuditEntry.at)
                              .where(AuditEntry.subject.like("code%")).order_by(AuditEntry.id)).all()
    assert [tuple(r[:7]) for r in got] == rows
    assert {(r.user_name, r.source, r.at) for r in got} == {(user, source, AT)}


def test_values_land_whatever_their_number(any_ctx):
    ctx = any_ctx
    codes = [i.code for i in ctx.catalogue.indicators() if i.level == "county"]
    rows = [("410802", 2000 + i // len(codes), codes[i % len(codes)], i * 10, 1, f"第{i}条") for i in range(700)]
    with ctx.db.write() as session:
        repo.insert_values(session, rows[:1], "甲", AT)
        repo.insert_values(session, rows[1:], "甲", AT)
        repo.insert_values(session, [], "甲", AT)
    with ctx.db.read() as session:
        got = session.execute(select(DataValue.org_code, DataValue.year, DataValue.indicator_code, DataValue.num,
                                     DataValue.scale, DataValue.comment, DataValue.updated_by, DataValue.updated_at,
                                     DataValue.version)).all()
    assert sorted(tuple(r[:6]) for r in got) == sorted(rows)
    assert {tuple(r[6:]) for r in got} == {("甲", AT, 1)}
