"""The report preview as a clerk uses it: every page label shown whole in a list that never scrolls sideways,
Alt keys on 打印/另存为/关闭 and the zoom, and 另存为 starting in Documents (then the folder last used for PDFs)
and saying where the copy went, with 「打开所在文件夹」."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QPushButton

from jzhealth_desktop.reports import build_report
from jzhealth_desktop.ui import application, dialogs
from jzhealth_desktop.ui.reports.preview import PreviewDialog


@pytest.fixture
def annual_pdf(demo_ctx, tmp_path) -> Path:
    (tmp_path / "build").mkdir()
    return build_report(demo_ctx, "annual", 2021, None, tmp_path / "build" / "焦作市2021年年度统计报表.pdf", {})


def shown_preview(qtbot, pdf: Path, font: QFont | None = None) -> PreviewDialog:
    application.make_app()  # the program's translators: 「第 1 页」
    if font is None:
        preview = PreviewDialog(pdf)
    else:  # the font before the list is built, as a larger system font would be
        app_font = QApplication.font()
        QApplication.setFont(font)
        try:
            preview = PreviewDialog(pdf)
        finally:
            QApplication.setFont(app_font)
    qtbot.addWidget(preview)
    preview.show()
    qtbot.waitExposed(preview)
    qtbot.waitUntil(preview.isActiveWindow)  # it activates itself on show: keys reach it
    return preview


@pytest.mark.parametrize("scale", [1.0, 1.5])
def test_every_page_label_is_whole_and_the_list_never_scrolls_sideways(qtbot, annual_pdf, scale):
    font = QApplication.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    preview = shown_preview(qtbot, annual_pdf, font if scale != 1.0 else None)
    pages = preview.pages
    assert pages.count() == preview.page_count() >= 2
    metrics = pages.fontMetrics()
    for row in range(pages.count()):
        item = pages.item(row)
        assert item.text() == f"第 {row + 1} 页"
        rect = pages.visualItemRect(item)
        hint = pages.sizeHintForIndex(pages.model().index(row, 0))
        assert metrics.horizontalAdvance(item.text()) <= rect.width()  # the label fits its item
        assert hint.width() <= pages.viewport().width()  # and the item fits the list
        assert rect.left() >= 0 and rect.right() < pages.viewport().width()
    assert pages.horizontalScrollBar().maximum() == 0
    assert not pages.horizontalScrollBar().isVisible()


def button_texts(preview) -> set[str]:
    return {b.text() for b in preview.findChildren(QPushButton)}


def test_the_buttons_have_alt_keys_and_save_as_starts_in_documents_then_the_last_folder(
        qtbot, annual_pdf, tmp_path, monkeypatch, answer_dialogs):
    preview = shown_preview(qtbot, annual_pdf)
    assert {"打印(&P)…", "另存为(&S)…", "关闭(&C)"} <= button_texts(preview)
    asked = []
    out = tmp_path / "送市里"
    out.mkdir()

    def clerk_picks(parent, title, start, pattern):  # Qt's own file dialog stands in for the clerk
        asked.append((title, start, pattern))
        return str(out / Path(start).name), pattern

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(clerk_picks))
    opened = []
    monkeypatch.setattr(dialogs, "open_folder_of", lambda path: opened.append(path) or True)

    def take_folder(box):
        next(b for b in box.findChildren(QPushButton) if b.text() == "打开所在文件夹(&O)").click()

    seen = answer_dialogs([(QMessageBox, take_folder)])
    assert QApplication.focusWidget() is preview.pages
    qtbot.keyClick(preview.pages, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # 另存为(&S)
    target = out / annual_pdf.name
    qtbot.waitUntil(lambda: bool(opened))
    assert asked[0][0] == "另存为" and asked[0][2] == "PDF 文件 (*.pdf)"
    assert Path(asked[0][1]) == Path(dialogs.documents_folder()) / annual_pdf.name  # Documents the first time
    assert target.read_bytes() == annual_pdf.read_bytes()
    assert seen == [f"QMessageBox: 已保存到：\n{target}"] and opened == [str(target)]

    answer_dialogs([(QMessageBox, lambda box: box.accept())])
    qtbot.waitUntil(preview.isActiveWindow)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: len(asked) == 2)
    assert Path(asked[1][1]).parent == out  # then the folder last used for PDFs

    qtbot.waitUntil(preview.isActiveWindow)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.AltModifier)  # 缩放(&Z)
    assert QApplication.focusWidget() is preview.zoom
    before = preview.zoom.value()
    qtbot.keyClick(preview.zoom, Qt.Key.Key_Up)
    assert preview.zoom.value() == before + 25
    qtbot.keyClick(preview.zoom, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)  # 关闭(&C)
    qtbot.waitUntil(lambda: not preview.isVisible())


def test_print_is_on_alt_p(qtbot, annual_pdf, answer_dialogs):
    from jzhealth_desktop.ui.qt import QPrintDialog

    preview = shown_preview(qtbot, annual_pdf)
    seen = answer_dialogs([(QPrintDialog, lambda dialog: dialog.reject())])
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: bool(seen))
    assert seen[0].endswith("PrintDialog")


def test_a_refused_save_as_says_why_and_tells_no_place(qtbot, annual_pdf, tmp_path, monkeypatch, answer_dialogs):
    preview = shown_preview(qtbot, annual_pdf)
    (tmp_path / "占用.pdf").mkdir()  # a folder where the file should go
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda parent, title, start, pattern: (str(tmp_path / "占用.pdf"), pattern)))
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    seen = answer_dialogs([])
    assert preview.save_as() is None
    assert warnings and "文件夹" in warnings[0] and seen == []  # no 「已保存到」 after a refusal


def test_every_label_and_button_of_the_report_dialog_has_its_own_alt_key(qtbot, demo_ctx, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QLabel

    from jzhealth_desktop.ui.menus import mnemonic_of
    from jzhealth_desktop.ui.reports.dialog import ReportDialog

    application.make_app()
    dialog = ReportDialog(demo_ctx, None, 2021)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.isActiveWindow)
    for kind in ("special", "plan"):
        dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
        shown = [w for w in dialog.findChildren(QLabel) if w.buddy() is not None and w.isVisible()]
        shown += [b for b in dialog.findChildren(QPushButton) if b.isVisible() and b.text() not in ("取消", "Cancel")]
        letters = [mnemonic_of(w.text()) for w in shown]
        assert "" not in letters, [w.text() for w in shown if not mnemonic_of(w.text())]
        assert len(set(letters)) == len(letters), sorted(letters)
    dialog.kind.setCurrentIndex(dialog.kind.findData("special"))
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)  # 栏目标题(&I)
    assert QApplication.focusWidget() is dialog.fields["series_title"]
    asked = []
    photo = tmp_path / "合影.jpg"
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda parent, title, start, pattern: asked.append(start) or (str(photo), pattern)))
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_X, Qt.KeyboardModifier.AltModifier)  # 选择图片(&X)…
    qtbot.waitUntil(lambda: bool(asked))
    assert Path(asked[0]) == Path(dialogs.documents_folder())  # not the program's folder
    assert dialog.photo.text() == str(photo)


def test_a_small_screen_starts_with_the_pages_whole_width_shown(qtbot, annual_pdf):
    application.make_app()
    preview = PreviewDialog(annual_pdf)
    qtbot.addWidget(preview)
    preview.resize(700, 500)  # what 1366×768 at 150 % leaves, roughly
    preview.show()
    qtbot.waitExposed(preview)
    assert preview.zoom.value() < 100
    qtbot.waitUntil(lambda: preview.scroll.horizontalScrollBar().maximum() == 0)
    assert preview.scroll.verticalScrollBar().maximum() > 0  # the page scrolls down, never sideways
    wide = PreviewDialog(annual_pdf)
    qtbot.addWidget(wide)
    wide.resize(1200, 700)
    wide.show()
    qtbot.waitExposed(wide)
    assert wide.zoom.value() == 100  # room enough: never enlarged past 100 %
