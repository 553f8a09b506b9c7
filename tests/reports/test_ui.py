"""The report dialog, presets, the preview (white pages, zoom, page list, print, save as) and the
报表 menu building off the UI thread, on real stores in tmp."""

from __future__ import annotations

import argparse
import datetime as dt

import pytest
from pypdf import PdfReader

from jzhealth_desktop.reports import build_report
from jzhealth_desktop.ui.qt import QMessageBox, QPrinter, Qt
from jzhealth_desktop.ui.reports.dialog import ReportDialog
from jzhealth_desktop.ui.reports.preview import PreviewDialog

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def test_dialog_options_and_presets_round_trip(qtbot, demo_ctx):
    dialog = ReportDialog(demo_ctx, "410821", 2021)
    qtbot.addWidget(dialog)
    assert dialog.org_code() == "410821" and dialog.year_value() == 2021
    assert dialog.options() == {}  # the annual report has no special-page options
    dialog.kind.setCurrentIndex(dialog.kind.findData("special"))
    dialog.fields["headline"].setText("聚焦健康 大美之作")
    dialog.fields["editor"].setText("聂楠")
    dialog.sections.item(0).setCheckState(Qt.Unchecked)
    options = dialog.options()
    assert options["headline"] == "聚焦健康 大美之作" and options["credits"]["编辑"] == "聂楠"
    assert "immunization" not in options["sections"] and "eldercare" in options["sections"]
    dialog.preset_name.setText("我的专版")
    dialog._save_preset()
    other = ReportDialog(demo_ctx)
    qtbot.addWidget(other)
    other.kind.setCurrentIndex(other.kind.findData("special"))
    other.preset.setCurrentText("我的专版")
    other._load_preset()
    assert other.options() == options


def test_bad_preset_name_is_refused(qtbot, demo_ctx, monkeypatch):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    dialog = ReportDialog(demo_ctx)
    qtbot.addWidget(dialog)
    dialog.preset_name.setText("a/b")
    dialog._save_preset()
    assert warnings and "预设名称" in warnings[0]
    assert dialog.preset.findText("a/b") < 0


def test_preview_pages_zoom_save_and_print(qtbot, demo_ctx, tmp_path):
    pdf = build_report(demo_ctx, "special", 2021, None, tmp_path / "special.pdf", {"date": dt.date(2022, 9, 20)})
    pages = len(PdfReader(pdf).pages)
    preview = PreviewDialog(pdf)
    qtbot.addWidget(preview)
    assert preview.page_count() == pages == preview.pages.count()
    image = preview.view.pixmap().toImage()
    assert image.pixelColor(1, 1).name() == "#ffffff"  # drawn on white
    width = image.width()
    preview.zoom.setValue(200)
    assert preview.view.pixmap().width() > width * 1.8
    preview.pages.setCurrentRow(pages - 1)
    saved = preview.save_as(str(tmp_path / "copy.pdf"))
    assert saved.read_bytes() == pdf.read_bytes()
    printer = QPrinter(QPrinter.HighResolution)
    printer.setOutputFormat(QPrinter.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    preview.print_to(printer)
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == pages


def test_report_menu_builds_in_background_and_opens_the_preview(qtbot, demo_path, monkeypatch):
    from jzhealth_desktop.services.context import open_context
    from jzhealth_desktop.services.station import configure_station
    from jzhealth_desktop.ui import reports as feature
    from jzhealth_desktop.ui.application import start

    setup = open_context(str(demo_path))
    configure_station(setup, "city", None, "王会计")
    setup.close()
    started = start(argparse.Namespace(db=str(demo_path), demo=False, smoke=False))
    window = started.window
    try:
        titles = [a.text() for a in window.menu("reports").actions()]
        assert "生成报表…" in titles
        monkeypatch.setattr(ReportDialog, "exec", lambda self: ReportDialog.Accepted)
        shown = []
        monkeypatch.setattr(PreviewDialog, "show", lambda self: shown.append(self))
        feature.open_report_dialog(window)
        qtbot.waitUntil(lambda: bool(shown), timeout=60000)
        assert shown[0].page_count() >= 1
        assert shown[0].path.name.endswith("年度统计报表.pdf")
        shown[0].close()
    finally:
        window.close()
        window.deleteLater()
        started.ctx.close()


def test_dialog_remembers_the_kind_and_the_names(qtbot, demo_ctx, monkeypatch):
    dialog = ReportDialog(demo_ctx)
    qtbot.addWidget(dialog)
    assert dialog.kind_code() == "annual"  # first time: the annual report
    dialog.kind.setCurrentIndex(dialog.kind.findData("plan"))
    dialog.fields["editor"].setText("聂楠")
    dialog.fields["proofreader"].setText("张海洋")
    dialog.fields["layout"].setText("华保红")
    dialog.fields["headline"].setText("只用这一次的标题")
    dialog.accept()
    assert dialog.result() == ReportDialog.Accepted
    again = ReportDialog(demo_ctx)
    qtbot.addWidget(again)
    assert again.kind_code() == "plan"
    assert again.options()["credits"] == {"编辑": "聂楠", "校对": "张海洋", "组版": "华保红"}
    assert again.fields["headline"].text() == ""  # a headline belongs to one issue


def test_a_bad_option_keeps_the_dialog_open(qtbot, demo_ctx, monkeypatch):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    dialog = ReportDialog(demo_ctx, None, 2021)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("special"))
    qtbot.keyClicks(dialog.date, "2014-02-30")
    assert "不是日期" in dialog.weekday.text() or "not a date" in dialog.weekday.text()
    dialog.accept()
    assert warnings and "出版日期" in warnings[0] and dialog.result() != ReportDialog.Accepted
    dialog.date.clear()
    qtbot.keyClicks(dialog.date, "2014-03-07")
    assert dialog.weekday.text() == "2014年3月7日 星期五"
    dialog.baseline.setValue(2016)
    options = dialog.options()
    assert options["date"] == "2014-03-07" and options["baseline_year"] == 2016


def test_dialog_fits_the_main_window_and_shows_every_section(qtbot, demo_ctx):
    """At 1366×768 the main window is at most ~740 px tall: the dialog stays inside it, the options scroll,
    and the 栏目 list is tall enough for every domain (no list clipped inside the page)."""
    from jzhealth_desktop.ui.qt import QWidget

    main = QWidget()
    qtbot.addWidget(main)
    main.resize(1366, 700)
    main.show()
    dialog = ReportDialog(demo_ctx, None, 2021, main)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("special"))
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.height() <= main.height()
    sections = dialog.sections
    rows = sum(sections.sizeHintForRow(i) for i in range(sections.count()))
    assert sections.viewport().height() >= rows  # every domain visible in the list itself
    assert sections.verticalScrollBar().maximum() == 0
    assert dialog.scroll.verticalScrollBar().maximum() > 0  # the options scroll instead
    dialog.kind.setCurrentIndex(dialog.kind.findData("annual"))
    assert not dialog.scroll.isVisible() and dialog.options() == {}


def test_plan_from_the_dialog(qtbot, demo_ctx, tmp_path):
    dialog = ReportDialog(demo_ctx, None, 2014)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("plan"))
    assert dialog.fields["summary"].isVisibleTo(dialog) and not dialog.sections.isVisibleTo(dialog)
    qtbot.keyClicks(dialog.date, "2014-03-07")
    dialog.fields["headline"].setText("努力开创卫生改革发展新局面")
    options = dialog.options()
    assert "sections" not in options and options["date"] == "2014-03-07"
    out = build_report(demo_ctx, dialog.kind_code(), dialog.year_value(), dialog.org_code(), tmp_path / "p.pdf",
                       options)
    assert len(PdfReader(out).pages) == 1


def test_save_as_refuses_a_folder_and_keeps_the_old_file(qtbot, demo_ctx, tmp_path, monkeypatch):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    pdf = build_report(demo_ctx, "blank", 2021, None, tmp_path / "blank.pdf", {"domain": "eldercare"})
    preview = PreviewDialog(pdf)
    qtbot.addWidget(preview)
    (tmp_path / "folder.pdf").mkdir()
    assert preview.save_as(str(tmp_path / "folder.pdf")) is None
    assert warnings and "文件夹" in warnings[-1]
    assert preview.save_as(str(tmp_path / "nosuch" / "x.pdf")) is None and "文件夹不存在" in warnings[-1]
