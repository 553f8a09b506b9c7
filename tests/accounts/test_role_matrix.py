"""Each role × each service action × own / other county: allowed ones succeed, the rest are refused unchanged.

The expectations are written out here by hand (not read from access.RIGHTS), so a wrong entry in RIGHTS
or a service that forgets ``require`` fails this test.
"""

from datetime import date

import pytest

from jzhealth_desktop.services import accounts, audit, backup, deadlines, workflow
from jzhealth_desktop.services.access import ADMIN, CLERK, REVIEWER, AccessDenied, Principal
from jzhealth_desktop.services.aggregate import aggregate_year, county_table, zero_streak
from jzhealth_desktop.services.forms import read_form, save_form, validate
from jzhealth_desktop.services.targets import set_target

from .conftest import OTHER, OWN, YEAR

PW = "Matrix-pass-1"

# action name → (callable(ctx, org), roles allowed on the clerk's OWN county, roles allowed on the OTHER county)
C, R, A = CLERK, REVIEWER, ADMIN
ACTIONS = {
    "read_form": (lambda ctx, org: read_form(ctx, org, YEAR, "eldercare"), {C, R, A}, {R, A}),
    "validate": (lambda ctx, org: validate(ctx, org, YEAR, {"ec_beds": "99"}), {C, R, A}, {R, A}),
    "save_form": (lambda ctx, org: save_form(ctx, org, YEAR, "eldercare", {"ec_signed_rural": "7"}), {C, A}, {A}),
    "county_total": (lambda ctx, org: aggregate_year(ctx, YEAR, org), {C, R, A}, {R, A}),
    "city_total": (lambda ctx, org: aggregate_year(ctx, YEAR), {R, A}, {R, A}),
    "county_table": (lambda ctx, org: county_table(ctx, YEAR), {R, A}, {R, A}),
    "zero_streak": (lambda ctx, org: zero_streak(ctx, "ec_centers", YEAR, org), {C, R, A}, {R, A}),
    "submit": (lambda ctx, org: workflow.submit(ctx, org, YEAR, "eldercare"), {C, A}, {A}),
    "approve": (lambda ctx, org: workflow.approve(ctx, org, YEAR, "telemedicine"), {R, A}, {R, A}),
    "return": (lambda ctx, org: workflow.return_(ctx, org, YEAR, "telemedicine", "请核实"), {R, A}, {R, A}),
    "reopen": (lambda ctx, org: workflow.reopen(ctx, org, YEAR, "immunization", "更正"), {R, A}, {R, A}),
    "status": (lambda ctx, org: workflow.get_status(ctx, org, YEAR, "eldercare"), {C, R, A}, {R, A}),
    "due_list": (lambda ctx, org: deadlines.due_list(ctx, org, YEAR, date(2022, 3, 1)), {C, R, A}, {R, A}),
    "set_deadline": (lambda ctx, org: deadlines.set_deadline(ctx, "eldercare", YEAR, "2022-03-31"), {R, A}, {R, A}),
    "set_target": (lambda ctx, org: set_target(ctx, "ec_centers", YEAR, "410800", "50"), {R, A}, {R, A}),
    "audit_query": (lambda ctx, org: audit.query(ctx, audit.AuditFilter(org=org)), {C, R, A}, {R, A}),
    "add_user": (lambda ctx, org: accounts.add_user(ctx, "new" + org, CLERK, PW, org), {A}, {A}),
    "list_users": (lambda ctx, org: accounts.list_users(ctx), {A}, {A}),
    "update_user": (lambda ctx, org: accounts.update_user(ctx, "clerk", display_name="x"), {A}, {A}),
    "reset_password": (lambda ctx, org: accounts.set_password(ctx, "reviewer", "Reset-pass-1"), {A}, {A}),
    "backup": (lambda ctx, org: backup.manual_backup(ctx), {C, R, A}, {C, R, A}),
    "restore": (lambda ctx, org: backup.restore(ctx, backup.manual_backup(ctx)), {A}, {A}),
}
# The right (services/access.RIGHTS) each action above needs.
RIGHT_OF = {
    "read_form": "values.read", "validate": "values.read", "county_total": "values.read",
    "city_total": "values.read", "county_table": "values.read", "zero_streak": "values.read",
    "status": "values.read", "due_list": "values.read", "save_form": "values.write",
    "submit": "submission.submit", "approve": "submission.review", "return": "submission.review",
    "reopen": "submission.review", "set_deadline": "deadlines.write", "set_target": "targets.write",
    "audit_query": "audit.read", "add_user": "accounts.manage", "list_users": "accounts.manage",
    "update_user": "accounts.manage", "reset_password": "accounts.manage", "backup": "store.backup",
    "restore": "store.maintain",
}
# Rights whose refusals are tested beside their feature, not in this matrix.
ELSEWHERE = {"exchange.export": "exchange/test_exchange_package.py", "exchange.import": "exchange/test_exchange_trust.py",
             "reports.build": "reports/test_documents.py"}
PRINCIPALS = {CLERK: Principal("clerk", CLERK, OWN), REVIEWER: Principal("reviewer", REVIEWER),
              ADMIN: Principal("admin", ADMIN)}


@pytest.fixture
def matrix_ctx(flow_ctx):
    accounts.add_user(flow_ctx, "admin", ADMIN, PW)
    accounts.add_user(flow_ctx, "reviewer", REVIEWER, PW)
    accounts.add_user(flow_ctx, "clerk", CLERK, PW, OWN)
    return flow_ctx


@pytest.mark.parametrize("where", ["own", "other"])
@pytest.mark.parametrize("role", [CLERK, REVIEWER, ADMIN])
@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_role_matrix(matrix_ctx, flow_path, snapshot, action, role, where):
    call, own_roles, other_roles = ACTIONS[action]
    org = OWN if where == "own" else OTHER
    expected = role in (own_roles if where == "own" else other_roles)
    ctx = matrix_ctx
    ctx.principal, ctx.user = PRINCIPALS[role], PRINCIPALS[role].name
    if expected:
        call(ctx, org)  # must succeed outright (the fixture puts every form in the state the step needs)
    else:
        before = snapshot(flow_path)
        with pytest.raises(AccessDenied, match="无权"):
            call(ctx, org)
        assert snapshot(flow_path) == before


def test_every_right_is_exercised_by_the_matrix():
    """Every right in RIGHTS is what some action above needs, or is named with the test file that exercises it;
    a new right (or a new action without its right) fails here until the matrix catches up."""
    from pathlib import Path

    from jzhealth_desktop.services.access import RIGHTS

    assert set(RIGHT_OF) == set(ACTIONS)  # each row says which right it exercises
    for action, right in RIGHT_OF.items():
        allowed_somewhere = ACTIONS[action][1] | ACTIONS[action][2]
        assert allowed_somewhere <= RIGHTS[right], f"{action}: a role the matrix allows does not hold {right}"
    assert set(RIGHTS) - set(RIGHT_OF.values()) == set(ELSEWHERE)
    for right, test_file in ELSEWHERE.items():
        text = (Path(__file__).parents[1] / test_file).read_text(encoding="utf-8")
        assert "AccessDenied" in text, f"{test_file} should refuse a role without {right}"
