"""Every CLI command with bad arguments: one line on stderr (Chinese / English), exit 1, the store unchanged and no
file left where a refused output would have gone. A row that reaches the safety net (an unexpected exception,
「程序内部错误」) fails: a bad argument is a refusal, not a bug.

Every row must pass: none is marked as expected to fail.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from jzhealth_desktop import cli, logfile

COUNTY = "410821"


# {db}: the demo store; {dir}: an existing folder; {missing}: a folder that does not exist; {text}: a text file
ROWS = [
    # top level and argparse
    pytest.param(["nosuchcommand"], id="unknown-command"),
    pytest.param(["catalogue", "list", "--bogus"], id="unknown-option"),
    pytest.param(["values", "set", "--org", COUNTY], id="missing-arguments"),
    pytest.param(["--db", "{dir}", "values", "get", "--org", COUNTY, "--year", "2021"], id="db-is-a-folder"),
    pytest.param(["--db", "{text}", "check"], id="db-is-a-text-file"),
    pytest.param(["--db", "{missing}/x.sqlite", "init"], id="db-in-missing-folder"),
    pytest.param(["--db", "weird://x", "check"], id="db-unknown-scheme"),
    # core
    pytest.param(["init", "--station", "county", "--org", "999999"], id="init-unknown-org"),
    pytest.param(["demo"], id="demo-into-a-store-with-data"),
    pytest.param(["values", "set", "--org", "999999", "--year", "2021", "ec_beds=1"], id="set-unknown-org"),
    pytest.param(["values", "set", "--org", COUNTY, "--year", "20x1", "ec_beds=1"], id="set-bad-year"),
    pytest.param(["values", "set", "--org", COUNTY, "--year", "2021", "ec_beds=1²"], id="set-look-alike-digit"),
    pytest.param(["values", "set", "--org", COUNTY, "--year", "2021", "ec_beds=1 2"], id="set-inner-space"),
    pytest.param(["values", "set", "--org", COUNTY, "--year", "2021", "ec_beds=197", "--comment", "ec_beds=a\x07"],
                 id="set-control-character-comment"),
    pytest.param(["values", "set", "--org", COUNTY, "--year", "2021", "ec_beds"], id="set-no-equals"),
    pytest.param(["values", "set", "--org", COUNTY, "--year", "2021", "ec_beds=1", "ec_beds=2"], id="set-twice"),
    pytest.param(["values", "get", "--org", "999", "--year", "2021"], id="get-unknown-org"),
    pytest.param(["values", "get", "--org", COUNTY, "--year", "1900"], id="get-year-out-of-range"),
    # workflow (t3 fixed the KeyError of an unknown domain)
    pytest.param(["submit", "--org", COUNTY, "--year", "2021", "--domain", "nodomain"], id="submit-unknown-domain"),
    pytest.param(["approve", "--org", COUNTY, "--year", "2021", "--domain", "nodomain"], id="approve-unknown-domain"),
    pytest.param(["return", "--org", COUNTY, "--year", "2021", "--domain", "nodomain", "--reason", "x"],
                 id="return-unknown-domain"),
    pytest.param(["reopen", "--org", COUNTY, "--year", "2021", "--domain", "nodomain", "--reason", "x"],
                 id="reopen-unknown-domain"),
    pytest.param(["submit", "--org", "999999", "--year", "2021", "--domain", "eldercare"], id="submit-unknown-org"),
    pytest.param(["return", "--org", COUNTY, "--year", "2021", "--domain", "eldercare"], id="return-without-reason"),
    # accounts, deadlines, audit
    pytest.param(["users", "add", "x", "--role", "nosuch"], id="users-add-unknown-role"),
    pytest.param(["users", "set", "nobody", "--role", "admin"], id="users-set-unknown-user"),
    pytest.param(["deadline", "set", "--domain", "eldercare", "--year", "2021", "--due", "2021-13-01"],
                 id="deadline-set-bad-date"),
    pytest.param(["deadline", "set", "--domain", "nodomain", "--year", "2021", "--due", "2021-01-01"],
                 id="deadline-set-unknown-domain"),
    pytest.param(["deadline", "list", "--org", COUNTY, "--year", "2021", "--today", "2021-13-01"],
                 id="deadline-list-bad-today"),
    pytest.param(["audit", "--since", "2021-13-01"], id="audit-bad-since"),
    pytest.param(["audit", "--csv", "{missing}/a.csv"], id="audit-csv-missing-folder"),
    pytest.param(["audit", "--csv", "{dir}"], id="audit-csv-names-a-folder"),
    # backup and restore
    pytest.param(["backup", "-o", "{missing}/sub/b.sqlite"], id="backup-missing-folder"),
    pytest.param(["restore", "{missing}/b.sqlite"], id="restore-missing-file"),
    pytest.param(["restore", "{dir}"], id="restore-a-folder"),
    pytest.param(["restore", "{text}"], id="restore-a-text-file"),
    # reports
    pytest.param(["report", "annual", "--year", "2021", "-o", "{missing}/r.pdf"], id="report-missing-folder"),
    pytest.param(["report", "annual", "--year", "2021", "-o", "{dir}"], id="report-names-a-folder"),
    pytest.param(["report", "annual", "--year", "1900", "-o", "{out}/r.pdf"], id="report-year-out-of-range"),
    pytest.param(["report", "blank", "--year", "2021", "--domain", "nodomain", "-o", "{out}/r.pdf"],
                 id="report-blank-unknown-domain"),
    pytest.param(["report", "special", "--year", "2021", "--options", "{text}", "-o", "{out}/r.pdf"],
                 id="report-options-not-json"),
    # exchange
    pytest.param(["export", "--org", COUNTY, "--year", "2021", "-o", "{missing}/p.jzhpkg"], id="export-missing-folder"),
    pytest.param(["export", "--org", COUNTY, "--year", "2021", "-o", "{dir}"], id="export-names-a-folder"),
    pytest.param(["export", "--org", COUNTY, "--year", "2021-2019", "-o", "{out}/p.jzhpkg"], id="export-empty-range"),
    pytest.param(["import", "{dir}"], id="import-a-folder"),
    pytest.param(["import", "{text}"], id="import-a-text-file"),
    pytest.param(["import", "{missing}/p.jzhpkg"], id="import-missing-file"),
    pytest.param(["xlsx", "export", "--org", COUNTY, "--year", "2021", "-o", "{missing}/w.xlsx"],
                 id="xlsx-export-missing-folder"),
    pytest.param(["xlsx", "export", "--org", COUNTY, "--year", "2021", "-o", "{dir}"], id="xlsx-export-names-a-folder"),
    pytest.param(["xlsx", "import", "{dir}"], id="xlsx-import-a-folder"),
    pytest.param(["xlsx", "import", "{text}"], id="xlsx-import-a-text-file"),
    pytest.param(["csv", "export", "--year", "2021", "-o", "{missing}/c.csv"], id="csv-export-missing-folder"),
    pytest.param(["csv", "export", "--year", "2021", "-o", "{dir}"], id="csv-export-names-a-folder"),
    # server
    pytest.param(["migrate-store", "--from", "{missing}/s.sqlite", "--to", "{out}/t.sqlite"],
                 id="migrate-missing-source"),
    pytest.param(["migrate-store", "--from", "{db}", "--to", "{db}"], id="migrate-onto-itself"),
]


@pytest.fixture
def places(tmp_path: Path, demo_path: Path) -> dict[str, str]:
    folder = tmp_path / "a folder"
    folder.mkdir()
    text = tmp_path / "note.txt"
    text.write_text("不是数据文件\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    return {"db": str(demo_path), "dir": str(folder), "missing": str(tmp_path / "missing"), "text": str(text),
            "out": str(out)}


def files_under(path: Path) -> set[Path]:
    return {p for p in path.rglob("*") if "home" not in p.relative_to(path).parts}


@pytest.mark.parametrize("argv", ROWS)
def test_bad_arguments_are_one_line_exit_1_and_change_nothing(argv, places, demo_path, tmp_path, snapshot, capsys,
                                                              monkeypatch):
    monkeypatch.setenv("JZHEALTH_NEW_PASSWORD", "Passwort-123")
    argv = [a.format(**places) for a in argv]
    if "--db" not in argv:
        argv = ["--db", places["db"], *argv]
    before, files = snapshot(demo_path), files_under(tmp_path)
    code = cli.main(argv)
    out, err = capsys.readouterr()
    line = err.strip()
    assert code == 1, (code, out, err)
    assert "\n" not in line and line.startswith("错误：") and " / Error: " in line, err
    assert "程序内部错误" not in line, f"reached the safety net, not a refusal: {line}"
    assert snapshot(demo_path) == before
    assert files_under(tmp_path) == files  # no output, temporary or partial file left behind


def test_the_safety_net_gives_one_line_and_keeps_the_traceback_in_the_log(demo_path, snapshot, capsys, monkeypatch,
                                                                         data_home):
    """An unexpected exception (a bug) still ends in one line naming the log, exit 1; the log holds the traceback;
    the store is unchanged (the write transaction rolled back)."""
    from jzhealth_desktop.services import forms

    def broken_apply(*args, **kwargs):
        raise RuntimeError("a bug inside the write")

    monkeypatch.setattr(forms, "apply", broken_apply)
    before = snapshot(demo_path)
    code = cli.main(["--db", str(demo_path), "values", "set", "--org", COUNTY, "--year", "2021", "ec_beds=197"])
    line = capsys.readouterr().err.strip()
    log_file = data_home / "logs" / logfile.LOG_NAME
    assert code == 1 and "\n" not in line and "程序内部错误（RuntimeError）" in line and str(log_file) in line
    text = log_file.read_text(encoding="utf-8")
    assert "Traceback" in text and "RuntimeError: a bug inside the write" in text and "values set" in text
    assert snapshot(demo_path) == before


def test_a_command_that_succeeds_leaves_the_log_alone(demo_path, data_home, capsys):
    assert cli.main(["--db", str(demo_path), "catalogue", "list"]) == 0
    assert not (data_home / "logs" / logfile.LOG_NAME).exists()


def test_help_and_version_still_exit_0(capsys):
    for argv in (["--help"], ["--version"], ["values", "set", "-h"]):
        with pytest.raises(SystemExit) as caught:
            cli.main(argv)
        assert caught.value.code == 0
    assert "jzhealth" in capsys.readouterr().out


def test_the_log_rotates_and_keeps_a_bounded_number_of_files(data_home, monkeypatch):
    monkeypatch.setattr(logfile, "MAX_BYTES", 2000)
    path = logfile.start()
    try:
        for n in range(400):
            logfile.log.info("line %d %s", n, "x" * 40)
        names = sorted(p.name for p in path.parent.iterdir())
        assert names == [logfile.LOG_NAME] + [f"{logfile.LOG_NAME}.{i}" for i in range(1, logfile.KEEP + 1)]
        assert all(p.stat().st_size <= 2000 + 200 for p in path.parent.iterdir())
    finally:
        logfile.start()  # a fresh handler with the real limit


def test_a_rotation_the_system_refuses_keeps_logging(data_home, monkeypatch):
    """Windows refuses to rename a log another process holds open: the record is still written, nothing raised."""
    monkeypatch.setattr(logfile, "MAX_BYTES", 500)
    path = logfile.start()
    handler = next(h for h in logfile.log.handlers if isinstance(h, logging.FileHandler))
    monkeypatch.setattr(handler, "maxBytes", 500)

    def refused(src, dst):
        raise PermissionError(32, "The process cannot access the file because it is being used by another process")

    monkeypatch.setattr(logging.handlers.os, "rename", refused)
    errors = []
    monkeypatch.setattr(handler, "handleError", lambda record: errors.append(record))
    for n in range(50):
        logfile.log.info("line %d %s", n, "y" * 40)
    handler.flush()
    assert errors == [] and "line 49" in path.read_text(encoding="utf-8")
    assert sorted(p.name for p in path.parent.iterdir()) == [logfile.LOG_NAME]
