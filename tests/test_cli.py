import json
import subprocess
import sys

import pytest

from jzhealth_desktop.cli import main
from jzhealth_desktop.store.migrate import HEAD


@pytest.fixture
def store_path(any_store):
    """Every test here runs on SQLite and on PostgreSQL: ``store_path`` is a file or a server URL."""
    return any_store


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_init_set_get_json_round_trip(capsys, store_path):
    db = str(store_path)
    assert run(capsys, "--db", db, "init", "--station", "county", "--org", "410821", "--operator", "李四")[0] == 0
    code, out, _ = run(capsys, "--db", db, "values", "set", "--org", "410821", "--year", "2021",
                       "ec_investment=8465.01", "ec_centers=4", "ec_beds=２８２")
    assert code == 0 and "更改 3 项" in out
    code, out, _ = run(capsys, "--db", db, "values", "get", "--org", "410821", "--year", "2021", "--json")
    values = {row["code"]: row["value"] for row in json.loads(out)}
    assert values == {"ec_centers": 4, "ec_beds": 282, "ec_investment": "8465.01"}


def test_catalogue_list_json(capsys, store_path):
    code, out, _ = run(capsys, "--db", str(store_path), "catalogue", "list", "--json")
    rows = json.loads(out)
    by_code = {r["code"]: r for r in rows}
    assert by_code["imm_demo_rate"]["derived"] is True and by_code["imm_demo_rate"]["unit"] == "%"
    assert by_code["ec_beds"] == {**by_code["ec_beds"], "name": "医养床位数", "unit": "张", "domain": "eldercare",
                                  "derived": False}


@pytest.mark.parametrize("args, zh", [
    (["values", "set", "--org", "000000", "--year", "2021", "ec_beds=1"], "未知的单位代码"),
    (["values", "set", "--org", "410821", "--year", "2021", "nope=1"], "未知的指标代码"),
    (["values", "set", "--org", "410821", "--year", "1999", "ec_beds=1"], "超出范围"),
    (["values", "set", "--org", "410821", "--year", "2021", "ec_beds=1.5"], "必须是整数"),
    (["values", "set", "--org", "410821", "--year", "2021", "ec_beds=-2"], "不能为负数"),
    (["values", "set", "--org", "410821", "--year", "2021", "ec_investment=1.001"], "2 位小数"),
    (["values", "set", "--org", "410821", "--year", "2021", "ec_eligible=1", "ec_admitted=2"], "不能大于"),
    (["values", "set", "--org", "410821", "--year", "2021", "imm_demo_rate=50"], "计算得出"),
    (["values", "set", "--org", "410821", "--year", "2021", "ec_beds"], "代码=值"),
])
def test_refusals_exit_nonzero_with_chinese_then_english(capsys, store_path, snapshot, args, zh):
    db = str(store_path)
    run(capsys, "--db", db, "values", "set", "--org", "410821", "--year", "2021", "ec_centers=1")
    before = snapshot(store_path)
    code, out, err = run(capsys, "--db", db, *args)
    assert code == 1 and out == ""
    line = err.strip()
    assert "\n" not in line and zh in line and " / Error: " in line
    assert snapshot(store_path) == before


def test_check_reports_schema(capsys, store_path):
    code, out, err = run(capsys, "--db", str(store_path), "check")
    if "://" in str(store_path):  # a server not prepared by `server init` holds no rules: check says so (issue 15)
        assert code == 1 and HEAD in out and "server init" in err  # tests/pg/test_pg_roles.py: the prepared one
        return
    assert code == 0 and "ok" in out and HEAD in out


def test_demo_refuses_a_store_with_data(capsys, store_path):
    db = str(store_path)
    run(capsys, "--db", db, "values", "set", "--org", "410821", "--year", "2021", "ec_centers=1")
    code, _, err = run(capsys, "--db", db, "demo")
    assert code == 1 and "演示数据只能载入空库" in err


def test_city_total_and_installed_entry_point(capsys, store_path):
    db = str(store_path)
    assert run(capsys, "--db", db, "demo")[0] == 0
    code, out, _ = run(capsys, "--db", db, "values", "get", "--org", "410800", "--year", "2021", "--total", "--json")
    values = {row["code"]: row["value"] for row in json.loads(out)}
    assert values["ec_centers"] == 42 and values["imm_demo_rate"] == "86.99" and values["dc_capacity_investment"] == "8465.01"
    # the module runs as a separate process too (what the console script does)
    proc = subprocess.run([sys.executable, "-m", "jzhealth_desktop", "--db", db, "check"], capture_output=True, text=True)
    # (an unprepared PostgreSQL store fails the server-rules part of check: test_check_reports_schema)
    assert proc.returncode == (1 if "://" in db else 0) and HEAD in proc.stdout
