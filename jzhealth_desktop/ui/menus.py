"""The main window's menus 文件 / 数据 / 报表 / 审核 / 工具 / 帮助 and their shortcuts.

Feature modules add their actions through ``window.menu(key)``; the keys are fixed by ``ui/features.py``.
Strings use the "MainWindow" context so they translate with the window's own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from .qt import QAction, QActionGroup, QCoreApplication, QKeySequence, QMessageBox
from .settings import LANGUAGES, language, set_language

if TYPE_CHECKING:  # pragma: no cover
    from .main_window import MainWindow

STD = QKeySequence.StandardKey


def _action(window: "MainWindow", menu, text: str, slot: Callable, shortcut=None, name: str = "") -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        window.shortcuts.append((action, shortcut))
    if name:
        action.setObjectName(name)
    action.triggered.connect(lambda _checked=False: slot())
    menu.addAction(action)
    return action


def build_menus(window: "MainWindow") -> None:
    bar = window.menuBar()
    titles = {
        "file": QCoreApplication.translate("MainWindow", "&File"),
        "data": QCoreApplication.translate("MainWindow", "&Data"),
        "reports": QCoreApplication.translate("MainWindow", "&Reports"),
        "review": QCoreApplication.translate("MainWindow", "Re&view"),
        "tools": QCoreApplication.translate("MainWindow", "&Tools"),
        "help": QCoreApplication.translate("MainWindow", "&Help"),
    }
    for key, title in titles.items():
        window.menus[key] = bar.addMenu(title)
        # Feature modules add items later: each gets an Alt key when the menu first opens, if it has none.
        window.menus[key].aboutToShow.connect(lambda menu=window.menus[key]: ensure_mnemonics(menu.actions()))
    m = window.menus
    window.save_action = _action(window, m["file"], QCoreApplication.translate("MainWindow", "&Save"),
                                 window.save, STD.Save, "save")
    window.save_action.setProperty("right", "values.write")
    _action(window, m["file"], QCoreApplication.translate("MainWindow", "&Reload from the store"),
            window.reload, STD.Refresh)
    m["file"].addSeparator()
    _action(window, m["file"], QCoreApplication.translate("MainWindow", "&Quit"), window.close, "Ctrl+Q", "quit")

    _action(window, m["data"], QCoreApplication.translate("MainWindow", "&Undo last edit"),
            lambda: window.form_view.undo(), STD.Undo)
    _action(window, m["data"], QCoreApplication.translate("MainWindow", "&Discard all unsaved edits"), window.revert)
    m["data"].addSeparator()
    _action(window, m["data"], QCoreApplication.translate("MainWindow", "Edit &comment of this figure"),
            window.edit_comment, "Ctrl+M")
    _action(window, m["data"], QCoreApplication.translate("MainWindow", "&History of this figure"),
            window.show_history, "Ctrl+H")
    m["data"].addSeparator()
    _action(window, m["data"], QCoreApplication.translate("MainWindow", "&Form view"),
            lambda: window.show_tab(0), "Ctrl+1")
    _action(window, m["data"], QCoreApplication.translate("MainWindow", "&Grid view"),
            lambda: window.show_tab(1), "Ctrl+2")
    _action(window, m["data"], QCoreApplication.translate("MainWindow", "&Next domain"),
            lambda: window.step_domain(1), "Ctrl+PgDown")
    _action(window, m["data"], QCoreApplication.translate("MainWindow", "&Previous domain"),
            lambda: window.step_domain(-1), "Ctrl+PgUp")
    _action(window, m["data"], QCoreApplication.translate("MainWindow", "Domain &list"),
            window.focus_domains, "Ctrl+L")
    m["data"].addSeparator()
    _action(window, m["data"], QCoreApplication.translate("MainWindow", "Next &issue"),
            lambda: window.step_issue(1), "F8")
    _action(window, m["data"], QCoreApplication.translate("MainWindow", "Pre&vious issue"),
            lambda: window.step_issue(-1), "Shift+F8")
    _action(window, m["data"], QCoreApplication.translate("MainWindow", "Next empty &required field"),
            window.next_required, "Ctrl+E")
    _action(window, m["data"], QCoreApplication.translate("MainWindow", "&Search for a field…"),
            window.find_field, STD.Find)

    _action(window, m["review"], QCoreApplication.translate("MainWindow", "&Completeness"),
            lambda: window.show_tab(2), "Ctrl+3")

    languages = m["tools"].addMenu(QCoreApplication.translate("MainWindow", "&Language"))
    group = QActionGroup(window)
    names = {"zh_CN": "简体中文", "en": "English"}
    for code in LANGUAGES:
        action = QAction(names[code], window, checkable=True)
        action.setChecked(code == language())
        action.triggered.connect(lambda _c=False, code=code: _switch_language(window, code))
        group.addAction(action)
        languages.addAction(action)

    _action(window, m["help"], QCoreApplication.translate("MainWindow", "&User guide"), window.show_guide,
            STD.HelpContents)
    _action(window, m["help"], QCoreApplication.translate("MainWindow", "&About"), window.show_about)


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
    """Every visible menu item or button in ``items`` (QAction or QAbstractButton) that lacks an Alt key gets
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


def apply_shortcuts(window: "MainWindow") -> None:
    """Give the menu actions their keys once the window is filled. Not in ``build_menus``: the first key
    sequence makes PySide6 set up Qt's enums (~12 ms), which the frame painted before the store opens can do
    without (its actions are disabled until then anyway)."""
    for action, shortcut in window.shortcuts:
        action.setShortcut(QKeySequence(shortcut))
    window.shortcuts.clear()


def _switch_language(window: "MainWindow", code: str) -> None:
    set_language(code)
    QMessageBox.information(window, QCoreApplication.translate("MainWindow", "Language"),
                            QCoreApplication.translate("MainWindow",
                                                       "The new language is used from the next start of the program."))
