"""The one place that builds the main window's menus 文件 / 数据 / 报表 / 审核 / 工具 / 帮助: the window's own items
and the features' are declared as ``MenuAction`` records (``ui/menu_action.py``) and placed here, with their
shortcuts, "right" property (``MainWindow.mirror_rights``) and Alt keys.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from .menu_action import MENUS, MenuAction
from .qt import QAction, QCoreApplication, QKeySequence, QMenu

if TYPE_CHECKING:  # pragma: no cover
    from .main_window import MainWindow


def build_menus(window: MainWindow) -> None:
    """The bar's six menus, with the window's own items (``ui/window_actions.py``)."""
    from .window_actions import ACTIONS

    bar = window.menuBar()
    titles = {
        "file": QCoreApplication.translate("MainWindow", "&File"),
        "data": QCoreApplication.translate("MainWindow", "&Data"),
        "reports": QCoreApplication.translate("MainWindow", "&Reports"),
        "review": QCoreApplication.translate("MainWindow", "Re&view"),
        "tools": QCoreApplication.translate("MainWindow", "&Tools"),
        "help": QCoreApplication.translate("MainWindow", "&Help"),
    }
    for key in MENUS:
        window.menus[key] = bar.addMenu(titles[key])
        # Items without an Alt key get one when the menu first opens (ensure_mnemonics).
        window.menus[key].aboutToShow.connect(lambda menu=window.menus[key]: ensure_mnemonics(menu.actions()))
    place(window, ACTIONS)


def place(window: MainWindow, declared: Iterable[MenuAction]) -> list[QAction]:
    """Make each declared item a QAction of the window and lay out every menu it lands in again, sorted by
    (group, order) with a line between groups. The QActions are returned in the order given."""
    made = []
    for spec in declared:
        if spec.submenu is not None:
            submenu = QMenu(QCoreApplication.translate(spec.context, spec.text), window)
            spec.submenu(window, submenu)
            action = submenu.menuAction()
        else:
            action = QAction(QCoreApplication.translate(spec.context, spec.text), window)
            assert spec.handler is not None  # MenuAction refuses an item with neither handler nor submenu
            slot = spec.handler(window)
            action.triggered.connect(lambda _checked=False, slot=slot: slot())
            if spec.shortcut is not None:
                window.shortcuts.append((action, spec.shortcut))  # keys come in apply_shortcuts
        action.setObjectName(spec.name)
        if spec.right:
            action.setProperty("right", spec.right)  # mirror_rights enables it where access.allowed says so
        window.placed.append((spec, action))
        made.append(action)
    for key in {spec.menu for spec in declared}:
        _lay_out(window.menus[key], sorted(((s.group, s.order), a) for s, a in window.placed if s.menu == key))
    return made


def _lay_out(menu: QMenu, items: list) -> None:
    for old in menu.actions():  # not QMenu.clear: it would delete a submenu's action
        menu.removeAction(old)
        if old.isSeparator():
            old.deleteLater()
    group = None
    for (at_group, _order), action in items:
        if group is not None and at_group != group:
            menu.addSeparator()
        group = at_group
        menu.addAction(action)


def mnemonic_of(text: str) -> str:
    """The Alt letter of a menu or button text ("" if it has none); "&&" is a literal ampersand."""
    plain = text.replace("&&", "")
    at = plain.find("&")
    return plain[at + 1].upper() if 0 <= at < len(plain) - 1 else ""


def with_mnemonic(text: str, letter: str) -> str:
    """Give ``text`` the Alt key ``letter``: on the letter itself in Latin text, else 「导出数据包(&E)…」
    as Chinese programs write it (before a trailing ellipsis)."""
    at = text.upper().find(letter)
    if at >= 0 and text.isascii():
        return text[:at] + "&" + text[at:]
    stem, tail = (text[:-1], "…") if text.endswith("…") else (text, "")
    return f"{stem}(&{letter}){tail}"


def ensure_mnemonics(items) -> None:
    """Every visible menu item, button or buddied label in ``items`` (QAction, QAbstractButton, QLabel) that lacks an Alt key gets
    one not used by its siblings: the letters of its object name first (``exportPackage`` → E, X, P…)."""
    taken = {mnemonic_of(item.text()) for item in items} - {""}
    for item in items:
        text = item.text()
        if not text or mnemonic_of(text) or (hasattr(item, "isSeparator") and item.isSeparator()):
            continue
        wanted = [c.upper() for c in (item.objectName() + text) if c.isascii() and c.isalpha()]
        letter = next((c for c in wanted + list("ABCDEFGHIJKLMNOPQRSTUVWXYZ") if c not in taken), "")
        if letter:
            taken.add(letter)
            item.setText(with_mnemonic(text, letter))


def apply_shortcuts(window: MainWindow) -> None:
    """Give the menu actions their keys once the window is filled. Not in ``build_menus``: the first key
    sequence makes PySide6 set up Qt's enums (~12 ms), which the frame painted before the store opens can do
    without (its actions are disabled until then anyway)."""
    for action, shortcut in window.shortcuts:
        action.setShortcut(QKeySequence(shortcut))
    window.shortcuts.clear()
