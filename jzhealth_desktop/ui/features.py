"""Feature modules: they declare what they add to the main window, and the window places it.

Each module listed in ``FEATURE_MODULES`` may define:

``ACTIONS: tuple[MenuAction, ...]``
    Its menu items as data (``ui/menu_action.py``: menu, group, order, text, object name, right needed,
    shortcut, handler factory). ``ui/menus.py`` places them among the window's own items once the store is
    open; a module never touches a menu itself.

``before_main_window(ctx, app) -> bool``
    Called after the store is open and the QApplication exists, before the main window is built (e.g. the
    login dialog). Return False to quit. ``app.property("unattended")`` is True under ``--smoke``: no hook may
    then wait for a person. A context that already has a ``principal`` (the administrator just created at
    first start) needs no sign-in.

A handler factory gets the window and returns what the item runs. It may use:

- ``window.ctx``: the open ``services.context.Context``
- ``window.controller(cls)``: the one ``cls(window)`` of this window (a feature's QObject holding its
  actions, e.g. ``ExchangeActions``), made on first use and kept alive with the window
- ``window.current_org()``, ``window.current_year()``, ``window.current_domain()``
- ``window.showing_one_form()``: False while the completeness tab (all the year's forms) is shown, so a
  single-form action names the form it acts on before it acts
- ``window.reload()``: re-read the form and completeness after data changed behind the form
- ``window.run_in_background(title, fn, on_done, on_error=None, cancellable=False)``: run
  ``fn(progress)`` off the UI thread with a progress dialog; ``progress(done, total)`` returns False once
  the user cancelled; ``on_done(result)`` / ``on_error(exc)`` run on the UI thread
- ``window.selection_changed``: Signal(str org, int year, str domain), after the selected form is shown
- items with a ``right`` are enabled only where ``access.allowed(ctx, right, current_org)``, re-checked on
  every selection change (``window.mirror_rights``)
"""

from __future__ import annotations

from types import ModuleType
from typing import Iterable

from .menu_action import MenuAction

FEATURE_MODULES: tuple[str, ...] = (
    "jzhealth_desktop.ui.accounts",
    "jzhealth_desktop.ui.exchange",
    "jzhealth_desktop.ui.reports",
    "jzhealth_desktop.ui.targets",
)


def declared_actions(modules: Iterable[ModuleType]) -> list[MenuAction]:
    """Every menu item the feature modules declare, in the modules' order."""
    return [action for module in modules for action in getattr(module, "ACTIONS", ())]
