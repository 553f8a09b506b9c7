"""Apply a previewed import in one transaction, audited with the file's hash as the source."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from copy import copy
from typing import Any, Callable

from sqlalchemy.orm import Session

from ...store import repo
from .. import submission, workflow
from ...domain.submission import check_move
from ..access import require
from ..backup import auto_backup
from ..context import Context
from ..forms import apply_many
from ..targets import put_target
from ...domain.values import Value, value_text
from .collector import collector_paused
from .preview import CHANGED, CONFLICTING, NEW, Item, Preview, state_fingerprint
from .records import FileRefused
from .trust import NEW as NEW_KEY
from .trust import check_confirmed, remember, signer_of

Progress = Callable[[int, int], object]


@dataclass
class ImportResult:
    changed: int  # values, statuses and targets written
    conflicts: int
    unknown: int
    backup: Path | None
    preview: Preview

    @property
    def message(self) -> tuple[str, str]:
        if not self.changed:
            return ("文件中的数据与本机一致，未做任何更改", "the file matches this station's data; nothing changed")
        zh = f"已导入 {self.changed} 项"
        en = f"imported {self.changed} item(s)"
        if self.conflicts:
            zh += f"，{self.conflicts} 项冲突未覆盖"
            en += f", {self.conflicts} conflicting item(s) not applied"
        if self.unknown:
            zh += f"，{self.unknown} 个本机目录中没有的指标未导入"
            en += f", {self.unknown} indicator(s) unknown to this catalogue skipped"
        return zh, en


def commit_import(ctx: Context, preview: Preview, progress: Progress | None = None,
                  confirmed_key: str | None = None) -> ImportResult:
    """Write what ``preview`` showed, all or nothing; refuses if the store changed since the preview.

    ``confirmed_key``: the fingerprint the reviewer checked with the sender, needed the first time a unit's
    key is seen (``preview.signer.state == NEW_KEY``); the key is then kept for that unit."""
    incoming = preview.incoming
    require(ctx, "exchange.import", incoming.org)
    unknown = len(preview.unknown)
    conflicts = preview.count(CONFLICTING)
    if preview.nothing_to_do:  # nothing written, so nothing vouched for: a new key is asked about next time
        return ImportResult(0, conflicts, unknown, None, preview)
    check_confirmed(preview.signer, confirmed_key)
    with collector_paused():
        return _commit(ctx, preview, progress, conflicts, unknown)


def _submit(author: Context, session: Session, preview: Preview, item: Item, source: str) -> dict[str, Any]:
    """The submit move on the form as the import left it, checked again with the same submit checks."""
    org, year, dom = item.org, item.year, item.code
    sub = repo.submission_status(session, org, year, dom)
    if sub is None:
        sub = repo.ensure_draft(session, org, year, dom, author.user)
    move = check_move("submit", sub.status, f"{org}「{dom}」{year}年")
    if item.status is None or move.target != item.status.brought or workflow.form_issues(
            author, org, dom, *_stored_form(session, org, year), preview.last_years.get((org, year), {})):
        raise FileRefused("预览之后本机数据已有变化，未导入；请重新预览后再确认",
                          "this station's data changed after the preview; nothing imported, preview again")
    old = submission.apply(sub, move.target, author.user, repo.utcnow(), "")
    return submission.audit_row(org, year, dom, old, move.target, author.user, source, "submit")


def _stored_form(session: Session, org: str, year: int) -> tuple[dict[str, Value], dict[str, str]]:
    stored = repo.load_values(session, org, year)
    return {c: sv.value for c, sv in stored.items()}, {c: sv.comment for c, sv in stored.items()}


def _commit(ctx: Context, preview: Preview, progress: Progress | None, conflicts: int, unknown: int) -> ImportResult:
    backup = auto_backup(ctx, "pre-import")
    source = preview.incoming.source
    signer = preview.signer
    # The county's figures and states are the county's: the audit names its station's operator (vouched for by
    # the signature), and one row of its own names the reviewer who brought the file in.
    author = copy(ctx)
    if signer is not None:
        author.user = signer.author(ctx)
    with ctx.db.write() as session:
        if state_fingerprint(ctx, session, list(preview.orgs), list(preview.years)) != preview.fingerprint \
                or (signer is not None and signer_of(session, preview.incoming) != signer):
            raise FileRefused("预览之后本机数据已有变化，未导入；请重新预览后再确认",
                              "this station's data changed after the preview; nothing imported, preview again")
        if signer is not None and signer.state == NEW_KEY:
            remember(ctx, session, signer, source, f"导入时由 {ctx.user} 核对指纹后登记 / confirmed by {ctx.user} on import")
        # The same digest means the same stored rows, station and rights as the preview saw, so its plan holds:
        # its value writes (checked there against the hard rules on these very rows) are applied as they are.
        total = preview.count(NEW) + preview.count(CHANGED)
        apply_many(author, session, preview.writes, source, require_comments=False, checked=True)
        if progress:
            progress(sum(len(b.parsed) for b in preview.writes), total)
        audit = []
        for item in [i for i in preview.to_apply() if i.kind != "value"]:  # the values are written above
            if item.kind == "status":  # the county's own submit (the preview let through nothing else)
                audit.append(_submit(author, session, preview, item, source))
            elif item.kind == "target":
                put_target(ctx, session, item.code, item.year, item.org, value_text(item.value), item.comparison,
                           source)
        if signer is not None:
            audit.append({"user_name": ctx.user, "action": "exchange", "org_code": preview.incoming.org, "year": None,
                          "subject": preview.incoming.org, "old_text": "", "new_text": signer.fingerprint,
                          "source": source, "detail": f"导入数据包“{preview.incoming.name}”，{total} 项，签名：{author.user} "
                          f"/ imported '{preview.incoming.name}', {total} item(s), signed by {signer.org}"})
        repo.append_audit(session, audit)
        if progress:
            progress(total, total)
    return ImportResult(total, conflicts, unknown, backup, preview)
