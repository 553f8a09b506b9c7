import pytest

from jzhealth_desktop.cli import main

from .conftest import OTHER, OWN

ADMIN_PW, CLERK_PW, REV_PW = "Admin-pass-01", "Clerk-pass-02", "Review-pass-03"


def run(capsys, monkeypatch, *argv, password=None, new_password=None):
    if password is None:
        monkeypatch.delenv("JZHEALTH_PASSWORD", raising=False)
    else:
        monkeypatch.setenv("JZHEALTH_PASSWORD", password)
    if new_password is None:
        monkeypatch.delenv("JZHEALTH_NEW_PASSWORD", raising=False)
    else:
        monkeypatch.setenv("JZHEALTH_NEW_PASSWORD", new_password)
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def accounts_db(flow_path, capsys, monkeypatch):
    db = str(flow_path)
    assert run(capsys, monkeypatch, "--db", db, "users", "add", "admin", "--role", "admin",
               new_password=ADMIN_PW)[0] == 0
    for name, role, extra, pw in (("li", "clerk", ["--org", OWN], CLERK_PW), ("wang", "reviewer", [], REV_PW)):
        code, out, err = run(capsys, monkeypatch, "--db", db, "--user", "admin", "users", "add", name, "--role", role,
                             *extra, password=ADMIN_PW, new_password=pw)
        assert code == 0, err
    return db


def test_a_store_with_accounts_needs_a_user_and_the_right_password(accounts_db, capsys, monkeypatch):
    code, _, err = run(capsys, monkeypatch, "--db", accounts_db, "values", "get", "--org", OWN, "--year", "2021")
    assert code == 1 and "请用 --user 指定用户名" in err
    code, _, err = run(capsys, monkeypatch, "--db", accounts_db, "--user", "li", "values", "get", "--org", OWN,
                       "--year", "2021", password="Wrong-pass-99")
    assert code == 1 and "用户名或密码错误" in err and "Wrong-pass-99" not in err
    code, out, _ = run(capsys, monkeypatch, "--db", accounts_db, "--user", "li", "values", "get", "--org", OWN,
                       "--year", "2021", password=CLERK_PW)
    assert code == 0 and "ec_beds" in out


def test_clerk_cannot_touch_another_county_through_the_cli(accounts_db, flow_path, snapshot, capsys, monkeypatch):
    before = snapshot(flow_path)
    for argv in (["values", "get", "--org", OTHER, "--year", "2021"],
                 ["values", "get", "--org", "410800", "--year", "2021", "--total"],
                 ["values", "set", "--org", OTHER, "--year", "2021", "ec_beds=5"],
                 ["submit", "--org", OTHER, "--year", "2021", "--domain", "eldercare"],
                 ["approve", "--org", OWN, "--year", "2021", "--domain", "telemedicine"],
                 ["audit", "--org", OTHER],
                 ["users", "list"],
                 ["restore", str(flow_path)]):
        code, _, err = run(capsys, monkeypatch, "--db", accounts_db, "--user", "li", *argv, password=CLERK_PW)
        assert code == 1 and "无权" in err, argv
    assert snapshot(flow_path) == before


def test_workflow_and_lock_through_the_cli(accounts_db, flow_path, snapshot, capsys, monkeypatch):
    as_li = ("--db", accounts_db, "--user", "li")
    as_wang = ("--db", accounts_db, "--user", "wang")
    code, out, err = run(capsys, monkeypatch, *as_li, "submit", "--org", OWN, "--year", "2021", "--domain",
                         "eldercare", password=CLERK_PW)
    assert code == 0 and "已提交" in out, err
    code, out, _ = run(capsys, monkeypatch, *as_wang, "approve", "--org", OWN, "--year", "2021", "--domain",
                       "eldercare", password=REV_PW)
    assert code == 0 and "已审核通过" in out
    before = snapshot(flow_path)
    code, _, err = run(capsys, monkeypatch, *as_li, "values", "set", "--org", OWN, "--year", "2021", "ec_beds=1",
                       password=CLERK_PW)
    assert code == 1 and "已由 wang 于" in err and "审核通过并锁定" in err
    assert snapshot(flow_path) == before
    code, _, err = run(capsys, monkeypatch, *as_wang, "reopen", "--org", OWN, "--year", "2021", "--domain",
                       "eldercare", password=REV_PW)
    assert code == 1 and "请填写理由" in err
    code, out, _ = run(capsys, monkeypatch, *as_wang, "reopen", "--org", OWN, "--year", "2021", "--domain",
                       "eldercare", "--reason", "床位数需更正", password=REV_PW)
    assert code == 0 and "已退回" in out
    code, out, _ = run(capsys, monkeypatch, *as_li, "audit", "--action", "status", password=CLERK_PW)
    assert "reopen: 床位数需更正" in out and "wang" in out


def test_users_list_passwd_and_deadlines(accounts_db, capsys, monkeypatch, tmp_path):
    as_admin = ("--db", accounts_db, "--user", "admin")
    code, out, _ = run(capsys, monkeypatch, *as_admin, "users", "list", password=ADMIN_PW)
    assert code == 0 and [line.split()[0] for line in out.splitlines()] == ["admin", "li", "wang"]
    code, _, _ = run(capsys, monkeypatch, *as_admin, "users", "passwd", "li", password=ADMIN_PW,
                     new_password="Fresh-pass-77")
    assert code == 0
    code, _, _ = run(capsys, monkeypatch, "--db", accounts_db, "--user", "li", "values", "get", "--org", OWN,
                     "--year", "2021", password="Fresh-pass-77")
    assert code == 0
    code, _, err = run(capsys, monkeypatch, *as_admin, "users", "add", "zhao", "--role", "clerk", "--org", OWN,
                       password=ADMIN_PW, new_password="short")
    assert code == 1 and "至少需要 8 个字符" in err and "short" not in err
    code, out, _ = run(capsys, monkeypatch, "--db", accounts_db, "--user", "wang", "deadline", "set", "--domain",
                       "eldercare", "--year", "2021", "--due", "2022-03-31", password=REV_PW)
    assert code == 0
    code, out, _ = run(capsys, monkeypatch, "--db", accounts_db, "--user", "li", "deadline", "list", "--org", OWN,
                       "--year", "2021", "--today", "2022-04-02", password="Fresh-pass-77")
    assert code == 0 and "已逾期 2 天" in out, err
    csv_path = tmp_path / "a.csv"
    code, out, _ = run(capsys, monkeypatch, *as_admin, "audit", "--csv", str(csv_path), password=ADMIN_PW)
    assert code == 0 and csv_path.exists()
    text = csv_path.read_text(encoding="utf-8-sig")
    for secret in (ADMIN_PW, CLERK_PW, REV_PW, "Fresh-pass-77"):
        assert secret not in text
    assert "password reset" in text
