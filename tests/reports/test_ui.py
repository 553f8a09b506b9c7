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
