"""Sign-in at start-up, and the first administrator on a store without accounts."""

from __future__ import annotations

from ...domain.errors import JzError
from ...services import accounts
from ..qt import QCoreApplication, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout


def _message(exc: JzError, english: bool) -> str:
    return exc.en if english else exc.zh




def where_text(ctx, english: bool) -> str:
    """Which station and which store a sign-in opens (two stores on one PC must not be confused)."""
    from ...services.station import station
    from ..qt import QCoreApplication

    translate = QCoreApplication.translate
    try:
        st = station(ctx)
    except JzError:
        st = None
    if st is not None and st.kind == "county":
        unit = ctx.org(st.org)
        where = translate("LoginDialog", "County station: {org}").format(org=unit.name_en if english else unit.name)
    elif st is not None and st.kind == "city":
        where = translate("LoginDialog", "City station")
    else:
        where = translate("LoginDialog", "Station not set up")
    store = str(ctx.db.path) if ctx.db.path else ctx.db.display
    return where + "\n" + translate("LoginDialog", "Store: {store}").format(store=store)


class SignInForm(QDialog):
    """What every sign-in shows: where it signs in, the account and password, a line for a refusal, OK/Cancel.
    Subclasses give ``try_sign_in``; the words keep the LoginDialog context so both dialogs share their translation."""

    def build(self, where: str, offered: str) -> None:
        """Lay the form out; ``offered`` is the account name filled in, and then the cursor waits in the password."""
        translate = QCoreApplication.translate
        layout = QVBoxLayout(self)
        self.where = QLabel(where, self)
        self.where.setObjectName("loginWhere")
        self.where.setWordWrap(True)
        layout.addWidget(self.where)
        form = QFormLayout()
        self.name = QLineEdit(self)
        self.name.setObjectName("loginName")
        self.password = QLineEdit(self)
        self.password.setObjectName("loginPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(translate("LoginDialog", "&User name"), self.name)
        form.addRow(translate("LoginDialog", "&Password"), self.password)
        layout.addLayout(form)
        self.error = QLabel(self)
        self.error.setObjectName("loginError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.try_sign_in)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.name.setText(offered)
        (self.password if offered else self.name).setFocus()

    def try_sign_in(self) -> None:
        raise NotImplementedError


class LoginDialog(SignInForm):
    """Name and password; a refusal (wrong password, locked account) is shown in the dialog itself.
    The last user's name is filled in and the cursor waits in the password."""

    def __init__(self, ctx, parent=None, english: bool = False, clock=None):
        super().__init__(parent)
        self.ctx, self.english, self.clock = ctx, english, clock
        self.principal = None
        self.setObjectName("loginDialog")
        self.setWindowTitle(self.tr("Sign in"))
        from .. import settings

        self.build(where_text(ctx, english), settings.read(settings.LAST_USER))  # the last sign-in, offered again

    def try_sign_in(self) -> None:
        try:
            kwargs = {"clock": self.clock} if self.clock else {}
            self.principal = accounts.sign_in(self.ctx, self.name.text(), self.password.text(), **kwargs)
        except JzError as exc:
            self.password.clear()  # never left in the widget after a failure
            self.error.setText(_message(exc, self.english))
            return
        self.password.clear()
        from .. import settings

        settings.write(settings.LAST_USER, self.principal.name)
        self.accept()


class FirstAdminDialog(QDialog):
    """First start: the store has no accounts yet, so the administrator is created here."""

    def __init__(self, ctx, parent=None, english: bool = False):
        super().__init__(parent)
        self.ctx, self.english = ctx, english
        self.setObjectName("firstAdminDialog")
        self.setWindowTitle(self.tr("Create the administrator"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("No accounts exist yet. Create the administrator account; it manages users, "
                               "backups and restores. Keep the password safe."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.name = QLineEdit("admin", self)
        self.name.setObjectName("adminName")
        self.password = QLineEdit(self)
        self.password.setObjectName("adminPassword")
        self.repeat = QLineEdit(self)
        self.repeat.setObjectName("adminRepeat")
        for edit in (self.password, self.repeat):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("User name"), self.name)
        form.addRow(self.tr("Password (at least 8 characters)"), self.password)
        form.addRow(self.tr("Repeat the password"), self.repeat)
        layout.addLayout(form)
        self.error = QLabel(self)
        self.error.setObjectName("adminError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.create)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def create(self) -> None:
        if self.password.text() != self.repeat.text():
            self.error.setText(self.tr("The two passwords differ."))
            return
        try:
            accounts.add_user(self.ctx, self.name.text(), accounts.ADMIN, self.password.text(),
                              display_name=self.tr("Administrator"))
            accounts.sign_in(self.ctx, self.name.text(), self.password.text())
        except JzError as exc:
            self.error.setText(_message(exc, self.english))
            return
        finally:
            self.password.clear()
            self.repeat.clear()
        self.accept()
