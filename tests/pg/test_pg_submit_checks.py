"""The server runs the program's submit checks itself (issue 15): a form with a missing required figure, a figure
out of its hard bounds, a capped rate above its denominator, a broken cross-field rule or an unexplained jump on
last year cannot become `submitted` — not through jz_submission_move, not with a plain UPDATE — from a clerk's
own connection; the server and the program agree on random forms. The program's submit still works. Against
the real test server."""

from __future__ import annotations

import pytest

from tests.pg.test_pg_roles import (A, OPEN_DOMAIN, PASSWORD, YEAR, _refused, _server_url,  # noqa: F401
                                    required_codes, server)

psycopg = pytest.importorskip("psycopg")
from psycopg import errors  # noqa: E402

from jzhealth_desktop.domain.catalogue import Indicator  # noqa: E402
from jzhealth_desktop.services import accounts, workflow  # noqa: E402
from jzhealth_desktop.services.context import shipped_catalogue  # noqa: E402
from jzhealth_desktop.services.forms import save_form  # noqa: E402

REFUSED = errors.CheckViolation
MOVE = "SELECT jz_submission_move(%s, %s, %s, 'submit')"
PLAIN = "UPDATE submission SET status = 'submitted' WHERE org_code = %s AND year = %s AND domain_code = %s"


def _status(server) -> str:  # noqa: F811
    return server.status(A, OPEN_DOMAIN)


def _first_required() -> tuple[str, str]:
    cat = shipped_catalogue()
    code = required_codes(OPEN_DOMAIN)[0]
    return code, cat.items[code].name


@pytest.mark.parametrize("how", [MOVE, PLAIN])
def test_a_form_missing_a_required_figure_is_not_submitted(server, how):  # noqa: F811
    code, name = _first_required()
    server.as_owner("DELETE FROM data_value WHERE org_code = :o AND year = :y AND indicator_code = :i",
                    {"o": A, "y": YEAR, "i": code})
    clerk = server.connect("clerk_a")
    with pytest.raises(REFUSED) as refused:
        clerk.execute(how, (A, YEAR, OPEN_DOMAIN))
    assert f"「{name}」为必填项" in str(refused.value) and str(refused.value).count("\n") <= 1
    assert _status(server) == "draft"


def test_a_figure_out_of_its_hard_bounds_is_not_submitted(server):  # noqa: F811
    code = required_codes(OPEN_DOMAIN)[1]
    name = shipped_catalogue().items[code].name
    clerk = server.connect("clerk_a")
    clerk.execute("UPDATE data_value SET num = -3 WHERE org_code = %s AND year = %s AND indicator_code = %s",
                  (A, YEAR, code))  # a draft may hold it (the program refuses it on save; plain SQL does not)
    _refused(clerk, MOVE, (A, YEAR, OPEN_DOMAIN), REFUSED)
    with pytest.raises(REFUSED, match=f"「{name}」不能为负数"):
        clerk.execute(PLAIN, (A, YEAR, OPEN_DOMAIN))
    assert _status(server) == "draft"


def test_a_capped_rate_above_its_denominator_is_not_submitted(server):  # noqa: F811
    cat = shipped_catalogue()
    rate = next(r for r in cat.rates() if r.capped and r.domain == OPEN_DOMAIN)
    for code, num in ((rate.denominator, 10), (rate.numerator, 12)):
        server.as_owner("DELETE FROM data_value WHERE org_code = :o AND year = :y AND indicator_code = :i",
                        {"o": A, "y": YEAR, "i": code})
        server.as_owner("INSERT INTO data_value (org_code, year, indicator_code, num, scale, comment, updated_by, "
                        "updated_at, version) VALUES (:o, :y, :i, :n, 0, '', 'seed', now(), 1)",
                        {"o": A, "y": YEAR, "i": code, "n": num})
    with pytest.raises(REFUSED, match=f"「{cat.items[rate.numerator].name}」（12）不能大于"):
        server.connect("clerk_a").execute(MOVE, (A, YEAR, OPEN_DOMAIN))
    assert _status(server) == "draft"


def test_a_complete_form_is_submitted_with_plain_sql(server):  # noqa: F811
    assert server.connect("clerk_a").execute(MOVE, (A, YEAR, OPEN_DOMAIN)).fetchone()[0] == "submitted"


def test_the_rules_are_the_catalogues_and_read_only_to_stations(server):  # noqa: F811
    cat = shipped_catalogue()
    clerk = server.connect("clerk_a")
    rows = clerk.execute("SELECT code, required, min_value, max_value FROM jz_submit_rules() ORDER BY pos").fetchall()
    wanted = [(c, i.required, i.min, i.max) for d in cat.domains for c in d.codes
              if isinstance(i := cat.items[c], Indicator)]
    assert [(c, r, None if lo is None else int(lo), None if hi is None else int(hi)) for c, r, lo, hi in rows] == wanted
    _refused(clerk, "CREATE OR REPLACE FUNCTION jz_submit_rules() RETURNS TABLE (pos integer, domain_code varchar, "
                    "code varchar, name varchar, level varchar, required boolean, min_value numeric, "
                    "max_value numeric) LANGUAGE sql AS $$ SELECT 1, '', '', '', '', false, 0::numeric, 0::numeric "
                    "WHERE false $$")
    _refused(clerk, "DROP FUNCTION jz_submit_problem(varchar, integer, varchar)")


def test_the_programs_submit_still_works_as_a_clerk(server):  # noqa: F811
    ctx = accounts.open_as_account(_server_url(server), server.role("clerk_a"), PASSWORD)
    try:
        cat = ctx.catalogue
        figures = {c: "5" for c in cat.domain(OPEN_DOMAIN).codes
                   if isinstance(cat.items[c], Indicator) and cat.items[c].level != "city"}
        save_form(ctx, A, 2023, OPEN_DOMAIN, figures)
        assert workflow.submit(ctx, A, 2023, OPEN_DOMAIN).status == "submitted"
    finally:
        ctx.close()


def _put(server, code: str, num: int, year: int = YEAR, comment: str = "") -> None:  # noqa: F811
    server.as_owner("DELETE FROM data_value WHERE org_code = :o AND year = :y AND indicator_code = :i",
                    {"o": A, "y": year, "i": code})
    server.as_owner("INSERT INTO data_value (org_code, year, indicator_code, num, scale, comment, updated_by, "
                    "updated_at, version) VALUES (:o, :y, :i, :n, 0, :c, 'seed', now(), 1)",
                    {"o": A, "y": year, "i": code, "n": num, "c": comment})


def test_a_broken_cross_field_rule_is_not_submitted(server):  # noqa: F811
    rule = next(r for r in shipped_catalogue().rules if r.domain == OPEN_DOMAIN and r.severity == "hard")
    _put(server, rule.left[0], 11)  # the right side holds 10
    with pytest.raises(REFUSED, match=rule.zh):
        server.connect("clerk_a").execute(PLAIN, (A, YEAR, OPEN_DOMAIN))
    assert _status(server) == "draft"


def test_a_jump_on_last_year_needs_a_comment_on_its_field(server):  # noqa: F811
    code, name = _first_required()
    _put(server, code, 10, year=YEAR - 1)
    _put(server, code, 16)  # +60 %: over the catalogue's 50 %
    clerk = server.connect("clerk_a")
    with pytest.raises(REFUSED, match=f"「{name}」比上年变化超过 50%，请填写说明"):
        clerk.execute(MOVE, (A, YEAR, OPEN_DOMAIN))
    _put(server, code, 16, comment=" \t")  # blanks are no comment
    _refused(clerk, MOVE, (A, YEAR, OPEN_DOMAIN), REFUSED)
    _put(server, code, 15)  # exactly 50 %: no warning, as in the program
    assert clerk.execute(MOVE, (A, YEAR, OPEN_DOMAIN)).fetchone()[0] == "submitted"


def test_a_commented_jump_is_submitted(server):  # noqa: F811
    code, _name = _first_required()
    _put(server, code, 10, year=YEAR - 1)
    _put(server, code, 40, comment="新建门诊三处")
    assert server.connect("clerk_a").execute(PLAIN, (A, YEAR, OPEN_DOMAIN)).rowcount == 1
    assert _status(server) == "submitted"


def test_the_server_and_the_program_agree_on_any_form(server):  # noqa: F811
    """For any figures, comments and last year's figures, the server refuses a submit exactly when the program
    finds something that blocks it; a missing or out-of-bounds figure is named in the program's own words."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    cat = shipped_catalogue()
    codes = [c for c in cat.domain(OPEN_DOMAIN).codes
             if isinstance(cat.items[c], Indicator) and cat.items[c].level != "city"]
    required = set(required_codes(OPEN_DOMAIN))
    small = st.integers(min_value=0, max_value=30)
    # required figures mostly present and mostly in bounds, so that every kind of problem (and none) comes up
    now = {c: st.one_of(small, small, small, st.just(-1), st.none()) if c in required else st.one_of(st.none(), small)
           for c in codes}
    forms = st.fixed_dictionaries({c: st.tuples(now[c], st.one_of(st.none(), small), st.sampled_from(["", "说明", " "]))
                                   for c in codes})
    outcomes = set()
    ctx = accounts.open_as_account(_server_url(server), server.role("clerk_a"), PASSWORD)
    clerk = server.connect("clerk_a")

    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
    @given(forms)
    def agree(form):
        server.as_owner("DELETE FROM data_value WHERE org_code = :o AND year IN (:y, :y - 1) "
                        "AND indicator_code = ANY(:c)", {"o": A, "y": YEAR, "c": codes})
        for code, (now, last, comment) in form.items():
            for year, num, note in ((YEAR, now, comment), (YEAR - 1, last, "")):
                if num is not None:
                    _put(server, code, num, year=year, comment=note)
        with ctx.db.read() as session:
            issues = workflow.submission_issues(ctx, session, A, YEAR, OPEN_DOMAIN)
        problem = clerk.execute("SELECT jz_submit_problem(%s, %s, %s)", (A, YEAR, OPEN_DOMAIN)).fetchone()[0]
        assert (problem is None) == (not issues), (problem, [i.zh for i in issues])
        outcomes.add(issues[0].rule if issues else "ok")
        if issues and issues[0].rule in ("required", "min", "max"):
            assert problem == issues[0].zh

    try:
        agree()
    finally:
        ctx.close()
    assert {"ok", "required"} <= outcomes and len(outcomes) >= 3, outcomes  # refusals of several kinds, and none
