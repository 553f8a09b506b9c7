"""A menu item as data: what a feature (or the window itself) declares; ``ui/menus.py`` places it.

Declared at import time, before translators or the store exist: the text is the English source with its
translation context (wrap it in ``QT_TRANSLATE_NOOP(context, text)`` so lupdate collects it); ``handler``
is called once the window exists and returns what the item runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable

if TYPE_CHECKING:  # pragma: no cover
    from .main_window import MainWindow
    from .qt import QMenu

def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (lupdate collects calls by this name)
    """Mark ``text`` for translation in ``context``; it is translated when placed. Qt's own is typed ``object``."""
    return text


MENUS = ("file", "data", "reports", "review", "tools", "help")  # 文件 数据 报表 审核 工具 帮助, in the bar's order


@dataclass(frozen=True)
class MenuAction:
    """``menu``: one of ``MENUS``. Items sort by ``(group, order)``; a line separates different groups.
    ``right``: an ``access.RIGHTS`` action; the item is enabled only where ``access.allowed`` says so for the
    selected unit (``MainWindow.mirror_rights``). ``shortcut``: a key string ("Ctrl+M") or a
    ``QKeySequence.StandardKey``. ``name``: the QAction's object name (tests and Alt-key choice use it).
    ``handler(window)`` returns the callable the item runs (no arguments). ``submenu(window, menu)``, if set,
    makes the item a submenu and fills it instead (``handler`` is then not used)."""

    menu: str
    group: int
    order: int
    context: str
    text: str
    name: str
    handler: Callable[[MainWindow], Callable[[], Any]] | None = None
    right: str = ""
    shortcut: Any = None
    submenu: Callable[[MainWindow, QMenu], None] | None = None

    def __post_init__(self) -> None:
        if self.menu not in MENUS:
            raise ValueError(f"menu {self.menu!r} is not one of {MENUS}")
        if (self.handler is None) == (self.submenu is None):
            raise ValueError(f"{self.name}: give a handler or a submenu, not both or neither")
