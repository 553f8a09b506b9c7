"""The import's shortcuts give what the general paths give: the preview's placing of well-formed rows, the
commit's reuse of the preview's rule verdict (only while the store is as previewed), the paused collector."""

from __future__ import annotations

import gc
import sqlite3
from collections import defaultdict

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from jzhealth_desktop.services import forms
from jzhealth_desktop.services.context import open_context
from jzhealth_desktop.services.exchange import FileRefused, build_package, build_preview, commit_import, read_package
from jzhealth_desktop.services.exchange import commit as commit_module
from jzhealth_desktop.services.exchange.collector import collector_paused
from jzhealth_desktop.services.exchange.preview import _place_values, _Rows, _value_problem
from jzhealth_desktop.services.exchange.records import Incoming, ValueRows
from jzhealth_desktop.services.forms import Batch, ValidationFailed, apply_many, read_form, save_form
from jzhealth_desktop.store.models import AuditEntry, DataValue, Submission

from .conftest import COUNTY, OTHER, YEAR, set_status, with_rows

CITY = "410800"
CODES = ["ec_beds", "imm_clinics", "imm_digital_clinics", "bph_e_records",  # county indicators, scale 0
         "ep_mobile_labs", "tm_service_centers",  # entered by the city only
         "imm_demo_rate", "no_such_code"]
NUMBERS = ["12", "0012", "12.5", "12.50", "-3", "abc", "１２", "²", "٣", "", 7, -1, 10**12]  # "²": a digit int() refuses
value_rows = st.lists(st.tuples(st.sampled_from([COUNTY, OTHER, CITY, "999999"]), st.sampled_from([YEAR, YEAR + 1]),
                                st.sampled_from(CODES), st.sampled_from(NUMBERS), st.sampled_from(["", "说明"])),
                      max_size=25)


def incoming_of(rows, org: str, same_catalogue: bool, catalogue_version: str) -> Incoming:
    columns = tuple(zip(*rows)) if rows else ((),) * 5
    return Incoming(kind="package", sha256="0" * 64, org=org, years=[YEAR],
                    catalogue_version=catalogue_version if same_catalogue else "older",
                    values=ValueRows(*columns, member="values.json"))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=value_rows, org=st.sampled_from([COUNTY, CITY]), same_catalogue=st.booleans())
def test_placing_rows_gives_what_checking_every_row_one_by_one_gives(city_ctx, rows, org, same_catalogue):
    incoming = incoming_of(rows, org, same_catalogue, city_ctx.catalogue.version)
    fast = _Rows(city_ctx, incoming)
    placed = _place_values(fast)
    slow = _Rows(city_ctx, incoming)
    reference: dict = defaultdict(dict)
    for index in range(len(rows)):
        _value_problem(slow, index, reference)
    assert repr(dict(placed)) == repr(dict(reference))  # repr: an int and an equal Decimal differ
    assert fast.problems == slow.problems
    assert fast.unknown == slow.unknown


def test_each_value_line_names_its_place_in_the_file(city_ctx, package):
    incoming = read_package(package)
    preview = build_preview(city_ctx, incoming)
    rows = {(r.org, r.year, r.code): r for r in incoming.values}
    lines = [i for g in preview.groups for group in g.items.values() for i in group if i.kind == "value"]
    assert len(lines) == len(rows)
    for item in lines:
        row = rows[(item.org, item.year, item.code)]
        assert item.where == f"{row.where}（解放区 {YEAR}年）"
        assert item.new == str(item.value) and item.new_comment == row.comment


def table(path, model, leave_out: set[str]) -> list[tuple]:
    """A table's rows without the columns that hold times (the two imports run at different moments)."""
    ctx = open_context(str(path), user="读者")
    try:
        columns = [c for c in model.__table__.columns if c.name not in leave_out]
        with ctx.db.read() as session:
            return sorted(map(tuple, session.execute(select(*columns))), key=repr)
    finally:
        ctx.close()


@pytest.fixture
def second_import(county_ctx, city_ctx, city_path, package, tmp_path):
    """A city store that already holds the county's package, one domain approved since, and a newer package
    from the county with changed figures and a comment: new, changed, unchanged and conflicting lines."""
    commit_import(city_ctx, build_preview(city_ctx, read_package(package)))
    set_status(city_ctx, COUNTY, YEAR, "telemedicine", "approved")
    save_form(county_ctx, COUNTY, YEAR, "eldercare", {"ec_beds": "300"}, {"ec_beds": "又扩建一家"})
    save_form(county_ctx, COUNTY, YEAR, "immunization", {"imm_clinics": "11"})
    return build_package(county_ctx, COUNTY, [YEAR])


def test_commit_reusing_the_previews_verdict_writes_what_the_full_check_writes(city_ctx, city_path, second_import,
                                                                             tmp_path, monkeypatch):
    other_path = tmp_path / "other.sqlite"
    source, copy = sqlite3.connect(city_path), sqlite3.connect(other_path)
    source.backup(copy)  # the WAL's pages too: a file copy would miss the first import
    source.close()
    copy.close()
    preview = build_preview(city_ctx, read_package(second_import))
    assert preview.count("new") + preview.count("changed") and preview.count("unchanged") \
        and preview.count("conflicting")
    commit_import(city_ctx, preview)  # reuses the verdict: apply_many(..., checked=True)

    real = commit_module.apply_many
    monkeypatch.setattr(commit_module, "apply_many", lambda *a, **k: real(*a, **{**k, "checked": False}))
    other = open_context(str(other_path), user="市审核员")
    try:
        commit_import(other, build_preview(other, read_package(second_import)))  # runs every rule again
    finally:
        other.close()
    city_ctx.close()
    for model, times in ((DataValue, {"updated_at"}), (AuditEntry, {"at", "id"}), (Submission, {"changed_at"})):
        assert table(city_path, model, times) == table(other_path, model, times), model.__tablename__


def test_commit_does_not_run_the_rules_again_while_the_store_is_as_previewed(city_ctx, package, monkeypatch):
    preview = build_preview(city_ctx, read_package(package))

    def no_second_check(*args, **kwargs):
        raise AssertionError("the rules ran again although the store is as previewed")

    monkeypatch.setattr(forms, "check", no_second_check)
    assert commit_import(city_ctx, preview).changed == len(preview.to_apply())


def test_verdict_not_reused_when_the_store_changed_after_the_preview(city_ctx, city_path, package, snapshot):
    """The file lacks 「接种门诊数」; the preview checked its 6 digital clinics against a store that had none.
    Then 0 clinics are saved here: the commit must not apply the old verdict (6 ≤ nothing) to the new store."""
    without = with_rows(package, "values.json", lambda rows: [r for r in rows if r["code"] != "imm_clinics"])
    preview = build_preview(city_ctx, read_package(without))
    assert any(i.code == "imm_digital_clinics" for i in preview.to_apply())
    save_form(city_ctx, COUNTY, YEAR, "immunization", {"imm_clinics": "0"})
    before = snapshot(city_path)
    with pytest.raises(FileRefused, match="预览之后"):
        commit_import(city_ctx, preview)
    assert snapshot(city_path) == before
    with pytest.raises(FileRefused, match="不符合规则") as refused:  # previewed again: the rule now fails
        build_preview(city_ctx, read_package(without))
    assert "digital clinics cannot exceed vaccination clinics (6 vs 0)" in refused.value.en
    assert read_form(city_ctx, COUNTY, YEAR, "immunization").values == {"imm_clinics": 0}


def test_checked_batches_cannot_require_comments_and_still_report_parse_problems(city_ctx):
    from jzhealth_desktop.domain.rules import HARD, Issue

    with city_ctx.db.write() as session:
        with pytest.raises(ValueError):
            apply_many(city_ctx, session, [Batch(COUNTY, YEAR, {"ec_beds": 5})], "test", checked=True)
        bad = Batch(COUNTY, YEAR, {}, prior=[Issue("ec_beds", HARD, "「床位」不是数字", "not a number", "type")])
        with pytest.raises(ValidationFailed):
            apply_many(city_ctx, session, [bad], "test", require_comments=False, checked=True)


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_left_as_it_was_found(enabled, city_ctx, package):
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        preview = build_preview(city_ctx, read_package(package))
        assert gc.isenabled() is enabled
        commit_import(city_ctx, preview)
        assert gc.isenabled() is enabled
        with pytest.raises(RuntimeError), collector_paused():
            assert not gc.isenabled()
            raise RuntimeError("refused half way")
        assert gc.isenabled() is enabled and gc.get_freeze_count() == 0
    finally:
        (gc.enable if was else gc.disable)()
