"""The report dialog and the preview speak the chosen language: English source strings, Chinese from the shipped
translation (the default)."""

from __future__ import annotations

import pytest
from reportlab.pdfgen import canvas

from jzhealth_desktop.ui import application
from jzhealth_desktop.ui.i18n import install_translators
from jzhealth_desktop.ui.qt import QApplication, QPushButton
from jzhealth_desktop.ui.reports.dialog import ReportDialog, suggested_name
from jzhealth_desktop.ui.reports.preview import PreviewDialog
from jzhealth_desktop.ui.settings import language, set_language

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


@pytest.fixture
def in_language(qtbot):
    """in_language(code): the UI language set as the program sets it (settings + that language's translators)."""
    app = application.make_app()
    kept = list(getattr(app, "_jz_translators", []))
    for translator in kept:
        app.removeTranslator(translator)
    ours: list = []

    def switch(code: str) -> None:
        for translator in ours:
            app.removeTranslator(translator)
        set_language(code)
        ours[:] = install_translators(app, code)

    yield switch
    for translator in ours:
        app.removeTranslator(translator)
    for translator in kept:
        app.installTranslator(translator)


def labels(dialog: ReportDialog) -> dict[str, str]:
    """The text shown beside each input of the dialog, by what the input is."""
    def label(widget):
        form = widget.parentWidget().layout()
        found = form.labelForField(widget) if hasattr(form, "labelForField") else None
        if found is None:  # the top rows live in a nested form layout of the dialog
            found = dialog.layout().itemAt(0).layout().labelForField(widget)
        return found.text()
    return {"kind": label(dialog.kind), "org": label(dialog.org), "year": label(dialog.year),
            "headline": label(dialog.fields["headline"]), "sections": label(dialog.sections)}


def dialog_texts(qtbot, ctx) -> tuple[ReportDialog, dict[str, str]]:
    dialog = ReportDialog(ctx, "410821", 2021)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("special"))
    return dialog, {**labels(dialog), "title": dialog.windowTitle(), "box": dialog.page_box.title(),
                    "kinds": [dialog.kind.itemText(i) for i in range(dialog.kind.count())],
                    "org_name": dialog.org.currentText(), "first_section": dialog.sections.item(0).text()}


def preview_buttons(qtbot, tmp_path) -> tuple[list[str], str]:
    pdf = tmp_path / "one.pdf"
    page = canvas.Canvas(str(pdf))
    page.drawString(72, 720, "one page")
    page.save()
    preview = PreviewDialog(pdf)
    qtbot.addWidget(preview)
    return [b.text() for b in preview.findChildren(QPushButton)], preview.pages.item(0).text()


def test_report_dialog_and_preview_in_english(qtbot, in_language, demo_ctx, tmp_path):
    in_language("en")
    assert language() == "en"
    dialog, shown = dialog_texts(qtbot, demo_ctx)
    assert shown == {
        "kind": "&Document", "org": "&Unit", "year": "&Year", "headline": "&Headline", "sections": "&Sections",
        "title": "Build a report", "box": "Page options",
        "kinds": ["Annual statistical report", "Special page (newspaper layout)",
                  "The year's targets (newspaper layout)", "Blank form (for filling on paper)"],
        "org_name": demo_ctx.org("410821").name_en,
        "first_section": demo_ctx.catalogue.domains[0].name_en,
    }
    assert sorted(preview_buttons(qtbot, tmp_path)[0]) == ["&Close", "&Print…", "&Save as…"]
    assert preview_buttons(qtbot, tmp_path)[1] == "Page 1"
    # The document stays Chinese whatever the screen language.
    assert suggested_name("special", "修武县", 2021) == "修武县2021年专版.pdf"
    assert dialog.options()["credits"].keys() == {"编辑", "校对", "组版"}


def test_report_dialog_and_preview_in_chinese_by_default(qtbot, in_language, demo_ctx, tmp_path):
    in_language("zh_CN")
    assert language() == "zh_CN"
    _dialog, shown = dialog_texts(qtbot, demo_ctx)
    assert shown == {
        "kind": "报表类型(&D)", "org": "单位(&U)", "year": "年度(&Y)", "headline": "大标题(&H)", "sections": "栏目(&S)",
        "title": "生成报表", "box": "版面选项",
        "kinds": ["年度统计报表", "专版（报纸版式）", "年度目标（报纸版式）", "空白报表（纸质填报）"],
        "org_name": demo_ctx.org("410821").name,
        "first_section": demo_ctx.catalogue.domains[0].name,
    }
    buttons, page = preview_buttons(qtbot, tmp_path)
    assert sorted(buttons) == sorted(["关闭(&C)", "打印(&P)…", "另存为(&S)…"]) and page == "第 1 页"
    assert QApplication.translate("ReportDialog", "Photogr&apher") == "摄影(&A)"  # a table label, collected by lupdate
