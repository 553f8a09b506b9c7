"""Exchange feature module: 文件 → 导出数据包 / 导入数据包 / 导出Excel / 导入Excel (see ui/features.py)."""

from __future__ import annotations

from ..qt import QAction, QCoreApplication
from .actions import ExchangeActions

translate = QCoreApplication.translate  # lupdate collects translate("context", "text")


def install(window) -> ExchangeActions:
    actions = ExchangeActions(window)
    menu = window.menu("file")
    items = [(translate("exchange", "Export package…"), "exportPackage", actions.export_package, "exchange.export"),
             (translate("exchange", "Import package…"), "importPackage", actions.import_package, "exchange.import"),
             (translate("exchange", "Export Excel…"), "exportExcel", actions.export_workbook, "exchange.export"),
             (translate("exchange", "Import Excel…"), "importExcel", actions.import_workbook, "exchange.import")]
    separators = [a for a in menu.actions() if a.isSeparator()]
    first = separators[-1] if separators else None  # ours go above the last group (Quit)
    for text, name, slot, right in items:
        action = QAction(text, menu)
        action.setObjectName(name)
        action.setProperty("right", right)  # the main window enables it where access.allowed says so
        action.triggered.connect(slot)
        if first is None:
            menu.addAction(action)
        else:
            menu.insertAction(first, action)
    if first is not None:
        menu.insertSeparator(menu.actions()[menu.actions().index(first) - len(items)])
    window.exchange_actions = actions  # keeps the controller alive with the window
    return actions
