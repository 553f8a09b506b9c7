"""Feature modules that add themselves to the main window.

Each module listed in ``FEATURE_MODULES`` may define:

``before_main_window(ctx, app) -> bool``
    Called after the store is open and the QApplication exists, before the main
    window is built (e.g. the login dialog). Return False to quit. ``app.property("unattended")``
    is True under ``--smoke``: no hook may then wait for a person. A context that already has a
    ``principal`` (the administrator just created at first start) needs no sign-in.

``install(window) -> None``
    Called once the main window exists, to add actions to its menus.

The main window offers feature modules:

- ``window.ctx``: the open ``services.context.Context``
- ``window.menu(key)``: the QMenu for ``"file"`` (文件), ``"data"`` (数据), ``"reports"`` (报表),
  ``"review"`` (审核), ``"tools"`` (工具), ``"help"`` (帮助)
- ``window.current_org()``, ``window.current_year()``, ``window.current_domain()``
- ``window.reload()``: re-read the form and completeness after data changed behind the form
- ``window.run_in_background(title, fn, on_done, on_error=None, cancellable=False)``: run
  ``fn(progress)`` off the UI thread with a progress dialog; ``progress(done, total)`` returns False once
  the user cancelled; ``on_done(result)`` / ``on_error(exc)`` run on the UI thread
- ``window.selection_changed``: Signal(str org, int year, str domain)
- ``window.mirror_rights()``: menu actions with a ``"right"`` property (an ``access.RIGHTS`` action) are
  enabled only where ``access.allowed(ctx, right, current_org)``; runs on every selection change
"""

from __future__ import annotations

FEATURE_MODULES: tuple[str, ...] = (
    "jzhealth_desktop.ui.accounts",
    "jzhealth_desktop.ui.exchange",
    "jzhealth_desktop.ui.reports",
    "jzhealth_desktop.ui.targets",
)
