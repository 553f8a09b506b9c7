from datetime import date

import pytest

from jzhealth_desktop.domain.errors import InputError
from jzhealth_desktop.services import audit, deadlines, workflow
from jzhealth_desktop.services.access import CLERK, REVIEWER, Principal
from jzhealth_desktop.services.forms import ValidationFailed, read_form, save_form, save_values

from .conftest import OWN, YEAR


def test_submit_is_blocked_by_hard_errors(ctx, store_path, snapshot):
    # a hard error that got into the store another way (a rule the catalogue added later) blocks submitting
    save_form(ctx, OWN, YEAR, "immunization", {"imm_clinics": "10", "imm_digital_clinics": "8"})
    import sqlite3

    conn = sqlite3.connect(store_path)
    conn.execute("UPDATE data_value SET num=12 WHERE indicator_code='imm_digital_clinics'")
    conn.commit()
    conn.close()
    before = snapshot(store_path)
    with pytest.raises(ValidationFailed) as err:
        workflow.submit(ctx, OWN, YEAR, "immunization")
    assert any(i.severity == "hard" and i.code == "imm_digital_clinics" for i in err.value.issues)
    assert "数字化门诊数不能超过预防接种门诊数" in err.value.zh
    assert snapshot(store_path) == before
    assert workflow.get_status(ctx, OWN, YEAR, "immunization").status == "draft"


def test_submit_needs_comments_on_soft_warnings(flow_ctx, flow_path, snapshot):
    ctx = flow_ctx
    form = read_form(ctx, OWN, YEAR, "eldercare")
    # last year's figure changes afterwards, so this year's ec_beds now jumps by far more than the threshold
    save_values(ctx, OWN, YEAR - 1, {"ec_beds": max(1, int(form.values["ec_beds"]) // 10)},
                {"ec_beds": "更正上年数"})
    before = snapshot(flow_path)
    with pytest.raises(workflow.SubmitBlocked, match="未提交.*医养结合床位|未提交.*床位") as err:
        workflow.submit(ctx, OWN, YEAR, "eldercare")
    assert [i.code for i in err.value.issues] == ["ec_beds"] and err.value.issues[0].severity == "soft"
    assert snapshot(flow_path) == before
    save_form(ctx, OWN, YEAR, "eldercare", {}, {"ec_beds": "上年数据已更正，本年数无误"})
    assert workflow.submit(ctx, OWN, YEAR, "eldercare").status == "submitted"


def test_submit_refuses_missing_required_fields(ctx):
    save_form(ctx, OWN, YEAR, "eldercare", {"ec_beds": "30"})
    with pytest.raises(workflow.SubmitBlocked, match="「医养中心数」为必填项"):
        workflow.submit(ctx, OWN, YEAR, "eldercare")


def test_submit_refuses_an_empty_form_and_a_submitted_one(flow_ctx):
    with pytest.raises(workflow.WorkflowError, match="未填报"):
        workflow.submit(flow_ctx, OWN, YEAR, "projects")
    with pytest.raises(workflow.WorkflowError, match="已提交"):
        workflow.submit(flow_ctx, OWN, YEAR, "telemedicine")


def test_full_cycle_is_audited_and_approval_locks_every_write_path(flow_ctx, flow_path, snapshot):
    ctx = flow_ctx
    ctx.principal, ctx.user = Principal("rev", REVIEWER), "rev"
    with pytest.raises(InputError, match="请填写理由"):
        workflow.return_(ctx, OWN, YEAR, "telemedicine", "  ")
    workflow.return_(ctx, OWN, YEAR, "telemedicine", "网点数与上年差异大，请核实")
    ctx.principal, ctx.user = Principal("li", CLERK, OWN), "li"
    form = read_form(ctx, OWN, YEAR, "telemedicine")
    assert form.status == "returned"
    code = next(c for c in form.codes if c in form.values)
    save_form(ctx, OWN, YEAR, "telemedicine", {code: form.values[code]}, {code: "已核实"})
    assert workflow.get_status(ctx, OWN, YEAR, "telemedicine").status == "draft"
    workflow.submit(ctx, OWN, YEAR, "telemedicine")
    ctx.principal, ctx.user = Principal("rev", REVIEWER), "rev"
    approved = workflow.approve(ctx, OWN, YEAR, "telemedicine")
    # locked: the clerk's form save, a bare value save and an admin all get the approval named
    ctx.principal, ctx.user = Principal("li", CLERK, OWN), "li"
    before = snapshot(flow_path)
    when = approved.changed_at.strftime("%Y-%m-%d %H:%M")
    for attempt in (lambda: save_form(ctx, OWN, YEAR, "telemedicine", {code: "1"}),
                    lambda: save_values(ctx, OWN, YEAR, {code: "1"}, source="cli")):
        with pytest.raises(InputError, match=f"已由 rev 于 {when} 审核通过并锁定"):
            attempt()
    assert snapshot(flow_path) == before
    ctx.principal, ctx.user = Principal("rev", REVIEWER), "rev"
    workflow.reopen(ctx, OWN, YEAR, "telemedicine", "发现录入错误")
    ctx.principal, ctx.user = Principal("li", CLERK, OWN), "li"
    save_form(ctx, OWN, YEAR, "telemedicine", {code: form.values[code]}, {code: "已更正"})
    rows = audit.query(ctx, audit.AuditFilter(org=OWN, year=YEAR, action="status", subject="telemedicine"))
    trail = [(r.user, r.old, r.new, r.detail) for r in reversed(rows)]
    back_to_draft = "数据修改后退回草稿 / figures changed, back to draft"
    assert trail[-6:] == [  # before these: the fixture's own submit
        ("rev", "submitted", "returned", "return: 网点数与上年差异大，请核实"),
        ("li", "returned", "draft", back_to_draft),
        ("li", "draft", "submitted", "submit"),
        ("rev", "submitted", "approved", "approve"),
        ("rev", "approved", "returned", "reopen: 发现录入错误"),
        ("li", "returned", "draft", back_to_draft),
    ]


def test_reviewer_cannot_approve_what_was_not_submitted(flow_ctx, flow_path, snapshot):
    before = snapshot(flow_path)
    with pytest.raises(workflow.WorkflowError, match="当前为“草稿”|当前为“未填报”"):
        workflow.approve(flow_ctx, OWN, YEAR, "eldercare")
    with pytest.raises(workflow.WorkflowError, match="已审核通过"):
        workflow.return_(flow_ctx, OWN, YEAR, "immunization", "x")
    with pytest.raises(workflow.WorkflowError, match="已提交"):
        workflow.reopen(flow_ctx, OWN, YEAR, "telemedicine", "x")
    assert snapshot(flow_path) == before


def test_deadlines_days_left_and_overdue(flow_ctx, store_path):
    ctx = flow_ctx
    deadlines.set_deadline(ctx, "eldercare", YEAR, "2022-03-31")
    deadlines.set_deadline(ctx, "telemedicine", YEAR, date(2022, 2, 28))
    deadlines.set_deadline(ctx, "maternal", YEAR, "2022-02-15")
    today = date(2022, 3, 1)
    due = {d.domain: d for d in deadlines.due_list(ctx, OWN, YEAR, today)}
    assert due["eldercare"].days_left == 30 and not due["eldercare"].overdue
    assert due["telemedicine"].days_left == -1 and due["telemedicine"].delivered and not due["telemedicine"].overdue
    assert due["maternal"].overdue and due["maternal"].days_left == -14
    assert [d.domain for d in deadlines.still_due(ctx, OWN, YEAR, today)] == ["maternal", "eldercare"]
    deadlines.set_deadline(ctx, "maternal", YEAR, None)
    assert "maternal" not in deadlines.deadlines(ctx, YEAR)
    rows = audit.query(ctx, audit.AuditFilter(action="deadline"))
    assert [(r.subject, r.old, r.new) for r in rows][0] == ("maternal", "2022-02-15", "")


@pytest.mark.parametrize("due, message", [("2022-13-01", "日期"), ("明天", "日期"), ("2030-01-01", "之间")])
def test_bad_deadlines_are_refused(ctx, store_path, snapshot, due, message):
    before = snapshot(store_path)
    with pytest.raises(InputError, match=message):
        deadlines.set_deadline(ctx, "eldercare", YEAR, due)
    assert snapshot(store_path) == before
