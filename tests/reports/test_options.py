"""Every report option is checked before anything is built: one line, exit 1, no traceback, the store and
any existing output file unchanged. The issue date prints with its weekday; PDFs get the user's file mode."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jzhealth_desktop import fileio
from jzhealth_desktop.cli import main
from jzhealth_desktop.domain.errors import InputError
from jzhealth_desktop.domain.numbers import format_date
from jzhealth_desktop.reports import build_report
from jzhealth_desktop.reports.options import check_options, parse_date

from .conftest import flat, page_texts

OLD = b"the old report, still open in a viewer"


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def refused(capsys, demo_path: Path, snapshot, out: Path, *args: str, options: dict | None = None) -> str:
    """Run ``report`` expecting a refusal; returns the one-line message after checking nothing changed."""
    extra: list[str] = []
    if options is not None:
        path = Path(os.environ["JZHEALTH_HOME"]) / "options.json"
        path.write_text(json.dumps(options, ensure_ascii=False), encoding="utf-8")
        extra = ["--options", str(path)]
    before = snapshot(demo_path)
    old = out.read_bytes() if out.is_file() else None
    code, stdout, err = run(capsys, "--db", str(demo_path), "report", *args, *extra, "-o", str(out))
    assert code == 1, (stdout, err)
    assert stdout == "" and "Traceback" not in err
    assert err.startswith("错误：") and err.count("\n") == 1, err
    assert snapshot(demo_path) == before
    if old is not None:
        assert out.read_bytes() == old
    leftovers = [p.name for p in out.parent.glob("*.part")] if out.parent.is_dir() else []
    assert leftovers == []
    return err


# --- the issue date -------------------------------------------------------------------------------------

def test_date_flag_prints_the_weekday(capsys, demo_path, tmp_path):
    out = tmp_path / "special.pdf"
    code, stdout, err = run(capsys, "--db", str(demo_path), "report", "special", "--year", "2021",
                            "--date", "2014-03-07", "-o", str(out))
    assert code == 0, err
    assert "2014年3月7日星期五" in flat(page_texts(out)[0])


def test_date_in_the_options_file_no_longer_crashes(capsys, demo_path, tmp_path):
    (tmp_path / "o.json").write_text('{"date": "2022-09-20"}', encoding="utf-8")
    out = tmp_path / "special.pdf"
    code, _, err = run(capsys, "--db", str(demo_path), "report", "special", "--year", "2021",
                       "--options", str(tmp_path / "o.json"), "-o", str(out))
    assert code == 0, err
    assert "2022年9月20日星期二" in flat(page_texts(out)[0])


def test_no_date_means_today(demo_ctx, tmp_path):
    out = build_report(demo_ctx, "special", 2021, None, tmp_path / "s.pdf")
    today = dt.date.today()
    assert flat(format_date(today.year, today.month, today.day, today.weekday())) in flat(page_texts(out)[0])


@pytest.mark.parametrize("text", ["2014-02-30", "2014/03/07", "昨天", "1999-12-31", "2014-3", "20140307"])
def test_bad_dates_are_refused(capsys, demo_path, tmp_path, snapshot, text):
    err = refused(capsys, demo_path, snapshot, tmp_path / "s.pdf", "special", "--year", "2021", "--date", text)
    assert "出版日期" in err


@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 12, 31)))
@settings(max_examples=200)
def test_every_date_reads_back_with_its_weekday(day):
    assert parse_date(day.isoformat()) == day
    text = format_date(day.year, day.month, day.day, parse_date(day.isoformat()).weekday())
    assert text.startswith(f"{day.year}年{day.month}月{day.day}日 星期")
    assert text[-1] == "一二三四五六日"[day.weekday()]


# --- the other options ------------------------------------------------------------------------------------

@pytest.mark.parametrize("options, words", [
    ({"columns": 5}, "栏数"),
    ({"columns": "three"}, "栏数"),
    ({"paper": "Letter"}, "纸张"),
    ({"credits": "聂楠"}, "credits"),
    ({"credits": {"主编": "聂楠"}}, "署名栏"),
    ({"credits": {"编辑": "聂" * 41}}, "过长"),
    ({"headline": ["a"]}, "headline"),
    ({"byline": "王正勋\n侯林峰"}, "不能换行"),
    ({"sections": ["nosuch"]}, "专版栏目不存在"),
    ({"sections": "eldercare"}, "sections"),
])
def test_bad_options_are_refused(capsys, demo_path, tmp_path, snapshot, options, words):
    out = tmp_path / "s.pdf"
    out.write_bytes(OLD)
    err = refused(capsys, demo_path, snapshot, out, "special", "--year", "2021", options=options)
    assert words in err


def test_photo_that_is_not_a_picture(capsys, demo_path, tmp_path, snapshot):
    fake = tmp_path / "photo.jpg"
    fake.write_text("not a picture", encoding="utf-8")
    err = refused(capsys, demo_path, snapshot, tmp_path / "s.pdf", "special", "--year", "2021",
                  options={"photo": str(fake)})
    assert "不是可用的图片" in err and "photo.jpg" in err
    err = refused(capsys, demo_path, snapshot, tmp_path / "s.pdf", "special", "--year", "2021",
                  options={"photo": str(tmp_path / "missing.png")})
    assert "找不到图片文件" in err


def test_a_real_photo_is_accepted(demo_ctx, tmp_path):
    from PIL import Image

    Image.new("RGB", (40, 30), "red").save(tmp_path / "p.png")
    options = check_options({"photo": str(tmp_path / "p.png")}, 2021, demo_ctx.catalogue)
    assert options["photo"] == str(tmp_path / "p.png")
    build_report(demo_ctx, "special", 2021, None, tmp_path / "s.pdf", {"photo": str(tmp_path / "p.png")})


@pytest.mark.parametrize("baseline, words", [("2030", "应早于"), ("2021", "应早于"), ("abc", "不是整数"),
                                             ("1990", "超出范围")])
def test_bad_baseline_is_refused(capsys, demo_path, tmp_path, snapshot, baseline, words):
    err = refused(capsys, demo_path, snapshot, tmp_path / "s.pdf", "special", "--year", "2021",
                  "--baseline", baseline)
    assert words in err


def test_baseline_reaches_the_builder(demo_ctx):
    assert check_options({"baseline_year": "2016"}, 2021)["baseline_year"] == 2016
    assert "baseline_year" not in check_options({"baseline_year": ""}, 2021)


# --- the output path --------------------------------------------------------------------------------------

def test_missing_folder(capsys, demo_path, tmp_path, snapshot):
    err = refused(capsys, demo_path, snapshot, tmp_path / "nosuch" / "s.pdf", "annual", "--year", "2021")
    assert "文件夹不存在" in err


def test_a_folder_as_output(capsys, demo_path, tmp_path, snapshot):
    (tmp_path / "folder.pdf").mkdir()
    err = refused(capsys, demo_path, snapshot, tmp_path / "folder.pdf", "annual", "--year", "2021")
    assert "是一个文件夹" in err


def test_unwritable_folder(capsys, demo_path, tmp_path, snapshot, monkeypatch):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    real = os.access
    # root may write anywhere; ask the same question the program asks, answered as for an ordinary user
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if Path(p) == locked else real(p, mode, **kw))
    try:
        err = refused(capsys, demo_path, snapshot, locked / "s.pdf", "annual", "--year", "2021")
    finally:
        locked.chmod(0o755)
    assert "没有权限写入文件夹" in err


def test_file_open_in_another_program_keeps_the_old_file(capsys, demo_path, tmp_path, snapshot, monkeypatch):
    out = tmp_path / "annual.pdf"
    out.write_bytes(OLD)

    def held(source, target):  # what Windows answers while a viewer holds the PDF
        raise PermissionError(13, "The process cannot access the file because it is being used by another process")

    monkeypatch.setattr(fileio.os, "replace", held)
    monkeypatch.setattr(fileio, "REPLACE_WAIT", 0)
    err = refused(capsys, demo_path, snapshot, out, "annual", "--year", "2021")
    assert "正被其他程序打开" in err and "原文件未改动" in err


@pytest.mark.skipif(os.name == "nt", reason="devices and FIFOs are POSIX; Windows device names are refused by the "
                    "same is_file check (tests/test_fileio.py)")
def test_device_and_fifo_are_not_replaced(capsys, demo_path, tmp_path, snapshot):
    with pytest.raises(fileio.OutputError, match="不是普通文件"):
        fileio.check_output_path(os.devnull)  # the check alone: nothing is written
    link = tmp_path / "null.pdf"
    link.symlink_to(os.devnull)
    err = refused(capsys, demo_path, snapshot, link, "annual", "--year", "2021")
    assert "不是普通文件" in err
    assert link.is_symlink() and stat.S_ISCHR(os.stat(os.devnull).st_mode)
    fifo = tmp_path / "pipe.pdf"
    os.mkfifo(fifo)
    err = refused(capsys, demo_path, snapshot, fifo, "annual", "--year", "2021")
    assert "不是普通文件" in err and stat.S_ISFIFO(os.lstat(fifo).st_mode)


@pytest.mark.skipif(os.name == "nt", reason="POSIX permission bits; Windows files carry ACLs inherited from the folder")
def test_pdf_gets_the_users_normal_file_mode(demo_ctx, tmp_path):
    old = os.umask(0o022)
    try:
        for kind in ("annual", "plan", "blank"):
            out = build_report(demo_ctx, kind, 2014 if kind == "plan" else 2021, None, tmp_path / f"{kind}.pdf")
            assert stat.S_IMODE(out.stat().st_mode) == 0o644, kind
    finally:
        os.umask(old)


def test_unknown_kind_and_bad_year(demo_ctx, tmp_path):
    with pytest.raises(InputError, match="未知的报表类型"):
        build_report(demo_ctx, "weekly", 2021, None, tmp_path / "x.pdf")
    with pytest.raises(InputError, match="年份"):
        build_report(demo_ctx, "annual", "21x", None, tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()
