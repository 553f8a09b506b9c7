"""User accounts: roles, sign-in with lockout, administrator resets. Audited, never a password in sight.

A store without accounts runs as the station operator with every right; the
first account made on it must be an administrator, and from then on every
caller signs in (``authenticate``) and the services check its ``Principal``.

Five wrong passwords in a row lock the account for a delay that doubles with
each further failure (1 min, 2 min, 4 min … capped at a day); a right password
or an administrator's reset clears it. The password is checked outside the write
lock (scrypt is slow on purpose), then the count is read, checked and updated in
one write transaction, so parallel sign-ins (other processes, other stations)
cannot each see an unlocked account. The clock is a parameter so tests need
not sleep.

Names are what people see in the audit log: a user name or name shown may not
hold invisible, zero-width, bidi-control or control characters (``shenhe\u200b``
would pass for ``shenhe``), nor be longer than the columns that store it.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Callable

from sqlalchemy import func, select

from ..domain.errors import InputError
from ..store import repo
from ..store.models import AuditEntry, User
from .access import ADMIN, CLERK, REVIEWER, ROLE_NAMES, AccessDenied, Principal, require
from .context import Context
from .passwords import burn_time, check_strength, hash_password, verify_password

MAX_TRIES = 5
FIRST_DELAY = timedelta(minutes=1)
LONGEST_DELAY = timedelta(days=1)
ROLES = (CLERK, REVIEWER, ADMIN)
# A user name is stored in app_user.name and is the subject of its audit rows: the shorter column wins.
NAME_MAX = min(User.__table__.c.name.type.length, AuditEntry.__table__.c.subject.type.length)
DISPLAY_MAX = User.__table__.c.display_name.type.length
# Letters that render as nothing (Hangul fillers, Mongolian vowel separator, braille blank, ...); the rest of
# the invisible characters are caught by their Unicode category below.
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800\u180e\u034f\u17b4\u17b5\u2061\u2062\u2063\u2064")
_HIDDEN_CATEGORIES = ("Cc", "Cf", "Co", "Cs", "Cn", "Zl", "Zp")  # control, format (zero-width, bidi), unassigned


def _blank_mark(ch: str) -> bool:
    """Variation selectors: marks that change nothing visible (accents and other marks stay allowed)."""
    return "\ufe00" <= ch <= "\ufe0f" or "\U000e0100" <= ch <= "\U000e01ef"

Clock = Callable[[], datetime]


@dataclass(frozen=True)
class UserInfo:
    name: str
    display_name: str
    role: str
    org: str | None
    active: bool
    failed_attempts: int
    locked_until: datetime | None
    created_at: datetime


def _info(row: User) -> UserInfo:
    return UserInfo(row.name, row.display_name, row.role, row.org_code, row.active, row.failed_attempts,
                    row.locked_until, row.created_at)


def lock_delay(failures: int) -> timedelta:
    """How long the account stays locked after ``failures`` wrong passwords in a row (0 below the limit)."""
    if failures < MAX_TRIES:
        return timedelta(0)
    return min(FIRST_DELAY * (2 ** min(failures - MAX_TRIES, 20)), LONGEST_DELAY)


def has_users(ctx: Context) -> bool:
    with ctx.db.read() as session:
        return bool(session.scalar(select(func.count()).select_from(User)))


def _hidden(text: str, spaces: bool) -> tuple[int, str] | None:
    """The first character that would not show (or would reorder the text), with its position from 1."""
    for at, ch in enumerate(text, 1):
        category = unicodedata.category(ch)
        if (ch in _BLANK_LETTERS or _blank_mark(ch) or category in _HIDDEN_CATEGORIES
                or (category == "Zs" and not (spaces and ch == " "))):
            return at, ch
    return None


def _refuse_hidden(text: str, what_zh: str, what_en: str, spaces: bool) -> None:
    found = _hidden(text, spaces)
    if found is not None:
        at, ch = found
        code = f"U+{ord(ch):04X}"
        label = unicodedata.name(ch, "")
        zh_kind = "空格" if unicodedata.category(ch) == "Zs" else "不可见或控制字符"
        raise InputError(f"{what_zh}第 {at} 个字符是{zh_kind} {code}{f'（{label}）' if label else ''}，请删去",
                         f"{what_en}: character {at} is an invisible, control or space character {code}"
                         f"{f' ({label})' if label else ''}; remove it")


def _clean_name(name: str) -> str:
    name = unicodedata.normalize("NFC", (name or "").strip())
    if not name:
        raise InputError("用户名不能为空", "a user name is required")
    _refuse_hidden(name, "用户名", "the user name", spaces=False)
    if len(name) > NAME_MAX:
        raise InputError(f"用户名不能超过 {NAME_MAX} 个字符（现为 {len(name)} 个）",
                         f"a user name has at most {NAME_MAX} characters (this one has {len(name)})")
    return name


def _clean_display(text: str) -> str:
    text = unicodedata.normalize("NFC", (text or "").strip())
    _refuse_hidden(text, "显示名", "the name shown", spaces=True)
    if len(text) > DISPLAY_MAX:
        raise InputError(f"显示名不能超过 {DISPLAY_MAX} 个字符（现为 {len(text)} 个）",
                         f"the name shown has at most {DISPLAY_MAX} characters (this one has {len(text)})")
    return text


def _check_role(ctx: Context, role: str, org: str | None) -> str | None:
    if role not in ROLES:
        raise InputError(f"角色“{role}”无效，应为 clerk、reviewer 或 admin",
                         f"role '{role}' is not one of clerk, reviewer, admin")
    if role == CLERK:
        if not org:
            raise InputError("县级统计员必须指定所属县（区）", "a county clerk needs a county (--org)")
        unit = ctx.org(org)
        if unit.level != "county":
            raise InputError(f"“{unit.name}”不是县级单位", f"'{unit.name_en}' is not a county-level unit")
        return unit.code
    return None


def _audit(ctx: Context, session, name: str, what: str, old: str = "", new: str = "", source: str = "accounts"):
    repo.append_audit(session, [{"user_name": ctx.user, "action": "account", "org_code": None, "year": None,
                                 "subject": name, "old_text": old, "new_text": new, "source": source,
                                 "detail": what}])


def _describe(role: str, org: str | None) -> str:
    return role + (f"@{org}" if org else "")


def _get(session, name: str) -> User:
    row = session.scalar(select(User).where(User.name == name))
    if row is None:
        raise InputError(f"没有用户“{name}”", f"no user '{name}'")
    return row


def add_user(ctx: Context, name: str, role: str, password: str, org: str | None = None,
             display_name: str = "") -> UserInfo:
    """Create an account. On a store without accounts the first one must be an administrator."""
    name = _clean_name(name)
    display_name = _clean_display(display_name)
    org = _check_role(ctx, role, org)
    check_strength(password)
    first = not has_users(ctx)
    if first and role != ADMIN:
        raise InputError("第一个账户必须是管理员", "the first account must be an administrator")
    if not first:
        require(ctx, "accounts.manage")
    on_server = _on_server(ctx)
    hashed = "" if on_server else hash_password(password)  # slow on purpose: outside the write transaction
    with ctx.db.write() as session:
        if session.scalar(select(User).where(User.name == name)) is not None:
            raise InputError(f"用户“{name}”已存在", f"user '{name}' already exists")
        if first and session.scalar(select(func.count()).select_from(User)):
            raise InputError("已有账户，请以管理员身份登录后再添加", "accounts exist now; sign in as an administrator")
        row = User(name=name, display_name=display_name, role=role, org_code=org, password_hash=hashed,
                   failed_attempts=0, locked_until=None, active=True, created_at=repo.utcnow())
        session.add(row)
        _audit(ctx, session, name, "created", "", _describe(role, org))
        session.flush()
        if on_server:
            _sync_role(session, name, password)
        return _info(row)


def list_users(ctx: Context) -> list[UserInfo]:
    require(ctx, "accounts.manage")
    with ctx.db.read() as session:
        return [_info(r) for r in session.scalars(select(User).order_by(User.role, User.name))]


def _active_admins(session) -> int:
    return session.scalar(select(func.count()).select_from(User).where(User.role == ADMIN, User.active)) or 0


def update_user(ctx: Context, name: str, role: str | None = None, org: str | None = None,
                active: bool | None = None, display_name: str | None = None) -> UserInfo:
    """Change an account's role, county, name shown or whether it may sign in (administrator only)."""
    require(ctx, "accounts.manage")
    if display_name is not None:
        display_name = _clean_display(display_name)
    with ctx.db.write() as session:
        row = _get(session, name)
        old = _describe(row.role, row.org_code) + ("" if row.active else " inactive")
        new_role = role or row.role
        new_org = _check_role(ctx, new_role, org if org is not None else row.org_code)
        row.role, row.org_code = new_role, new_org
        if active is not None:
            row.active = active
        if display_name is not None:
            row.display_name = display_name
        session.flush()
        if _active_admins(session) == 0:
            raise InputError("至少要保留一个可用的管理员账户", "at least one active administrator must remain")
        new = _describe(row.role, row.org_code) + ("" if row.active else " inactive")
        _audit(ctx, session, name, "changed", old, new)
        if _on_server(ctx):
            _sync_role(session, name, None)
        return _info(row)


def set_password(ctx: Context, name: str, new_password: str, old_password: str | None = None) -> None:
    """A user changes their own password (giving the old one); an administrator resets anyone's."""
    check_strength(new_password)
    me = ctx.principal
    own = me is not None and me.name == name and old_password is not None
    if not own:
        require(ctx, "accounts.manage")
    on_server = _on_server(ctx)
    with ctx.db.read() as session:
        current = _get(session, name).password_hash
    # On the server this connection signed in with the account's password: PostgreSQL checked it.
    if own and not on_server and not verify_password(old_password or "", current):
        raise InputError("原密码不正确", "the current password is wrong")
    hashed = "" if on_server else hash_password(new_password)
    with ctx.db.write() as session:
        row = _get(session, name)
        if on_server:
            _sync_role(session, name, new_password)
            if not own or ctx.principal.role == ADMIN:
                row.failed_attempts, row.locked_until = 0, None
        else:
            row.password_hash, row.failed_attempts, row.locked_until = hashed, 0, None
        _audit(ctx, session, name, "password changed" if own else "password reset")


def authenticate(ctx: Context, name: str, password: str, clock: Clock = repo.utcnow) -> Principal:
    """Check a sign-in. Wrong name and wrong password get the same message; failures count towards a lock.

    The count is read, checked and updated in one write transaction (after the slow password check), so of
    any number of parallel tries only the first five wrong ones count and nothing signs in once locked.
    """
    name = unicodedata.normalize("NFC", (name or "").strip())
    wrong = InputError("用户名或密码错误", "wrong user name or password")
    if _on_server(ctx):
        return _server_principal(ctx, name, wrong)
    with ctx.db.read() as session:
        row = session.scalar(select(User).where(User.name == name))
        snapshot = None if row is None else (row.password_hash, row.active, row.locked_until)
    if snapshot is None:
        burn_time(password)
        raise wrong
    stored, active, locked_until = snapshot
    if locked_until is not None and locked_until > clock():
        raise _locked_error(name, locked_until - clock())  # already locked: no password is even checked
    if not active:
        raise InputError(f"账户“{name}”已停用，请联系管理员", f"account '{name}' is disabled; ask the administrator")
    right = verify_password(password, stored)  # slow on purpose: outside the write lock
    with ctx.db.write() as session:
        row = _get(session, name)
        now = clock()
        if row.locked_until is not None and row.locked_until > now:
            raise _locked_error(name, row.locked_until - now)  # locked by a parallel try meanwhile
        if not row.active:
            raise InputError(f"账户“{name}”已停用，请联系管理员", f"account '{name}' is disabled; ask the administrator")
        if row.password_hash != stored:  # reset meanwhile: the check holds for the new password only
            right = verify_password(password, row.password_hash)
        if right:
            row.failed_attempts, row.locked_until = 0, None
            return Principal(row.name, row.role, row.org_code)
        row.failed_attempts += 1
        delay = lock_delay(row.failed_attempts)
        if delay:
            row.locked_until = now + delay
            # Recorded as the system: nobody is signed in yet, and the audit never holds the password tried.
            repo.append_audit(session, [{"user_name": "system", "action": "account", "org_code": None,
                                         "year": None, "subject": name, "old_text": "", "new_text": "locked",
                                         "source": "login", "detail": f"{row.failed_attempts} wrong passwords"}])
    if delay:
        raise _locked_error(name, delay)
    raise wrong


def _on_server(ctx: Context) -> bool:
    return ctx.db.dialect == "postgresql" and _server_signs_in(ctx)


def _sync_role(session, name: str, password: str | None) -> None:
    """Mirror the account row onto its PostgreSQL role (server init's jz_account_sync: group, LOGIN, SCRAM).

    The password never travels as an argument: libpq computes its SCRAM-SHA-256 verifier here, on the client
    (PQencryptPasswordConn), and only the verifier goes to the server."""
    from sqlalchemy import text

    verifier = None
    if password is not None:
        pgconn = session.connection().connection.dbapi_connection.pgconn
        verifier = pgconn.encrypt_password(password.encode(), name.encode(), b"scram-sha-256").decode("ascii")
    session.execute(text("SELECT jz_account_sync(:n, :v)"), {"n": name, "v": verifier})


def _server_signs_in(ctx: Context) -> bool:
    """On a server prepared by ``server init`` PostgreSQL itself checked the password when the station connected
    as the account's role; the program's own hashes are not used there."""
    from .pg_security import is_secured

    with ctx.db.engine.connect() as conn:
        return is_secured(conn)


def _server_principal(ctx: Context, name: str, wrong: InputError) -> Principal:
    from .pg_security import is_database_admin, session_account

    with ctx.db.read() as session:
        account = session_account(session.connection())
        if account != name and is_database_admin(session.connection()):
            account = name  # the database administrator (owner or superuser) may act as any account
        row = session.scalar(select(User).where(User.name == account))
    if row is None or account != name:  # connected as someone else than the name given: refuse
        raise wrong
    if not row.active:
        raise InputError(f"账户“{name}”已停用，请联系管理员", f"account '{name}' is disabled; ask the administrator")
    return Principal(row.name, row.role, row.org_code)


# What PostgreSQL says when it refuses a sign-in (its English and zh_CN wording; libpq gives no SQLSTATE then).
_WRONG_PASSWORD = ("password authentication failed", "authentication failed", "认证失败", "口令认证", "密码认证")
_MAY_NOT_LOG_IN = ("not permitted to log in", "不允许登录")


def open_as_account(url: str, name: str, password: str) -> Context:
    """Open a city-server store (a PostgreSQL URL without a password) as the account ``name``: the station
    connects as the account's own role, so PostgreSQL checks the password (SCRAM) and its rules bind this
    connection; then the account's row is the principal. The password lives only in this process's memory
    (the engine's URL); it is never written, logged or shown (``Database.display`` hides it).

    A wrong name or password, a disabled account and an unreachable server are each one Chinese line
    (InputError / StoreError); nothing is opened then.
    """
    from sqlalchemy.exc import DBAPIError

    from ..store.engine import make_engine, unreachable_error
    from .context import account_url, open_context

    name = unicodedata.normalize("NFC", (name or "").strip())
    if not name:
        raise InputError("请填写用户名", "a user name is required")
    if not password:
        raise InputError("请填写密码", "a password is required")
    login = account_url(url, name, password)
    probe = make_engine(login)  # first the sign-in alone, to tell a refusal from an unreachable server
    try:
        with probe.connect():
            pass
    except DBAPIError as exc:
        said = str(getattr(exc, "orig", exc)).lower()
        if any(words in said for words in _WRONG_PASSWORD):
            raise InputError("用户名或密码错误", "wrong user name or password") from None
        if any(words in said for words in _MAY_NOT_LOG_IN):
            raise AccessDenied(f"账户“{name}”已停用或尚未设置密码，请联系管理员",
                               f"account '{name}' is disabled or has no password yet; ask the administrator") from None
        raise unreachable_error(url, exc) from None
    finally:
        probe.dispose()
    ctx = open_context(login)
    try:
        sign_in(ctx, name, password)
    except BaseException:
        ctx.close()
        raise
    return ctx


def _locked_error(name: str, left: timedelta) -> AccessDenied:
    minutes = max(1, -(-int(left.total_seconds()) // 60))
    return AccessDenied(f"账户“{name}”因连续多次密码错误已锁定，请 {minutes} 分钟后再试，或请管理员重置密码",
                        f"account '{name}' is locked after repeated wrong passwords; try again in {minutes} min "
                        "or ask the administrator to reset the password")


def sign_in(ctx: Context, name: str, password: str, clock: Clock = repo.utcnow) -> Principal:
    """Authenticate and make the user the context's actor (audit name and rights)."""
    principal = authenticate(ctx, name, password, clock)
    ctx.principal, ctx.user = principal, principal.name
    return principal


def role_label(role: str) -> str:
    return ROLE_NAMES.get(role, (role, role))[0]


DEMO_ACCOUNTS = (
    # name, role, county, password — documented in docs/accounts.md; for the demo store only.
    ("admin", ADMIN, None, "jzdemo-admin"),
    ("shenhe", REVIEWER, None, "jzdemo-shenhe"),
    ("xiuwu", CLERK, "410821", "jzdemo-xiuwu"),
    ("boai", CLERK, "410822", "jzdemo-boai"),
)


def add_demo_accounts(ctx: Context) -> list[str]:
    """The demo store's documented accounts (only on a store without accounts yet)."""
    if has_users(ctx):
        raise InputError("数据库中已有账户，不能再添加演示账户", "the store already has accounts; demo accounts not added")
    made = []
    for name, role, org, password in DEMO_ACCOUNTS:
        add_user(ctx, name, role, password, org, display_name=f"演示{role_label(role)}")
        made.append(name)
    return made
