"""Package round trip county → city: preview, atomic commit, re-import no-op, conflicts, catalogue versions."""

from __future__ import annotations

import hashlib
import json

import pytest
from sqlalchemy import select

from jzhealth_desktop import __version__
from jzhealth_desktop.services.access import AccessDenied, Principal
from jzhealth_desktop.services.exchange import (FileRefused, build_package, build_preview, commit_import,
                                                read_package)
from jzhealth_desktop.services.forms import read_form, save_form
from jzhealth_desktop.services.station import own_public_key
from jzhealth_desktop.store.models import AuditEntry, Submission

from .conftest import COUNTY, NAMED, OTHER, YEAR, file_sha, members_of, set_status, trusted_key, with_rows


def _state(ctx, org: str, domains) -> dict:
    """Values, comments and statuses of ``org``'s forms, as the program reads them."""
    result = {}
    for dom in domains:
        form = read_form(ctx, org, YEAR, dom)
        result[dom] = (form.values, form.comments, form.status)
    return result


def test_round_trip_county_to_city_keeps_values_comments_and_statuses(county_ctx, city_ctx, package):
    incoming = read_package(package, "解放区.jzhpkg")
    preview = build_preview(city_ctx, incoming)
    assert preview.count("new") > 0 and preview.count("changed") == 0 and preview.count("conflicting") == 0
    result = commit_import(city_ctx, preview)
    assert result.changed == len(preview.to_apply())
    assert result.backup is not None and result.backup.exists()
    domains = [d.code for d in county_ctx.catalogue.domains]
    county_state = _state(county_ctx, COUNTY, domains)
    assert _state(city_ctx, COUNTY, domains) == county_state
    for dom in NAMED:  # the named domains really carry data, a comment and a non-draft status
        assert county_state[dom][0], dom
    assert county_state["eldercare"][1] == {"ec_beds": "新建两家医养中心，床位增加"}
    assert county_state["immunization"][2] == "submitted"
    with city_ctx.db.read() as session:
        sources = set(session.scalars(select(AuditEntry.source)))
    assert sources == {f"import:{hashlib.sha256(package).hexdigest()}"}
    # nothing for other counties came along
    assert read_form(city_ctx, OTHER, YEAR, "eldercare").values == {}


def test_reimport_changes_nothing_and_says_so(city_ctx, city_path, package, snapshot):
    commit_import(city_ctx, build_preview(city_ctx, read_package(package)))
    before_sha, before = file_sha(city_path), snapshot(city_path)
    again = build_preview(city_ctx, read_package(package))
    assert again.nothing_to_do and again.count("unchanged") == len(read_package(package).values) + \
        len(read_package(package).statuses)
    result = commit_import(city_ctx, again)
    assert result.changed == 0 and result.backup is None
    assert "未做任何更改" in result.message[0]
    assert snapshot(city_path) == before and file_sha(city_path) == before_sha


def test_export_is_deterministic_and_manifest_is_complete(county_ctx, package):
    second = build_package(county_ctx, COUNTY, [YEAR])
    first_members, second_members = members_of(package), members_of(second)
    for name in ("values.json", "submissions.json", "targets.json"):
        assert first_members[name] == second_members[name]
    manifest = json.loads(first_members["manifest.json"])
    assert manifest["format"] == "jzhpkg" and manifest["format_version"] == 2
    assert manifest["program_version"] == __version__
    assert manifest["catalogue_version"] == county_ctx.catalogue.version
    assert manifest["station"] == {"kind": "county", "org": COUNTY, "operator": "县统计员",
                                   "public_key": own_public_key(county_ctx)}
    assert manifest["org"] == COUNTY and manifest["years"] == [YEAR] and manifest["created"].endswith("Z")
    values = json.loads(first_members["values.json"])
    assert manifest["counts"]["values"] == len(values) > 0
    assert {r["org"] for r in values} == {COUNTY}
    for name, digest in manifest["members"].items():
        assert hashlib.sha256(first_members[name]).hexdigest() == digest
    # decimals travel as exact text, never floats
    investment = next(r for r in values if r["code"] == "ec_investment")
    assert isinstance(investment["value"], str) and "." in investment["value"]


def test_changed_values_show_old_and_new(county_ctx, city_ctx, package):
    commit_import(city_ctx, build_preview(city_ctx, read_package(package)))
    save_form(county_ctx, COUNTY, YEAR, "eldercare", {"ec_beds": "270"}, {"ec_beds": "又新增床位"})
    preview = build_preview(city_ctx, read_package(build_package(county_ctx, COUNTY, [YEAR])))
    group = next(g for g in preview.groups if g.code == "eldercare")
    changed = group.items["changed"]
    assert [(i.code, i.old, i.new, i.new_comment) for i in changed] == [("ec_beds", "260", "270", "又新增床位")]
    commit_import(city_ctx, preview)
    assert read_form(city_ctx, COUNTY, YEAR, "eldercare").values["ec_beds"] == 270


def test_approved_value_is_a_conflict_and_never_applied(county_ctx, city_ctx, package):
    commit_import(city_ctx, build_preview(city_ctx, read_package(package)))
    set_status(city_ctx, COUNTY, YEAR, "eldercare", "approved")
    save_form(county_ctx, COUNTY, YEAR, "eldercare", {"ec_beds": "300"}, {"ec_beds": "补报"})
    save_form(county_ctx, COUNTY, YEAR, "telemedicine", {"tm_consultations": "77"}, {"tm_consultations": "核实"})
    preview = build_preview(city_ctx, read_package(build_package(county_ctx, COUNTY, [YEAR])))
    conflicts = preview.conflicts()
    assert [(c.code, c.old, c.new) for c in conflicts if c.kind == "value"] == [("ec_beds", "260", "300")]
    assert all("审核通过" in c.reason for c in conflicts)
    result = commit_import(city_ctx, preview)
    assert result.conflicts == len(conflicts) and "冲突" in result.message[0]
    form = read_form(city_ctx, COUNTY, YEAR, "eldercare")
    assert form.values["ec_beds"] == 260 and form.status == "approved"
    assert read_form(city_ctx, COUNTY, YEAR, "telemedicine").values["tm_consultations"] == 77


def test_store_changed_after_preview_refuses_commit(city_ctx, city_path, package, snapshot):
    preview = build_preview(city_ctx, read_package(package))
    save_form(city_ctx, COUNTY, YEAR, "eldercare", {"ec_beds": "1"})
    before = snapshot(city_path)
    with pytest.raises(FileRefused, match="预览之后"):
        commit_import(city_ctx, preview)
    assert snapshot(city_path) == before


def test_other_catalogue_version_imports_what_both_know(city_ctx, package):
    def add_unknown(rows):
        return rows + [{"org": COUNTY, "year": YEAR, "code": "zz_new_indicator", "value": "5", "comment": ""}]

    older = with_rows(package, "values.json", add_unknown, manifest={"catalogue_version": "2025.9"})
    preview = build_preview(city_ctx, read_package(older))
    assert preview.unknown == [("zz_new_indicator", 1)]
    result = commit_import(city_ctx, preview)
    assert result.changed > 0 and "没有的指标" in result.message[0]
    assert read_form(city_ctx, COUNTY, YEAR, "eldercare").values["ec_beds"] == 260


def test_same_catalogue_version_unknown_code_is_refused(city_ctx, city_path, package, snapshot):
    bad = with_rows(package, "values.json",
                    lambda rows: rows + [{"org": COUNTY, "year": YEAR, "code": "zz_new", "value": "5", "comment": ""}])
    before = snapshot(city_path)
    with pytest.raises(FileRefused, match="未知的指标代码“zz_new”"):
        build_preview(city_ctx, read_package(bad))
    assert snapshot(city_path) == before


def test_clerk_of_another_county_may_not_import(city_ctx, package):
    city_ctx.principal = Principal("王", "clerk", OTHER)
    with pytest.raises(AccessDenied):
        build_preview(city_ctx, read_package(package))


def test_county_station_refuses_another_countys_package(county_ctx, tmp_path):
    from jzhealth_desktop.services.context import open_context
    from jzhealth_desktop.services.station import configure_station

    other = open_context(str(tmp_path / "other.sqlite"))
    try:
        configure_station(other, "county", OTHER, "中站区统计员")
        data = build_package(county_ctx, COUNTY, [YEAR])
        with pytest.raises(FileRefused, match="县级站"):
            build_preview(other, read_package(data))
    finally:
        other.close()


def test_statuses_travel_and_returned_needs_a_reviewer(county_ctx, city_ctx, package):
    commit_import(city_ctx, build_preview(city_ctx, read_package(package)))
    with city_ctx.db.read() as session:
        status = session.get(Submission, (COUNTY, YEAR, "immunization")).status
    assert status == "submitted"
    set_status(county_ctx, COUNTY, YEAR, "eldercare", "returned", "请核实床位")
    city_ctx.principal = Principal("李", "clerk", COUNTY)  # a clerk cannot set a review outcome
    preview = build_preview(city_ctx, read_package(build_package(county_ctx, COUNTY, [YEAR])))
    assert [(c.code, c.reason) for c in preview.conflicts()] == [("eldercare", "审核结果只由本机的审核人作出，不随数据包导入")]


def test_empty_export_is_refused(county_ctx):
    from jzhealth_desktop.domain.errors import InputError

    with pytest.raises(InputError, match="没有可导出的数据"):
        build_package(county_ctx, COUNTY, [2099])


def test_packages_carry_targets_of_their_own_org(city_ctx, tmp_path):
    from jzhealth_desktop.services.context import open_context
    from jzhealth_desktop.services.targets import set_target, targets

    set_target(city_ctx, "ec_beds", YEAR, COUNTY, "250", ">=")
    save_form(city_ctx, COUNTY, YEAR, "eldercare", {"ec_beds": "255"})
    data = build_package(city_ctx, COUNTY, [YEAR])
    other = open_context(str(tmp_path / "other-city.sqlite"))
    try:
        preview = build_preview(other, read_package(data))
        assert preview.signer.kind == "city" and preview.signer.state == "new"
        commit_import(other, preview, confirmed_key=trusted_key(preview))
        assert targets(other, YEAR, COUNTY) == {"ec_beds": (250, ">=")}
    finally:
        other.close()


def test_city_completeness_and_totals_show_the_imported_county(county_ctx, city_ctx, package):
    from jzhealth_desktop.services.aggregate import aggregate_year
    from jzhealth_desktop.services.completeness import completeness

    def cells(ctx):
        return {c.domain: (c.status, c.filled, c.counted) for c in completeness(ctx, YEAR, [COUNTY])}

    assert all(filled == 0 for _, filled, _ in cells(city_ctx).values())
    commit_import(city_ctx, build_preview(city_ctx, read_package(package)))
    assert cells(city_ctx) == cells(county_ctx)
    assert cells(city_ctx)["immunization"][0] == "submitted"
    # the city total now includes the county's figures (the only county on the city store)
    assert aggregate_year(city_ctx, YEAR)["ec_beds"] == 260
