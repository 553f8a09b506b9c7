"""Exchange feature module: 文件 → 导出数据包 / 导入数据包 / 导出Excel / 导入Excel (see ui/features.py)."""

from __future__ import annotations

from ..menu_action import QT_TRANSLATE_NOOP, MenuAction
from ..window_actions import EXCHANGE_GROUP
from .actions import ExchangeActions


def _item(order: int, text: str, name: str, method: str, right: str) -> MenuAction:
    return MenuAction("file", EXCHANGE_GROUP, order, "exchange", text, name,
                      lambda window: getattr(window.controller(ExchangeActions), method), right)


ACTIONS = (
    _item(0, QT_TRANSLATE_NOOP("exchange", "Export package…"), "exportPackage", "export_package", "exchange.export"),
    _item(1, QT_TRANSLATE_NOOP("exchange", "Import package…"), "importPackage", "import_package", "exchange.import"),
    _item(2, QT_TRANSLATE_NOOP("exchange", "Export Excel…"), "exportExcel", "export_workbook", "exchange.export"),
    _item(3, QT_TRANSLATE_NOOP("exchange", "Import Excel…"), "importExcel", "import_workbook", "exchange.import"),
)
