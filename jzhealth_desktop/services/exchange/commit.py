"""Apply a previewed import in one transaction, audited with the file's hash as the source."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from typing import Callable

from ...store import repo
from ..access import require
from ..backup import auto_backup
from ..context import Context
from ..forms import Batch, apply_many
from ..targets import put_target
from ...domain.values import value_text
from .preview import CONFLICTING, Preview, state_fingerprint
from .records import FileRefused

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


def commit_import(ctx: Context, preview: Preview, progress: Progress | None = None) -> ImportResult:
    """Write what ``preview`` showed, all or nothing; refuses if the store changed since the preview."""
    incoming = preview.incoming
    require(ctx, "exchange.import", incoming.org)
    unknown = len(preview.unknown)
    conflicts = preview.count(CONFLICTING)
    if preview.nothing_to_do:
        return ImportResult(0, conflicts, unknown, None, preview)
    backup = auto_backup(ctx, "pre-import")
    source = incoming.source
    with ctx.db.write() as session:
        if state_fingerprint(ctx, session, list(preview.orgs), list(preview.years)) != preview.fingerprint:
            raise FileRefused("预览之后本机数据已有变化，未导入；请重新预览后再确认",
                              "this station's data changed after the preview; nothing imported, preview again")
        todo = preview.to_apply()
        by_org_year: dict[tuple[int, str], list] = defaultdict(list)
        for item in todo:
            if item.kind == "value":
                by_org_year[(item.year, item.org)].append(item)
        total = len(todo)
        batches = [Batch(org, year, {i.code: i.value for i in items}, {i.code: i.new_comment for i in items})
                   for (year, org), items in sorted(by_org_year.items())]
        apply_many(ctx, session, batches, source, require_comments=False)
        if progress:
            progress(sum(len(b.parsed) for b in batches), total)
        audit = []
        for item in todo:
            if item.kind == "status":
                sub = repo.ensure_draft(session, item.org, item.year, item.code, ctx.user)
                sub.status, sub.reason = item.extra, item.new_comment
                sub.changed_by, sub.changed_at = ctx.user, repo.utcnow()
                if item.old_comment:  # an existing submission changed (a new one starts at version 1)
                    sub.version = (sub.version or 0) + 1
                audit.append({"user_name": ctx.user, "action": "status", "org_code": item.org, "year": item.year,
                              "subject": item.code, "old_text": item.old_comment, "new_text": item.extra,
                              "source": source, "detail": item.new_comment})
            elif item.kind == "target":
                put_target(ctx, session, item.code, item.year, item.org, value_text(item.value), item.extra, source)
        repo.append_audit(session, audit)
        if progress:
            progress(total, total)
    return ImportResult(len(todo), conflicts, unknown, backup, preview)
