"""`jzhealth export/import/xlsx/csv`: the CLI twins of the exchange services."""

from __future__ import annotations

import csv
import io

import pytest

from jzhealth_desktop.cli import main
from jzhealth_desktop.services.forms import read_form

from .conftest import COUNTY, YEAR, file_sha


@pytest.mark.first_contact
def test_export_import_dry_run_and_reimport(county_path, city_path, tmp_path, capsys, snapshot):
    pkg = tmp_path / "解放区-2021.jzhpkg"
    assert main(["--db", str(county_path), "export", "--org", COUNTY, "--year", str(YEAR), "-o", str(pkg)]) == 0
    assert "已导出" in capsys.readouterr().out
    before = snapshot(city_path)
    assert main(["--db", str(city_path), "import", str(pkg), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "【医养结合】新增" in out and "试运行" in out
    assert snapshot(city_path) == before
    # the first package from the county: refused until the reviewer gives the fingerprint read out by the county
    assert main(["--db", str(city_path), "import", str(pkg)]) == 1
    assert "首次导入410802站的数据包" in capsys.readouterr().err
    assert snapshot(city_path) == before
    assert main(["--db", str(county_path), "keys", "fingerprint"]) == 0
    fingerprint = capsys.readouterr().out.split(": ")[-1].strip()
    assert len(fingerprint.replace(" ", "")) == 32
    assert main(["--db", str(city_path), "import", str(pkg), "--trust-key", "0000" + fingerprint[4:]]) == 1
    assert "不符" in capsys.readouterr().err and snapshot(city_path) == before
    assert main(["--db", str(city_path), "import", str(pkg), "--trust-key", fingerprint.lower()]) == 0
    assert "已导入" in capsys.readouterr().out
    assert main(["--db", str(city_path), "keys", "list"]) == 0
    assert f"{COUNTY}  解放区  {fingerprint}" in capsys.readouterr().out
    sha = file_sha(city_path)
    assert main(["--db", str(city_path), "import", str(pkg)]) == 0
    assert "未做任何更改" in capsys.readouterr().out
    assert file_sha(city_path) == sha


def test_refused_package_exits_1_with_one_line(city_path, tmp_path, capsys, snapshot):
    bad = tmp_path / "bad.jzhpkg"
    bad.write_bytes(b"not a zip")
    before = snapshot(city_path)
    assert main(["--db", str(city_path), "import", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("错误：") and "不是 zip" in err and "/ Error:" in err
    assert snapshot(city_path) == before


def test_xlsx_export_and_import(county_path, city_path, tmp_path, capsys):
    book = tmp_path / "解放区.xlsx"
    assert main(["--db", str(county_path), "xlsx", "export", "--org", COUNTY, "--year", str(YEAR), "-o", str(book)]) == 0
    assert main(["--db", str(city_path), "xlsx", "import", str(book)]) == 0
    assert "已导入" in capsys.readouterr().out
    from jzhealth_desktop.services.context import open_context

    ctx = open_context(str(city_path))
    try:
        assert read_form(ctx, COUNTY, YEAR, "eldercare").values["ec_beds"] == 260
    finally:
        ctx.close()


def test_csv_export_one_row_per_org_year_indicator(county_path, tmp_path):
    out = tmp_path / "all.csv"
    assert main(["--db", str(county_path), "csv", "export", "--year", str(YEAR), "-o", str(out)]) == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel opens the Chinese as UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    keys = [(r["单位代码"], r["年度"], r["指标代码"]) for r in rows]
    assert len(keys) == len(set(keys)) and {k[0] for k in keys} >= {COUNTY, "410800"}
    beds = next(r for r in rows if r["单位代码"] == COUNTY and r["指标代码"] == "ec_beds")
    assert (beds["数值"], beds["类型"], beds["说明"]) == ("260", "填报", "新建两家医养中心，床位增加")
    money = next(r for r in rows if r["单位代码"] == COUNTY and r["指标代码"] == "ec_investment")
    assert "." in money["数值"] and len(money["数值"].split(".")[1]) == 2
    rate = next(r for r in rows if r["单位代码"] == COUNTY and r["指标代码"] == "ec_admission_rate")
    assert rate["类型"] == "计算"
    one = tmp_path / "one.csv"
    assert main(["--db", str(county_path), "csv", "export", "--year", str(YEAR), "--org", COUNTY, "-o", str(one)]) == 0
    assert {r["单位代码"] for r in csv.DictReader(io.StringIO(one.read_text(encoding="utf-8-sig")))} == {COUNTY}
