"""The other services on PostgreSQL: reports, exchange import, audit and completeness give what SQLite gives.

The demo store is copied to the server (verified), so both engines hold the same rows; every answer is
compared with the SQLite store's answer rather than with figures written here.
"""

from __future__ import annotations

import subprocess

import pytest

from jzhealth_desktop.cli import main
from jzhealth_desktop.services import audit, completeness
from jzhealth_desktop.services.context import open_context
from jzhealth_desktop.services.exchange import read_package_file
from jzhealth_desktop.services.exchange.signing import fingerprint
from jzhealth_desktop.services.forms import read_form, save_form
from jzhealth_desktop.services.reporting import gather
from jzhealth_desktop.services.station import configure_station

COUNTY, YEAR = "410802", 2021


@pytest.fixture
def both(demo_path, pg_demo_url):
    lite, pg = open_context(str(demo_path), user="市审核员"), open_context(pg_demo_url, user="市审核员")
    yield lite, pg
    lite.close()
    pg.close()


def test_report_data_and_pdf_text_are_the_same(both, tmp_path):
    from jzhealth_desktop.reports import build_report

    lite, pg = both
    assert gather(pg, YEAR) == gather(lite, YEAR)
    texts = []
    for name, ctx in (("lite", lite), ("pg", pg)):
        out = build_report(ctx, "annual", YEAR, None, tmp_path / f"{name}.pdf")
        texts.append(subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True,
                                    check=True).stdout)
    assert texts[0] == texts[1] and "焦作" in texts[0]


def test_audit_and_completeness_are_the_same(both):
    lite, pg = both
    orgs = [u.code for u in lite.counties()]
    assert completeness.completeness(pg, YEAR, orgs) == completeness.completeness(lite, YEAR, orgs)
    rows = audit.query(lite)
    assert rows and audit.query(pg) == rows


def test_a_county_package_imports_into_a_postgres_city_store(demo_path, pg_demo_url, tmp_path, capsys, snapshot):
    county = open_context(str(demo_path), user="县统计员")
    try:
        configure_station(county, "county", COUNTY, "县统计员")
        beds = read_form(county, COUNTY, YEAR, "eldercare").values["ec_beds"]
        save_form(county, COUNTY, YEAR, "eldercare", {"ec_beds": str(beds + 37)}, {"ec_beds": "新建医养中心"})
    finally:
        county.close()
    city = open_context(pg_demo_url, user="市审核员")
    configure_station(city, "city", None, "市审核员")
    city.close()
    pkg = tmp_path / "county.jzhpkg"
    assert main(["--db", str(demo_path), "export", "--org", COUNTY, "--year", str(YEAR), "-o", str(pkg)]) == 0
    before = snapshot(pg_demo_url)
    assert main(["--db", pg_demo_url, "import", str(pkg), "--dry-run"]) == 0
    assert snapshot(pg_demo_url) == before
    assert main(["--db", pg_demo_url, "import", str(pkg)]) == 1  # a first package: its key must be confirmed
    assert snapshot(pg_demo_url) == before
    key = fingerprint(read_package_file(pkg).signer_key)  # as read out by the county clerk on the phone
    assert main(["--db", pg_demo_url, "import", str(pkg), "--trust-key", key]) == 0
    assert "已导入" in capsys.readouterr().out
    city = open_context(pg_demo_url)
    try:
        form = read_form(city, COUNTY, YEAR, "eldercare")
        assert form.values["ec_beds"] == beds + 37 and form.comments["ec_beds"] == "新建医养中心"
        rows = [r for r in audit.query(city) if r.subject == "ec_beds" and r.new == str(beds + 37)]
        assert len(rows) == 1 and rows[0].source.startswith("import")
    finally:
        city.close()
    after = snapshot(pg_demo_url)
    assert main(["--db", pg_demo_url, "import", str(pkg)]) == 0  # the same file again changes nothing
    assert "未做任何更改" in capsys.readouterr().out
    assert snapshot(pg_demo_url) == after
