"""Targets set like figures: checked in full first, one transaction, audited; ``jzhealth targets set|get``."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jzhealth_desktop.cli import main
from jzhealth_desktop.domain.errors import InputError
from jzhealth_desktop.services import accounts, audit
from jzhealth_desktop.services.access import ADMIN, CLERK, AccessDenied, Principal
from jzhealth_desktop.services.targets import set_target, set_targets, target_rows, targets

CITY, XIUWU = "410800", "410821"


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_set_and_get_json_round_trip(capsys, store_path):
    db = str(store_path)
    code, out, err = run(capsys, "--db", db, "targets", "set", "--org", CITY, "--year", "2014",
                         "ncms_subsidy=320", "pj_total_investment=96800", "bph_health_cards=1000000",
                         "--note", "ncms_subsidy=人均财政补助标准提高到{target}")
    assert code == 0 and "更改 3 项" in out, err
    run(capsys, "--db", db, "targets", "set", "--org", CITY, "--year", "2014", "--comparison", "about",
        "ncms_major_ratio=70")
    code, out, _ = run(capsys, "--db", db, "targets", "get", "--year", "2014", "--json")
    rows = {row["code"]: row for row in json.loads(out)}
    assert rows["ncms_subsidy"] == {"code": "ncms_subsidy", "name": "新农合人均财政补助标准", "unit": "元",
                                    "value": "320.00", "comparison": ">=", "note": "人均财政补助标准提高到{target}"}
    assert rows["bph_health_cards"]["value"] == 1000000  # counts stay integers
    assert rows["ncms_major_ratio"]["comparison"] == "~" and rows["ncms_major_ratio"]["value"] == "70.00"
    assert list(rows) == ["pj_total_investment", "ncms_subsidy", "ncms_major_ratio", "bph_health_cards"]  # catalogue order
    code, out, _ = run(capsys, "--db", db, "targets", "get", "--year", "2014")
    assert code == 0 and "70%左右" in out and "96800万元以上" in out


@pytest.mark.parametrize("args, zh", [
    (["--org", "000000", "ec_beds=1"], "未知的单位代码"),
    (["--org", CITY, "nope=1"], "未知的指标代码"),
    (["--org", CITY, "ec_beds=1.5"], "必须是整数"),
    (["--org", CITY, "ec_beds=-2"], "小于下限"),
    (["--org", CITY, "ec_beds=abc"], "不是数字"),
    (["--org", CITY, "ec_investment=1.001"], "2 位小数"),
    (["--org", CITY, "ncms_enrolment_rate=101"], "超过上限"),
    (["--org", CITY, "ec_beds=10", "ec_centers=x"], "不是数字"),  # one bad entry writes none
    (["--org", CITY, "ec_beds"], "代码=值"),
    (["--org", CITY, "ec_beds=1", "--note", "ec_centers=很多"], "只给了措辞"),
    (["--org", CITY, "ec_beds=1", "--note", "ec_beds=" + "长" * 121], "最多120字"),
])
def test_refusals_change_nothing(capsys, store_path, snapshot, args, zh):
    db = str(store_path)
    run(capsys, "--db", db, "targets", "set", "--org", CITY, "--year", "2021", "ec_beds=5")
    before = snapshot(store_path)
    code, out, err = run(capsys, "--db", db, "targets", "set", "--year", "2021", *args)
    assert code == 1 and out == ""
    assert zh in err and err.count("\n") == 1 and "Traceback" not in err
    assert snapshot(store_path) == before


def test_every_change_is_audited_and_an_empty_value_removes(ctx):
    set_targets(ctx, CITY, 2014, {"ec_beds": "300"}, "ge")
    set_targets(ctx, CITY, 2014, {"ec_beds": "300"}, "ge")  # unchanged: no audit row
    set_targets(ctx, CITY, 2014, {"ec_beds": "320"}, "eq")
    set_targets(ctx, CITY, 2014, {"ec_beds": ""}, "ge")
    rows = audit.query(ctx, audit.AuditFilter(action="target"))
    assert [(r.old, r.new, r.subject, r.user) for r in reversed(rows)] == [
        ("", ">=300", "ec_beds", "测试员"), (">=300", "=320", "ec_beds", "测试员"), ("=320", "", "ec_beds", "测试员")]
    assert targets(ctx, 2014) == {}


def test_only_reviewers_and_administrators_set_targets(ctx, snapshot, store_path):
    accounts.add_user(ctx, "admin", ADMIN, "Admin-pass-1")
    accounts.add_user(ctx, "clerk", CLERK, "Clerk-pass-1", XIUWU)
    before = snapshot(store_path)
    ctx.principal, ctx.user = Principal("clerk", CLERK, XIUWU), "clerk"
    for org in (XIUWU, CITY):
        with pytest.raises(AccessDenied):
            set_targets(ctx, org, 2021, {"ec_beds": "1"})
    assert snapshot(store_path) == before
    ctx.principal, ctx.user = Principal("admin", ADMIN), "admin"
    set_target(ctx, "ec_beds", 2021, XIUWU, "40")
    assert target_rows(ctx, 2021, XIUWU)[0].value == 40


def test_comparison_words(ctx):
    for word, symbol in (("ge", ">="), ("le", "<="), ("about", "~"), ("eq", "="), ("<=", "<=")):
        set_targets(ctx, CITY, 2020, {"ec_centers": "5"}, word)
        assert targets(ctx, 2020)["ec_centers"] == (5, symbol)
    with pytest.raises(InputError, match="比较方式"):
        set_targets(ctx, CITY, 2020, {"ec_centers": "5"}, "gt")


@given(st.decimals(min_value=0, max_value=Decimal("99999999999.99"), places=2))
@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
def test_money_targets_are_kept_exactly(ctx, value):
    set_targets(ctx, CITY, 2019, {"pj_total_investment": str(value)}, "eq")
    assert targets(ctx, 2019)["pj_total_investment"] == (value, "=")
