from decimal import Decimal

import pytest
from sqlalchemy import select

from jzhealth_desktop.domain.errors import InputError
from jzhealth_desktop.services.forms import ValidationFailed, read_form, save_form, save_values, validate
from jzhealth_desktop.store.models import AuditEntry, Submission

COUNTY = "410821"


@pytest.fixture
def store_path(any_store):
    """Every test here runs on SQLite and on PostgreSQL: ``store_path`` is a file or a server URL."""
    return any_store


def test_save_and_read_back_with_last_year(ctx):
    save_form(ctx, COUNTY, 2020, "immunization", {"imm_clinics": "10", "imm_demo_clinics": "8"})
    save_form(ctx, COUNTY, 2021, "immunization", {"imm_clinics": "12", "imm_demo_clinics": "10"})
    form = read_form(ctx, COUNTY, 2021, "immunization")
    assert form.values == {"imm_clinics": 12, "imm_demo_clinics": 10}
    assert form.last_year == {"imm_clinics": 10, "imm_demo_clinics": 8}
    assert form.rates["imm_demo_rate"] == Decimal("83.33")
    assert form.status == "draft"


def test_every_change_is_audited_old_to_new(ctx):
    save_form(ctx, COUNTY, 2021, "eldercare", {"ec_beds": "100"})
    save_form(ctx, COUNTY, 2021, "eldercare", {"ec_beds": "120"})
    save_form(ctx, COUNTY, 2021, "eldercare", {"ec_beds": "120"})  # unchanged: no audit row
    with ctx.db.read() as s:
        rows = s.scalars(select(AuditEntry).where(AuditEntry.subject == "ec_beds").order_by(AuditEntry.id)).all()
    assert [(r.old_text, r.new_text, r.user_name, r.source) for r in rows] == [
        ("", "100", "测试员", "form"), ("100", "120", "测试员", "form")]


def test_clearing_a_value_deletes_it_and_is_audited(ctx):
    save_form(ctx, COUNTY, 2021, "eldercare", {"ec_beds": "100"})
    save_form(ctx, COUNTY, 2021, "eldercare", {"ec_beds": ""})
    assert "ec_beds" not in read_form(ctx, COUNTY, 2021, "eldercare").values
    with ctx.db.read() as s:
        last = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert (last.old_text, last.new_text) == ("100", "")


def test_hard_error_refuses_whole_save_and_names_each_field(ctx, store_path, snapshot):
    save_form(ctx, COUNTY, 2021, "immunization", {"imm_clinics": "10"})
    before = snapshot(store_path)
    with pytest.raises(ValidationFailed) as err:
        save_form(ctx, COUNTY, 2021, "immunization",
                  {"imm_units": "20", "imm_demo_clinics": "11", "imm_digital_clinics": "abc", "imm_rural_due": "-3"})
    fields = {i.code for i in err.value.issues}
    assert fields == {"imm_demo_clinics", "imm_digital_clinics", "imm_rural_due"}
    assert "「省级预防接种示范门诊数」" in err.value.zh and "不能为负数" in err.value.zh
    assert snapshot(store_path) == before


def test_soft_warning_needs_a_comment(ctx, store_path, snapshot):
    save_form(ctx, 410821, 2020, "eldercare", {"ec_beds": "100"})
    before = snapshot(store_path)
    with pytest.raises(ValidationFailed, match="请填写说明"):
        save_form(ctx, COUNTY, 2021, "eldercare", {"ec_beds": "400"})
    assert snapshot(store_path) == before
    result = save_form(ctx, COUNTY, 2021, "eldercare", {"ec_beds": "400"}, {"ec_beds": "新建两家医养中心"})
    assert result.warnings and result.warnings[0].code == "ec_beds"
    assert read_form(ctx, COUNTY, 2021, "eldercare").comments == {"ec_beds": "新建两家医养中心"}


def test_validate_reports_without_writing(ctx, store_path, snapshot):
    before = snapshot(store_path)
    issues = validate(ctx, COUNTY, 2021, {"ec_centers": "5", "ec_admitted": "9", "ec_eligible": "4"}, domain="eldercare")
    assert {i.code for i in issues if i.severity == "hard"} == {"ec_admitted"}
    assert snapshot(store_path) == before


@pytest.mark.parametrize("org, year, entries, message", [
    ("999999", 2021, {"ec_beds": "1"}, "未知的单位代码"),
    (COUNTY, 2021, {"no_such_code": "1"}, "未知的指标代码"),
    (COUNTY, 1999, {"ec_beds": "1"}, "超出范围"),
    (COUNTY, 2101, {"ec_beds": "1"}, "超出范围"),
    (COUNTY, "二〇二一", {"ec_beds": "1"}, "不是整数"),
    (COUNTY, 2021, {"ec_beds": "十"}, "不是数字"),
    (COUNTY, 2021, {"ec_beds": "12.5"}, "必须是整数"),
    (COUNTY, 2021, {"ec_beds": "-1"}, "不能为负数"),
    (COUNTY, 2021, {"ec_investment": "8465.015"}, "最多保留 2 位小数"),
    (COUNTY, 2021, {"ec_eligible": "10", "ec_admitted": "11"}, "不能大于"),
    (COUNTY, 2021, {"ec_admission_rate": "91.2"}, "计算得出"),
    (COUNTY, 2021, {"ms_city_key": "52"}, "只能由市级填报"),
])
def test_bad_input_refused_with_store_unchanged(ctx, store_path, snapshot, org, year, entries, message):
    save_values(ctx, COUNTY, 2021, {"ec_centers": "3"})
    before = snapshot(store_path)
    with pytest.raises(InputError, match=message):
        save_values(ctx, org, year, entries)
    assert snapshot(store_path) == before


def test_entries_of_another_domain_are_refused_on_a_form(ctx):
    with pytest.raises(InputError, match="不属于本表"):
        save_form(ctx, COUNTY, 2021, "eldercare", {"imm_clinics": "3"})


def test_approved_data_is_locked(ctx, store_path, snapshot):
    save_form(ctx, COUNTY, 2021, "eldercare", {"ec_beds": "100"})
    with ctx.db.write() as s:
        s.get(Submission, (COUNTY, 2021, "eldercare")).status = "approved"
    before = snapshot(store_path)
    with pytest.raises(InputError, match="审核通过并锁定"):
        save_form(ctx, COUNTY, 2021, "eldercare", {"ec_beds": "101"})
    assert snapshot(store_path) == before


def test_exact_money_survives_store(ctx):
    save_form(ctx, COUNTY, 2021, "eldercare", {"ec_investment": "8465.01"})
    value = read_form(ctx, COUNTY, 2021, "eldercare").values["ec_investment"]
    assert str(value) == "8465.01" and isinstance(value, Decimal)


def test_second_save_of_the_same_form_is_refused_not_overwritten(ctx, store_path, snapshot):
    from jzhealth_desktop.services.forms import ConflictError

    save_form(ctx, COUNTY, 2021, "eldercare", {"ec_beds": "100", "ec_centers": "2"})
    clerk_a = read_form(ctx, COUNTY, 2021, "eldercare")
    clerk_b = read_form(ctx, COUNTY, 2021, "eldercare")
    save_form(ctx, COUNTY, 2021, "eldercare", {"ec_beds": "110"}, base=clerk_a.stamps)
    before = snapshot(store_path)
    with pytest.raises(ConflictError, match="「医养床位数」已被 测试员 于 .* 改为 110"):
        save_form(ctx, COUNTY, 2021, "eldercare", {"ec_beds": "120"}, base=clerk_b.stamps)
    assert snapshot(store_path) == before
    # an untouched field of the same form can still be saved from the stale copy
    save_form(ctx, COUNTY, 2021, "eldercare", {"ec_centers": "3"}, base=clerk_b.stamps)
    # a field empty when read and filled by someone else since is a conflict too
    save_form(ctx, COUNTY, 2021, "eldercare", {"ec_signed_rural": "5"})
    with pytest.raises(ConflictError):
        save_form(ctx, COUNTY, 2021, "eldercare", {"ec_signed_rural": "6"}, base=clerk_b.stamps)


def test_editing_a_submitted_form_puts_it_back_to_draft_audited(ctx):
    save_form(ctx, COUNTY, 2021, "eldercare", {"ec_beds": "100"})
    with ctx.db.write() as s:
        s.get(Submission, (COUNTY, 2021, "eldercare")).status = "submitted"
    save_form(ctx, COUNTY, 2021, "eldercare", {"ec_beds": "100"})  # nothing changed: stays submitted
    assert read_form(ctx, COUNTY, 2021, "eldercare").status == "submitted"
    save_form(ctx, COUNTY, 2021, "eldercare", {"ec_beds": "101"})
    assert read_form(ctx, COUNTY, 2021, "eldercare").status == "draft"
    with ctx.db.read() as s:
        row = s.scalars(select(AuditEntry).where(AuditEntry.action == "status")).one()
    assert (row.subject, row.old_text, row.new_text) == ("eldercare", "submitted", "draft")


def test_many_org_years_in_one_transaction_refuse_together(ctx, store_path, snapshot):
    from jzhealth_desktop.services.forms import Batch, apply_many

    before = snapshot(store_path)
    batches = [Batch("410821", 2021, {"ec_beds": 10}), Batch("410822", 2021, {"ec_eligible": 1, "ec_admitted": 2})]
    with pytest.raises(ValidationFailed):
        with ctx.db.write() as session:
            apply_many(ctx, session, batches, "test")
    assert snapshot(store_path) == before
    with ctx.db.write() as session:
        results = apply_many(ctx, session, batches[:1] + [Batch("410822", 2021, {"ec_beds": 5})], "test")
    assert [r.changed for r in results] == [1, 1]


def test_grid_checks_a_year_against_the_pasted_year_before_as_the_save_does(ctx, store_path, snapshot):
    from jzhealth_desktop.services.grid import GridValidationFailed, check_grid, save_grid

    save_form(ctx, COUNTY, 2020, "eldercare", {"ec_beds": "100"})
    save_form(ctx, COUNTY, 2021, "eldercare", {"ec_beds": "100"})
    alone = {(COUNTY, 2021): {"ec_beds": "110"}}  # +10 % on the stored 2020: fine
    assert check_grid(ctx, "eldercare", alone) == {(COUNTY, 2021): []}
    pasted = {(COUNTY, 2020): {"ec_beds": "40"}, (COUNTY, 2021): {"ec_beds": "110"}}  # +175 % on the pasted 2020
    found = check_grid(ctx, "eldercare", pasted)
    assert found[(COUNTY, 2020)] == []  # no 2019 figure to compare with
    assert [(i.code, i.severity) for i in found[(COUNTY, 2021)]] == [("ec_beds", "soft")]
    assert "上年 40" in found[(COUNTY, 2021)][0].zh
    # Only the later column asked for: still compared with the pasted year before it.
    assert check_grid(ctx, "eldercare", pasted, [(COUNTY, 2021)]).keys() == {(COUNTY, 2021)}
    assert check_grid(ctx, "eldercare", pasted, [(COUNTY, 2021)])[(COUNTY, 2021)] == found[(COUNTY, 2021)]
    # The save sees it the same way: refused without comments, nothing written.
    before = snapshot(store_path)
    with pytest.raises(GridValidationFailed) as caught:
        save_grid(ctx, "eldercare", pasted)
    assert [i.code for i in caught.value.by_column[(COUNTY, 2021)]] == ["ec_beds"]
    assert snapshot(store_path) == before
