"""Exchange feature module: 文件 → 导出数据包 / 导入数据包 / 导出Excel / 导入Excel (see ui/features.py)."""

from __future__ import annotations

from ..qt import QAction, QCoreApplication
from .actions import ExchangeActions


def install(window) -> ExchangeActions:
    actions = ExchangeActions(window)
    menu = window.menu("file")
    tr = QCoreApplication.translate
    items = [(tr("exchange", "Export package…"), "exportPackage", actions.export_package),
             (tr("exchange", "Import package…"), "importPackage", actions.import_package),
             (tr("exchange", "Export Excel…"), "exportExcel", actions.export_workbook),
             (tr("exchange", "Import Excel…"), "importExcel", actions.import_workbook)]
    separators = [a for a in menu.actions() if a.isSeparator()]
    first = separators[-1] if separators else None  # ours go above the last group (Quit)
    for text, name, slot in items:
        action = QAction(text, menu)
        action.setObjectName(name)
        action.triggered.connect(slot)
        if first is None:
            menu.addAction(action)
        else:
            menu.insertAction(first, action)
    if first is not None:
        menu.insertSeparator(menu.actions()[menu.actions().index(first) - len(items)])
    window.exchange_actions = actions  # keeps the controller alive with the window
    return actions
