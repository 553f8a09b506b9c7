"""Packages cannot move the city's review state, and only a key the city knows may sign them (issue 13).

Each test fails on the program before signing: there a package set approved/returned, submitted an incomplete
form, was recorded as the reviewer's, and an edited package with recomputed checksums was accepted."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from jzhealth_desktop.cli import main
from jzhealth_desktop.services import workflow
from jzhealth_desktop.services.exchange import (FileRefused, build_package, build_preview, commit_import,
                                                read_package)
from jzhealth_desktop.services.exchange.signing import fingerprint, new_private_key, public_key
from jzhealth_desktop.services.forms import read_form, save_form
from jzhealth_desktop.services.station import own_fingerprint
from jzhealth_desktop.store.models import AuditEntry, DataValue, Submission

from .conftest import COUNTY, YEAR, file_sha, members_of, repack, set_status, trusted_key, with_rows


def _status(ctx, domain):
    with ctx.db.read() as session:
        row = session.get(Submission, (COUNTY, YEAR, domain))
        return (row.status, row.changed_by) if row else None


def _set_status_rows(status):
    return lambda rows: [dict(r, status=status) for r in rows]


@pytest.mark.parametrize("outcome", ["approved", "returned"])
def test_review_outcomes_never_come_from_a_package(outcome, package, city_ctx):
    """A package edited (and signed by the county itself) to approved/returned: the figures come, the outcome not."""
    data = with_rows(package, "submissions.json", _set_status_rows(outcome))
    preview = build_preview(city_ctx, read_package(data))
    states = [c for c in preview.conflicts() if c.kind == "status"]
    assert states and all("审核结果只由本机的审核人作出" in c.reason for c in states)
    commit_import(city_ctx, preview)
    with city_ctx.db.read() as session:
        held = set(session.scalars(select(Submission.status).where(Submission.org_code == COUNTY)))
    assert held == {"draft"}
    assert read_form(city_ctx, COUNTY, YEAR, "eldercare").values["ec_beds"] == 260


def test_a_county_that_approves_its_own_form_gets_no_approval_at_the_city(county_ctx, city_ctx):
    """A county station without accounts may submit and approve its own form; the city sees neither outcome."""
    workflow.approve(county_ctx, COUNTY, YEAR, "immunization")  # submitted by the fixture
    assert _status(county_ctx, "immunization")[0] == "approved"
    preview = build_preview(city_ctx, read_package(build_package(county_ctx, COUNTY, [YEAR])))
    commit_import(city_ctx, preview)
    status, by = _status(city_ctx, "immunization")
    assert status == "draft" and by != "市审核员"


def test_submitted_only_when_the_form_passes_the_submit_checks_here(package, city_ctx):
    """A package edited to "submitted" for a form the program refuses to submit (required figures missing): the
    figures it has come, as a draft."""
    eldercare = set(city_ctx.catalogue.domain("eldercare").codes)
    data = with_rows(with_rows(package, "values.json", lambda rows: [
        r for r in rows if r["code"] not in eldercare or r["code"] == "ec_beds"]),
        "submissions.json", _set_status_rows("submitted"))
    preview = build_preview(city_ctx, read_package(data))
    blocked = {c.code: c.reason for c in preview.conflicts() if c.kind == "status"}
    assert "表单未通过提交检查" in blocked["eldercare"] and "必填" in blocked["eldercare"]
    assert "immunization" not in blocked  # the county's real submission passes
    commit_import(city_ctx, preview)
    assert _status(city_ctx, "eldercare")[0] == "draft"
    assert _status(city_ctx, "immunization")[0] == "submitted"
    with city_ctx.db.write() as session:
        assert workflow.submission_issues(city_ctx, session, COUNTY, YEAR, "eldercare")


def test_the_county_is_the_author_and_the_reviewer_only_imports(package, city_ctx):
    commit_import(city_ctx, build_preview(city_ctx, read_package(package)))
    author = "县统计员（解放区站）"
    with city_ctx.db.read() as session:
        writers = set(session.scalars(select(DataValue.updated_by).where(DataValue.org_code == COUNTY)))
        rows = session.execute(select(AuditEntry.user_name, AuditEntry.action, AuditEntry.subject)).all()
    assert writers == {author}
    assert _status(city_ctx, "immunization") == ("submitted", author)
    assert {u for u, action, _ in rows if action in ("value", "status")} == {author}
    assert [(u, s) for u, action, s in rows if action == "exchange"] == [("市审核员", COUNTY)]


def test_only_the_countys_own_station_submits_its_forms(county_ctx, city_ctx, tmp_path):
    """The city's package of a county (city key) brings figures, never that county's submitted state."""
    from jzhealth_desktop.services.context import open_context

    commit_import(city_ctx, build_preview(city_ctx, read_package(build_package(county_ctx, COUNTY, [YEAR]))))
    other = open_context(str(tmp_path / "other-city.sqlite"))
    try:
        preview = build_preview(other, read_package(build_package(city_ctx, COUNTY, [YEAR])))
        refused = {c.code: c.reason for c in preview.conflicts() if c.kind == "status"}
        assert "只有解放区的县级站能提交该县的表单" in refused["immunization"]
        commit_import(other, preview, confirmed_key=trusted_key(preview))
        assert _status(other, "immunization")[0] == "draft"
    finally:
        other.close()


@pytest.mark.first_contact
def test_first_package_needs_the_fingerprint_confirmed(package, county_ctx, city_ctx, city_path, snapshot):
    preview = build_preview(city_ctx, read_package(package))
    assert preview.signer.state == "new" and preview.signer.fingerprint == own_fingerprint(county_ctx)
    before = snapshot(city_path)
    with pytest.raises(FileRefused, match="首次导入"):
        commit_import(city_ctx, preview)
    with pytest.raises(FileRefused, match="不符"):
        commit_import(city_ctx, preview, confirmed_key="0" * 32)
    assert snapshot(city_path) == before
    commit_import(city_ctx, preview, confirmed_key=own_fingerprint(county_ctx).replace(" ", "-"))
    assert build_preview(city_ctx, read_package(package)).signer.state == "known"
    with city_ctx.db.read() as session:
        kept = session.execute(select(AuditEntry.user_name, AuditEntry.new_text).where(AuditEntry.action == "key")).all()
    assert kept == [("市审核员", own_fingerprint(county_ctx))]


def test_resigned_package_is_refused_until_an_administrator_accepts(package, city_ctx, city_path, tmp_path,
                                                                    snapshot, capsys):
    """Edited figures signed again with another key (a forger, or a reinstalled county PC): refused, store
    unchanged, until ``jzhealth keys accept`` with the fingerprint checked by phone."""
    forger = new_private_key()
    members = members_of(package)
    members["values.json"] = members["values.json"].replace(b'"260"', b'"999"')
    forged = repack(members, sign=forger)
    before_sha, before = file_sha(city_path), snapshot(city_path)
    with pytest.raises(FileRefused) as caught:
        build_preview(city_ctx, read_package(forged))
    assert "另一把密钥签名" in caught.value.zh and fingerprint(public_key(forger)) in caught.value.zh
    assert "keys accept" in caught.value.zh
    assert file_sha(city_path) == before_sha and snapshot(city_path) == before
    path = tmp_path / "forged.jzhpkg"
    path.write_bytes(forged)
    city_ctx.close()
    assert main(["--db", str(city_path), "import", str(path)]) == 1
    assert "另一把密钥签名" in capsys.readouterr().err
    assert main(["--db", str(city_path), "keys", "accept", str(path), "--fingerprint", "1234"]) == 1
    assert snapshot(city_path) == before
    assert main(["--db", str(city_path), "keys", "accept", str(path), "--fingerprint",
                 fingerprint(public_key(forger))]) == 0
    capsys.readouterr()
    assert main(["--db", str(city_path), "import", str(path)]) == 0
    assert "已导入" in capsys.readouterr().out


def test_administrator_right_needed_to_accept_a_key(package, city_ctx):
    from jzhealth_desktop.services.access import AccessDenied, Principal
    from jzhealth_desktop.services.exchange.trust import accept_key

    forged = repack(members_of(package), sign=new_private_key())
    city_ctx.principal = Principal("shenhe", "reviewer")
    with pytest.raises(AccessDenied):
        accept_key(city_ctx, read_package(forged), "whatever")


def test_previous_year_travels_as_context_and_is_never_written(county_ctx, city_ctx):
    save_form(county_ctx, COUNTY, YEAR - 1, "eldercare", {"ec_beds": "100"})
    data = build_package(county_ctx, COUNTY, [YEAR])
    context = json.loads(members_of(data)["context.json"])
    assert {"org": COUNTY, "year": YEAR - 1, "code": "ec_beds", "value": "100"} in context
    assert all(r["year"] == YEAR - 1 for r in context)
    preview = build_preview(city_ctx, read_package(data))
    assert preview.context == len(context)
    beds = next(i for g in preview.groups for i in g.items["new"] if i.code == "ec_beds")
    assert beds.last == "100"  # the city has no 2020 of its own: the package's is shown
    commit_import(city_ctx, preview)
    with city_ctx.db.read() as session:
        assert not session.scalars(select(DataValue).where(DataValue.year == YEAR - 1)).all()
    save_form(city_ctx, COUNTY, YEAR - 1, "eldercare", {"ec_beds": "120"})  # the city's own wins
    again = build_preview(city_ctx, read_package(data))
    assert next(i for g in again.groups for k in g.items for i in g.items[k] if i.code == "ec_beds").last == "120"
