"""One rule for comments at entry (domain/comments.py): what the form, the grid and the CLI accept is what a package
and a workbook can carry back exactly; what they cannot is refused naming the field, and nothing is written.
And -0 is 0 everywhere: stored, compared and audited alike."""

from __future__ import annotations

import io

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from jzhealth_desktop.cli import main
from jzhealth_desktop.domain.comments import MAX_LENGTH, tidy_comment
from jzhealth_desktop.domain.errors import InputError
from jzhealth_desktop.services.exchange import package_read
from jzhealth_desktop.services.exchange.package_export import build_package
from jzhealth_desktop.services.exchange.xlsx_export import build_workbook
from jzhealth_desktop.services.forms import ValidationFailed, read_form, save_form, validate
from jzhealth_desktop.services.grid import GridValidationFailed, check_grid, save_grid
from jzhealth_desktop.store.models import AuditEntry

from audit_chain import replay  # tests/audit_chain.py

COUNTY = "410821"
BAD = ["响应\x07迟", "a\x00b", "x\x1bz", "\ufffe", "半个\ud800", "end\x0c", "a" * (MAX_LENGTH + 1)]


def test_the_entry_limit_is_the_exchange_limit():
    assert MAX_LENGTH == package_read.MAX_TEXT


@pytest.mark.parametrize("text, stored", [
    ("  说明  ", "说明"), ("第一行\r\n第二行", "第一行\n第二行"), ("a\rb", "a\nb"), ("列\t表", "列\t表"), (None, ""),
    ("x" * MAX_LENGTH, "x" * MAX_LENGTH), ("\u3000全角空格\u3000", "全角空格"),
])
def test_comments_are_stored_as_a_workbook_gives_them_back(text, stored):
    assert tidy_comment(text) == stored


@pytest.mark.parametrize("text, zh", [("响应\x07迟", "U+0007（第 3 个字符）"), ("\ufffe", "U+FFFE"),
                                      ("半个\ud800", "U+D800"), ("a" * (MAX_LENGTH + 1), f"最多 {MAX_LENGTH} 字")])
def test_undeliverable_comments_are_refused_saying_why(text, zh):
    with pytest.raises(InputError) as caught:
        tidy_comment(text)
    assert zh in caught.value.zh


@pytest.mark.parametrize("comment", BAD, ids=["bell", "nul", "esc", "fffe", "surrogate", "formfeed", "too-long"])
def test_form_refuses_an_undeliverable_comment_naming_the_field(ctx, store_path, snapshot, comment):
    save_form(ctx, COUNTY, 2021, "eldercare", {"ec_beds": "100"})
    before = snapshot(store_path)
    with pytest.raises(ValidationFailed) as caught:
        save_form(ctx, COUNTY, 2021, "eldercare", {"ec_beds": "101"}, {"ec_beds": comment})
    assert [(i.code, i.rule) for i in caught.value.issues] == [("ec_beds", "comment")]
    assert "「医养床位数」的说明" in caught.value.zh
    assert snapshot(store_path) == before
    # a comment alone (the figure kept) is refused the same way
    with pytest.raises(ValidationFailed):
        save_form(ctx, COUNTY, 2021, "eldercare", {}, {"ec_beds": comment})
    assert snapshot(store_path) == before


def test_live_check_shows_the_comment_problem_before_saving(ctx):
    issues = validate(ctx, COUNTY, 2021, {"ec_beds": "100"}, {"ec_beds": "坏\x01"}, domain="eldercare")
    assert [(i.code, i.severity, i.rule) for i in issues] == [("ec_beds", "hard", "comment")]


def test_grid_refuses_an_undeliverable_comment_in_any_column(ctx, store_path, snapshot):
    save_form(ctx, COUNTY, 2021, "eldercare", {"ec_beds": "100"})
    before = snapshot(store_path)
    edits = {(COUNTY, 2020): {"ec_beds": "90"}, (COUNTY, 2021): {"ec_beds": "101"}}
    notes = {(COUNTY, 2021): {"ec_beds": "bad\x08"}}
    assert [i.rule for i in check_grid(ctx, "eldercare", edits, comments=notes)[(COUNTY, 2021)]] == ["comment"]
    with pytest.raises(GridValidationFailed) as caught:
        save_grid(ctx, "eldercare", edits, notes)
    assert list(caught.value.by_column) == [(COUNTY, 2021)]
    assert snapshot(store_path) == before


def test_cli_refuses_an_undeliverable_comment(capsys, store_path, snapshot):
    db = str(store_path)
    assert main(["--db", db, "values", "set", "--org", COUNTY, "--year", "2021", "ec_beds=1"]) == 0
    before = snapshot(store_path)
    code = main(["--db", db, "values", "set", "--org", COUNTY, "--year", "2021", "ec_beds=2",
                 "--comment", "ec_beds=" + "长" * (MAX_LENGTH + 1)])
    err = capsys.readouterr().err.strip()
    assert code == 1 and "\n" not in err and "「医养床位数」的说明过长" in err
    assert snapshot(store_path) == before


def test_an_accepted_comment_travels_in_package_and_workbook_exactly(ctx):
    note = "第一行\t制表\n第二行 " + "长" * (MAX_LENGTH - 20)
    save_form(ctx, COUNTY, 2021, "eldercare", {"ec_beds": "100"}, {"ec_beds": "\r\n" + note.replace("\n", "\r\n")})
    assert read_form(ctx, COUNTY, 2021, "eldercare").comments["ec_beds"] == note
    incoming = package_read.read_package(build_package(ctx, COUNTY, [2021]))
    assert [r.comment for r in incoming.values if r.code == "ec_beds"] == [note]
    data, _ = build_workbook(ctx, COUNTY, 2021)
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert note in [c.value for ws in book.worksheets for row in ws.iter_rows() for c in row]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_whatever_the_rule_accepts_a_workbook_and_a_package_carry_back_exactly(text):
    """The rule is exactly as strict as delivery needs: an accepted comment survives an XLSX cell and a package's
    text check unchanged."""
    try:
        tidy = tidy_comment(text)
    except InputError:
        return
    assert not package_read._BAD_CHAR.search(tidy)
    book = openpyxl.Workbook()
    book.active["A1"] = tidy
    buffer = io.BytesIO()
    book.save(buffer)
    back = openpyxl.load_workbook(io.BytesIO(buffer.getvalue())).active["A1"].value
    assert (back or "") == tidy


@pytest.mark.parametrize("typed", ["-0", "-0.00", "－０", "+0"])
def test_minus_zero_is_audited_as_zero_and_the_chain_holds(ctx, typed):
    save_form(ctx, COUNTY, 2021, "eldercare", {"ec_investment": typed})
    save_form(ctx, COUNTY, 2021, "eldercare", {"ec_investment": typed})  # typed again: nothing changes
    save_form(ctx, COUNTY, 2021, "eldercare", {"ec_investment": "0"})
    with ctx.db.read() as s:
        rows = s.execute(select(AuditEntry.old_text, AuditEntry.new_text)
                         .where(AuditEntry.subject == "ec_investment").order_by(AuditEntry.id)).all()
    assert [tuple(r) for r in rows] == [("", "0.00")]
    assert replay(ctx, COUNTY, 2021, "ec_investment").broken == []
