"""Signing in to a prepared city server (issue 15, docs/server.md): the account and password are asked BEFORE
the store opens, because the station connects as the account's own PostgreSQL role — the server checks the
password and its rules bind the connection.

``open_server_store(target, unattended, make_app)`` is ui/application.py's hook at the place the store is opened:
``None`` — not a server store that needs a sign-in (a SQLite file, or a URL that carries its own password);
``CANCELLED`` — the person closed the dialog; nothing was opened;
otherwise the open Context, signed in as the account (``ctx.principal``).

The password is held only by the dialog's field until the connection is made, then by the engine in memory;
the field is cleared after every try, and nothing but the account name (ui.ini, ``login/last_user``) is kept.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Callable

from ...domain.errors import JzError, StoreError
from ..qt import QDialog
from .login import SignInForm

if TYPE_CHECKING:  # pragma: no cover
    from ...services.context import Context

CANCELLED = object()


def server_url(target: str) -> str | None:
    """The store URL when it is a city server the station must sign in to, else None."""
    from ...services.context import server_account

    found = server_account(target)
    return None if found is None else found[0]


class ServerSignInDialog(SignInForm):
    """Account and password for the city server; a refusal is told in the dialog and the person tries again."""

    def __init__(self, url: str, parent: QDialog | None = None, english: bool = False):
        from ...services.context import server_account, shown_url
        from .. import settings

        super().__init__(parent)
        self.url, self.english = url, english
        self.ctx: Context | None = None
        self.setObjectName("serverSignInDialog")
        self.setWindowTitle(self.tr("Sign in to the city server"))
        # The name the URL carries (an administrator's), else the last one signed in on this PC.
        found = server_account(url)
        named = (found[1] if found else None) or settings.read(settings.LAST_USER)
        self.build(self.tr("City server: {store}").format(store=shown_url(url)), named)

    def try_sign_in(self) -> None:
        from ...services.accounts import open_as_account

        password = self.password.text()
        self.password.clear()  # never left in the widget, whatever happens next
        try:
            ctx = open_as_account(self.url, self.name.text(), password)
        except JzError as exc:
            self.error.setText(exc.en if self.english else exc.zh)
            self.password.setFocus()
            return
        self.ctx = ctx
        from .. import settings

        settings.write(settings.LAST_USER, ctx.principal.name if ctx.principal else self.name.text())
        self.accept()


def open_server_store(target: str, unattended: bool, make_app: Callable[[], object]) -> object:
    """ui/application.py's hook where the store is opened (see the module's docstring); ``make_app`` makes the
    QApplication the dialog needs (only a server store asks before the store is open)."""
    url = server_url(target)
    if url is None:
        return None
    make_app()
    if unattended:  # --smoke: nobody to ask; the account comes from the environment, as on the command line
        from ...services.accounts import open_as_account

        name, password = os.environ.get("JZHEALTH_USER", ""), os.environ.get("JZHEALTH_PASSWORD", "")
        if not (name and password):
            raise StoreError("城市服务器需要登录：无人值守时请设置 JZHEALTH_USER 与 JZHEALTH_PASSWORD",
                             "the city server needs a sign-in: set JZHEALTH_USER and JZHEALTH_PASSWORD when unattended")
        return open_as_account(url, name, password)
    from ..settings import language

    dialog = ServerSignInDialog(url, english=language() == "en")
    if not dialog.exec() or dialog.ctx is None:
        return CANCELLED
    return dialog.ctx
