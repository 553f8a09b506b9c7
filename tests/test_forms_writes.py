"""``apply_many`` plans its writes as plain tuples (with a shortcut for a count's stored number and text): what it
stores and audits is what the plain rules say, value by value, for new, changed, cleared and comment-only entries."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from jzhealth_desktop.domain.values import to_scaled, value_text
from jzhealth_desktop.services.forms import Batch, apply_many
from jzhealth_desktop.store.models import AuditEntry, DataValue

ORG, YEAR = "410802", 2021
# county indicators no rule or capped rate names: any non-negative figures pass, whatever the others are
SCALES = {"imm_polio_cases": 0, "imm_diphtheria_cases": 0, "hp_lifted": 0, "ec_investment": 2, "pj_floor_area": 2}


def entry(code: str):
    if SCALES[code] == 0:
        return st.none() | st.integers(0, 10**6) | st.sampled_from([0, 7])
    return st.none() | st.integers(0, 10**8).map(lambda n: Decimal(n).scaleb(-2)) | st.just(Decimal("7.00"))


batch = st.fixed_dictionaries({}, optional={c: entry(c) for c in SCALES}).flatmap(
    lambda parsed: st.tuples(st.just(parsed), st.fixed_dictionaries(
        {}, optional={c: st.sampled_from(["", "说明", "又一条说明"]) for c in SCALES})))


def expected(state: dict, parsed: dict, comments: dict) -> list[tuple]:
    """The audit rows the plain rules give, updating ``state`` ({code: (value, comment)}) as the store should be."""
    audit = []
    for code in sorted(set(parsed) | set(comments)):
        old = state.get(code)
        old_text, old_comment = (value_text(old[0]), old[1]) if old else ("", "")
        value = parsed[code] if code in parsed else (old[0] if old else None)
        comment = comments.get(code, old_comment)
        if value is None:
            if old:
                del state[code]
                audit.append(("value", code, old_text, ""))
            continue
        if old is None or value_text(value) != old_text:
            audit.append(("value", code, old_text, value_text(value)))
        if comment != old_comment:
            audit.append(("comment", code, old_comment, comment))
        state[code] = (value, comment)
    return audit


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(batches=st.lists(batch, min_size=1, max_size=4))
def test_what_apply_many_stores_and_audits_is_what_the_plain_rules_say(any_ctx, batches):
    ctx = any_ctx
    with ctx.db.write() as session:  # start from nothing stored
        session.execute(DataValue.__table__.delete())
    state: dict = {}
    for parsed, comments in batches:
        with ctx.db.write() as session:
            first = session.execute(select(AuditEntry.id).order_by(AuditEntry.id.desc()).limit(1)).scalar() or 0
            apply_many(ctx, session, [Batch(ORG, YEAR, parsed, comments)], "test", require_comments=False)
        want = expected(state, parsed, comments)
        with ctx.db.read() as session:
            audit = [tuple(r) for r in session.execute(
                select(AuditEntry.action, AuditEntry.subject, AuditEntry.old_text, AuditEntry.new_text)
                .where(AuditEntry.id > first, AuditEntry.action != "status").order_by(AuditEntry.id))]
            stored = {r.indicator_code: (r.num, r.scale, r.comment) for r in session.execute(
                select(DataValue.indicator_code, DataValue.num, DataValue.scale, DataValue.comment))}
        assert audit == want
        assert stored == {c: (to_scaled(v, SCALES[c]), SCALES[c], m) for c, (v, m) in state.items()}
