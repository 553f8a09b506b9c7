"""Which station signed a package, and whether this station knows its key.

The keys of the other stations are kept in the store's settings, one per sending org unit
(``peer_key:<org>``). The first package from a unit brings a key nobody has vouched for yet (NEW): the
reviewer confirms its fingerprint with the sender (on the phone, or from the sender's 关于 dialog) and the
import keeps it. A later package signed with another key (CHANGED) is refused until an administrator accepts
the new key (``jzhealth keys accept``), having checked it the same way: a reinstalled county PC and a forger
look alike until someone asks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...store import repo
from ...store.models import Setting
from ...store.sync import get_setting, put_setting
from ..access import require
from ..context import Context
from ..station import SIGNING_KEY
from .records import FileRefused, Incoming
from .signing import fingerprint, public_key, same_fingerprint

PEER_PREFIX = "peer_key:"
OWN, KNOWN, NEW, CHANGED = "own", "known", "new", "changed"
MAX_AUTHOR = 64  # the store's user-name columns


@dataclass(frozen=True)
class Signer:
    """The station that signed a package, as its manifest names it (vouched for by the signature)."""

    kind: str  # county | city
    org: str
    operator: str
    public_key: str
    state: str  # OWN | KNOWN | NEW | CHANGED
    known_key: str = ""  # the key kept here for ``org`` ("" when none)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_key)

    @property
    def known_fingerprint(self) -> str:
        return fingerprint(self.known_key) if self.known_key else ""

    @property
    def trusted(self) -> bool:
        return self.state in (OWN, KNOWN)

    def may_submit(self, org: str) -> bool:
        """A form's submitted state comes only from that county's own station."""
        return self.kind == "county" and self.org == org

    def author(self, ctx: Context) -> str:
        """Who the audit names for the county's figures and submissions: the sending station's operator and
        unit, never the reviewer who imports them."""
        unit = ctx.org_units.get(self.org)
        station = unit.name if unit else self.org
        suffix = f"（{station}站）"
        return (self.operator or "操作员")[:MAX_AUTHOR - len(suffix)] + suffix


def _peer(org: str) -> str:
    return PEER_PREFIX + org


def signer_of(session: Session, incoming: Incoming) -> Signer | None:
    """The package's signer and how this station knows its key; None for a workbook (not signed)."""
    if incoming.kind != "package" or not incoming.signer_key:
        return None
    st = incoming.station
    own = get_setting(session, SIGNING_KEY)
    if own and public_key(own) == incoming.signer_key:
        return Signer(st["kind"], st["org"], st["operator"], incoming.signer_key, OWN, incoming.signer_key)
    known = get_setting(session, _peer(st["org"]))
    state = NEW if not known else KNOWN if known == incoming.signer_key else CHANGED
    return Signer(st["kind"], st["org"], st["operator"], incoming.signer_key, state, known)


def refuse_changed(ctx: Context, signer: Signer) -> FileRefused:
    unit = ctx.org_units.get(signer.org)
    name = unit.name if unit else signer.org
    return FileRefused(
        f"数据包由{name}站的另一把密钥签名（指纹 {signer.fingerprint}），与本机登记的密钥（指纹 {signer.known_fingerprint}）"
        f"不同，未导入：可能是该站重装了程序，也可能是伪造的文件。请电话向{name}核对新指纹，由管理员执行"
        f"“jzhealth keys accept 文件”接受后再导入",
        f"the package is signed by another key of {signer.org} (fingerprint {signer.fingerprint}) than the one kept "
        f"here ({signer.known_fingerprint}); not imported. Check the new fingerprint with the sender by phone; an "
        f"administrator accepts it with 'jzhealth keys accept FILE'")


def check_confirmed(signer: Signer | None, confirmed: str | None) -> None:
    """A NEW key needs the fingerprint the reviewer confirmed; anything else is refused, nothing written."""
    if signer is None or signer.state != NEW:
        return
    if not confirmed:
        raise FileRefused(f"首次导入{signer.org}站的数据包：请先与对方核对密钥指纹 {signer.fingerprint}，确认后再导入",
                          f"first package from {signer.org}: confirm its key fingerprint {signer.fingerprint} "
                          "with the sender first")
    if not same_fingerprint(confirmed, signer.public_key):
        raise FileRefused(f"确认的指纹“{confirmed}”与数据包的密钥指纹 {signer.fingerprint} 不符，未导入",
                          f"the confirmed fingerprint '{confirmed}' is not the package key's {signer.fingerprint}; "
                          "nothing imported")


def key_audit_row(ctx: Context, signer: Signer, source: str, detail: str) -> dict[str, Any]:
    return {"user_name": ctx.user, "action": "key", "org_code": signer.org, "year": None, "subject": signer.org,
            "old_text": signer.known_fingerprint, "new_text": signer.fingerprint, "source": source, "detail": detail}


def remember(ctx: Context, session: Session, signer: Signer, source: str, detail: str) -> None:
    """Keep ``signer``'s key for its unit, with an audit row naming who vouched for it."""
    put_setting(session, _peer(signer.org), signer.public_key)
    repo.append_audit(session, [key_audit_row(ctx, signer, source, detail)])


@dataclass(frozen=True)
class KnownKey:
    org: str
    name: str
    fingerprint: str


def known_keys(ctx: Context) -> list[KnownKey]:
    """The other stations' keys kept here, by unit."""
    require(ctx, "exchange.import")
    with ctx.db.read() as session:
        rows = session.scalars(select(Setting).where(Setting.key.startswith(PEER_PREFIX))).all()
        found = [(row.key[len(PEER_PREFIX):], row.value) for row in rows]
    return sorted((KnownKey(org, ctx.org_units[org].name if org in ctx.org_units else org, fingerprint(key))
                   for org, key in found), key=lambda k: k.org)


def accept_key(ctx: Context, incoming: Incoming, confirmed: str) -> Signer:
    """Administrator: keep the key that signed ``incoming`` (read and signature-checked) for its unit, after the
    fingerprint was checked with the sender. Refuses a fingerprint that does not match; audited."""
    require(ctx, "store.maintain")
    with ctx.db.write() as session:
        signer = signer_of(session, incoming)
        if signer is None:
            raise FileRefused("只有数据包带有签名密钥", "only package files carry a signing key")
        if not same_fingerprint(confirmed, signer.public_key):
            raise FileRefused(f"输入的指纹“{confirmed}”与数据包的密钥指纹 {signer.fingerprint} 不符，未接受",
                              f"the fingerprint '{confirmed}' is not the package key's {signer.fingerprint}; not accepted")
        if signer.trusted:
            return signer
        remember(ctx, session, signer, "cli", "管理员接受新密钥 / key accepted by an administrator"
                 if signer.state == CHANGED else "管理员登记密钥 / key registered by an administrator")
    return signer


def trust_settings(session: Session, orgs: list[str]) -> list[str]:
    """The keys kept for ``orgs`` (part of what a preview's plan depends on)."""
    return [get_setting(session, _peer(org)) for org in orgs]
