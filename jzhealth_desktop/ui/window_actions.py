"""The main window's own menu items, declared as features declare theirs (``ui/menu_action.py``).

Groups leave room for the features: 文件 has the exchange items (group 50) between saving and 退出 (90);
审核 and 工具 have the accounts items in group 10 after the window's own (0).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from .menu_action import QT_TRANSLATE_NOOP, MenuAction
from .qt import QAction, QActionGroup, QCoreApplication, QKeySequence, QMessageBox
from .settings import LANGUAGES, language, set_language

if TYPE_CHECKING:  # pragma: no cover
    from .main_window import MainWindow
    from .qt import QMenu

STD = QKeySequence.StandardKey
FILE_GROUP, EXCHANGE_GROUP, QUIT_GROUP = 0, 50, 90
FEATURE_GROUP = 10  # 审核 / 工具: the features' items under the window's own


def _item(menu: str, group: int, order: int, text: str, name: str, handler: Callable[[MainWindow], Callable[[], Any]],
          shortcut: object = None, right: str = "") -> MenuAction:
    return MenuAction(menu, group, order, "MainWindow", text, name, handler, right, shortcut)


def _fill_languages(window: MainWindow, menu: QMenu) -> None:
    group = QActionGroup(window)
    names = {"zh_CN": "简体中文", "en": "English"}
    for code in LANGUAGES:
        action = QAction(names[code], window, checkable=True)
        action.setObjectName(f"language_{code}")
        action.setChecked(code == language())
        action.triggered.connect(lambda _c=False, code=code: _switch_language(window, code))
        group.addAction(action)
        menu.addAction(action)


def _switch_language(window: MainWindow, code: str) -> None:
    set_language(code)
    QMessageBox.information(window, QCoreApplication.translate("MainWindow", "Language"),
                            QCoreApplication.translate("MainWindow",
                                                       "The new language is used from the next start of the program."))


ACTIONS: tuple[MenuAction, ...] = (
    _item("file", FILE_GROUP, 0, QT_TRANSLATE_NOOP("MainWindow", "&Save"), "save", lambda w: w.save, STD.Save,
          "values.write"),
    _item("file", FILE_GROUP, 1, QT_TRANSLATE_NOOP("MainWindow", "&Reload from the store"), "reload",
          lambda w: w.reload, STD.Refresh),
    _item("file", QUIT_GROUP, 0, QT_TRANSLATE_NOOP("MainWindow", "&Quit"), "quit", lambda w: w.close, "Ctrl+Q"),

    _item("data", 0, 0, QT_TRANSLATE_NOOP("MainWindow", "&Undo last edit"), "undoEdit",
          lambda w: lambda: w.form_view.undo(), STD.Undo),
    _item("data", 0, 1, QT_TRANSLATE_NOOP("MainWindow", "&Discard all unsaved edits"), "discardEdits",
          lambda w: w.revert),
    _item("data", 10, 0, QT_TRANSLATE_NOOP("MainWindow", "Edit &comment of this figure"), "editComment",
          lambda w: w.edit_comment, "Ctrl+M"),
    _item("data", 10, 1, QT_TRANSLATE_NOOP("MainWindow", "&History of this figure"), "figureHistory",
          lambda w: w.show_history, "Ctrl+H"),
    _item("data", 20, 0, QT_TRANSLATE_NOOP("MainWindow", "&Form view"), "formView",
          lambda w: lambda: w.show_tab(0), "Ctrl+1"),
    _item("data", 20, 1, QT_TRANSLATE_NOOP("MainWindow", "&Grid view"), "gridView",
          lambda w: lambda: w.show_tab(1), "Ctrl+2"),
    _item("data", 20, 2, QT_TRANSLATE_NOOP("MainWindow", "&Next domain"), "nextDomain",
          lambda w: lambda: w.step_domain(1), "Ctrl+PgDown"),
    _item("data", 20, 3, QT_TRANSLATE_NOOP("MainWindow", "&Previous domain"), "previousDomain",
          lambda w: lambda: w.step_domain(-1), "Ctrl+PgUp"),
    _item("data", 20, 4, QT_TRANSLATE_NOOP("MainWindow", "Domain &list"), "domainList",
          lambda w: w.focus_domains, "Ctrl+L"),
    _item("data", 30, 0, QT_TRANSLATE_NOOP("MainWindow", "Next &issue"), "nextIssue",
          lambda w: lambda: w.step_issue(1), "F8"),
    _item("data", 30, 1, QT_TRANSLATE_NOOP("MainWindow", "Pre&vious issue"), "previousIssue",
          lambda w: lambda: w.step_issue(-1), "Shift+F8"),
    _item("data", 30, 2, QT_TRANSLATE_NOOP("MainWindow", "Next empty &required field"), "nextRequired",
          lambda w: w.next_required, "Ctrl+E"),
    _item("data", 30, 3, QT_TRANSLATE_NOOP("MainWindow", "&Search for a field…"), "findField",
          lambda w: w.find_field, STD.Find),

    _item("review", 0, 0, QT_TRANSLATE_NOOP("MainWindow", "&Completeness"), "completenessView",
          lambda w: lambda: w.show_tab(2), "Ctrl+3"),

    MenuAction("tools", 0, 0, "MainWindow", QT_TRANSLATE_NOOP("MainWindow", "&Language"), "languageMenu",
               submenu=_fill_languages),

    _item("help", 0, 0, QT_TRANSLATE_NOOP("MainWindow", "&User guide"), "userGuide", lambda w: w.show_guide,
          STD.HelpContents),
    _item("help", 0, 1, QT_TRANSLATE_NOOP("MainWindow", "&About"), "about", lambda w: w.show_about),
)
