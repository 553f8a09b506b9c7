"""Enter and read one org unit's figures: validated, atomic, audited.

``save_values`` is the one write path for typed figures (form, CLI, grid
paste): it parses every entry, checks the whole year against the catalogue's
rules, and either writes all changes with their audit rows in one transaction
or raises and writes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Mapping

from ..domain.catalogue import Indicator, Rate
from ..domain.derived import all_rates
from ..domain.errors import InputError
from ..domain.periods import check_year
from ..domain.rules import HARD, SOFT, Issue, blocking, check, needing_comment
from ..domain.values import Value, fit_scale, to_decimal, to_scaled, value_text
from ..store import repo
from ..store.models import Submission
from .access import require
from .context import Context

MAX_LISTED = 20


class ConflictError(InputError):
    """Someone else saved the same figures since this form was read; nothing was written."""

    def __init__(self, changes: list[str], changes_en: list[str]):
        self.changes = changes
        super().__init__("您打开此表后，以下数据已被他人修改，未保存；请重新载入后再改：" + "；".join(changes),
                         "these figures changed since you opened the form; not saved, reload first: " + "; ".join(changes_en))


class ValidationFailed(InputError):
    """The save was refused; ``issues`` names every offending field."""

    def __init__(self, issues: list[Issue]):
        self.issues = issues
        shown = issues[:MAX_LISTED]
        more = len(issues) - len(shown)
        zh = "；".join(i.zh for i in shown) + (f"；另有 {more} 处" if more else "")
        en = "; ".join(i.en for i in shown) + (f"; and {more} more" if more else "")
        super().__init__(f"未保存，{len(issues)} 处需要处理：{zh}", f"not saved, {len(issues)} problem(s): {en}")


@dataclass
class Form:
    org: str
    year: int
    domain: str
    status: str
    values: dict[str, Value]
    comments: dict[str, str]
    last_year: dict[str, Value]
    rates: dict[str, Decimal | None]
    meta: dict[str, repo.StoredValue] = field(default_factory=dict)

    @property
    def stamps(self) -> dict[str, str | None]:
        """What to pass back as ``base`` when saving: every field of the form, None where it was empty."""
        return {code: (self.meta[code].stamp if code in self.meta else None) for code in self.codes}

    codes: tuple[str, ...] = ()


@dataclass
class SaveResult:
    changed: int
    warnings: list[Issue]


def parse_entry(ind: Indicator, raw: object) -> Value | None:
    """One typed entry → exact value (None clears it). Raises InputError naming the field."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    try:
        return fit_scale(to_decimal(raw), ind.scale)
    except InputError as exc:
        raise InputError(f"「{ind.name}」：{exc.zh}", f"{ind.name_en}: {exc.en}") from None


def _resolve(ctx: Context, org: str, codes: list[str], domain: str | None) -> list[Indicator]:
    cat = ctx.catalogue
    unknown = [c for c in codes if c not in cat.items]
    if unknown:
        raise InputError(f"未知的指标代码：{', '.join(unknown)}", f"unknown indicator code(s): {', '.join(unknown)}")
    indicators = []
    for code in codes:
        item = cat.items[code]
        if isinstance(item, Rate):
            raise InputError(f"「{item.name}」由「{cat.items[item.numerator].name}」和「{cat.items[item.denominator].name}」计算得出，不能直接填写",
                             f"{item.name_en} is computed from its numerator and denominator and cannot be entered")
        if domain is not None and item.domain != domain:
            raise InputError(f"指标“{code}”不属于本表", f"indicator '{code}' is not on the '{domain}' form")
        if item.level == "city" and ctx.org(org).level != "city":
            raise InputError(f"「{item.name}」只能由市级填报", f"{item.name_en} is entered by the city only")
        indicators.append(item)
    return indicators


def parse_entries(ctx: Context, org: str, entries: Mapping[str, object], domain: str | None = None
                  ) -> tuple[dict[str, Value | None], list[Issue]]:
    """Parse every entry; unparseable ones come back as hard issues instead of values."""
    parsed: dict[str, Value | None] = {}
    issues: list[Issue] = []
    for ind in _resolve(ctx, org, list(entries), domain):
        try:
            parsed[ind.code] = parse_entry(ind, entries[ind.code])
        except InputError as exc:
            issues.append(Issue(ind.code, HARD, exc.zh, exc.en, "type"))
    return parsed, issues


def _merge(stored: Mapping[str, repo.StoredValue], parsed: Mapping[str, Value | None]) -> dict[str, Value]:
    merged = {code: sv.value for code, sv in stored.items()}
    for code, value in parsed.items():
        if value is None:
            merged.pop(code, None)
        else:
            merged[code] = value
    return merged


def validate(ctx: Context, org: str, year: int, entries: Mapping[str, object],
             comments: Mapping[str, str] | None = None, domain: str | None = None) -> list[Issue]:
    """Every issue the entries would raise, without writing (for live checking in forms)."""
    year = check_year(year)
    ctx.org(org)
    require(ctx, "values.read", org)
    parsed, issues = parse_entries(ctx, org, entries, domain)
    with ctx.db.read() as session:
        stored = repo.load_values(session, org, year)
        last = repo.load_plain(session, org, [year - 1])[year - 1]
    merged = _merge(stored, parsed)
    bad = {i.code for i in issues}
    issues += [i for i in check(ctx.catalogue, merged, last, [c for c in entries if c not in bad]) if i.code not in bad]
    return issues


def _locked(ctx: Context, subs: Mapping[tuple[str, int, str], Submission], org: str, year: int,
            domains: set[str]) -> None:
    for dom in sorted(domains):
        sub = subs.get((org, year, dom))
        if sub is not None and sub.status == "approved":
            name = ctx.catalogue.domain(dom).name
            when = sub.changed_at.strftime("%Y-%m-%d %H:%M")
            raise InputError(f"「{name}」{year}年数据已由 {sub.changed_by} 于 {when} 审核通过并锁定，不能修改",
                             f"{dom} {year} was approved by {sub.changed_by} at {when} and is locked")


def save_values(ctx: Context, org: str, year: int, entries: Mapping[str, object],
                comments: Mapping[str, str] | None = None, source: str = "form",
                domain: str | None = None, base: Mapping[str, str | None] | None = None) -> SaveResult:
    """Validate and write ``entries`` ({code: text|int|Decimal|None}) for one org unit and year, all or nothing.

    ``base`` ({code: stamp or None}) is what the caller read (``Form.stamps``); a figure saved by someone
    else since then refuses the whole save with ConflictError instead of overwriting it.
    """
    year = check_year(year)
    org = ctx.org(org).code
    require(ctx, "values.write", org)
    parsed, comments, bad = prepare(ctx, org, entries, comments, domain)
    with ctx.db.write() as session:
        if base is not None:
            check_base(ctx, session, org, year, set(parsed) | set(comments), base)
        return apply(ctx, session, org, year, parsed, comments, source, prior=bad)


def check_base(ctx: Context, session, org: str, year: int, codes: set[str], base: Mapping[str, str | None]) -> None:
    current = repo.load_values(session, org, year, sorted(codes))
    zh, en = [], []
    for code in sorted(codes):
        now = current.get(code)
        if (now.stamp if now else None) != base.get(code):
            item = ctx.catalogue.items[code]
            if now is None:
                zh.append(f"「{item.name}」已被删除")
                en.append(f"{item.name_en} was cleared")
            else:
                when = now.updated_at.strftime("%H:%M")
                zh.append(f"「{item.name}」已被 {now.updated_by} 于 {when} 改为 {value_text(now.value)}")
                en.append(f"{item.name_en} was set to {value_text(now.value)} by {now.updated_by} at {when}")
    if zh:
        raise ConflictError(zh, en)


def prepare(ctx: Context, org: str, entries: Mapping[str, object], comments: Mapping[str, str] | None,
            domain: str | None = None) -> tuple[dict[str, Value | None], dict[str, str], list[Issue]]:
    """Parse entries and tidy comments; entries that are not valid values come back as hard issues."""
    comments = {c: (t or "").strip() for c, t in (comments or {}).items()}
    parsed, issues = parse_entries(ctx, org, {**{c: None for c in comments if c not in entries}, **entries}, domain)
    for code in comments:
        if code not in entries:  # a comment alone keeps the stored value
            parsed.pop(code, None)
    return parsed, comments, issues


@dataclass
class Batch:
    """One org unit's year of parsed entries, for ``apply_many``."""

    org: str
    year: int
    parsed: Mapping[str, Value | None]
    comments: Mapping[str, str] = field(default_factory=dict)
    prior: list[Issue] = field(default_factory=list)


def apply(ctx: Context, session, org: str, year: int, parsed: Mapping[str, Value | None],
          comments: Mapping[str, str], source: str, require_comments: bool = True,
          prior: list[Issue] | None = None) -> SaveResult:
    """Check and write parsed entries inside the caller's write transaction (raises to roll it back).

    ``prior`` are issues found while parsing; they are reported together with the rule checks.
    """
    return apply_many(ctx, session, [Batch(org, year, parsed, comments, list(prior or []))], source,
                      require_comments)[0]


def apply_many(ctx: Context, session, batches: list[Batch], source: str,
               require_comments: bool = True) -> list[SaveResult]:
    """``apply`` for many org-years at once: one read of what is stored, one bulk write (imports, demo).

    The first org-year that breaks a rule raises and rolls the caller's transaction back.
    """
    if not batches:
        return []
    cat = ctx.catalogue
    orgs = sorted({b.org for b in batches})
    years = sorted({b.year for b in batches})
    subs = repo.load_submissions(session, orgs, years)
    for b in batches:
        _locked(ctx, subs, b.org, b.year, {cat.items[c].domain for c in set(b.parsed) | set(b.comments)})
    stored_all = repo.load_values_many(session, orgs, sorted(set(years) | {y - 1 for y in years}))
    results, new, changed, cleared, audit = [], [], [], [], []
    drafts: set[tuple[str, int, str]] = set()
    now = repo.utcnow()
    for b in batches:
        stored = stored_all.get((b.org, b.year), {})
        last = {c: sv.value for c, sv in stored_all.get((b.org, b.year - 1), {}).items()}
        touched = set(b.parsed) | set(b.comments)
        found = check(cat, _merge(stored, b.parsed), last, sorted(touched))
        hard = list(b.prior) + blocking(found)
        if hard:
            raise ValidationFailed(hard)
        if require_comments:
            uncommented = needing_comment(found, {c: sv.comment for c, sv in stored.items()} | dict(b.comments))
            if uncommented:
                raise ValidationFailed(uncommented)
        count = _plan_writes(ctx, b, stored, source, now, new, changed, cleared, audit)
        for dom in sorted({cat.items[c].domain for c in touched}):
            sub = subs.get((b.org, b.year, dom))
            if sub is None:
                drafts.add((b.org, b.year, dom))
            elif count and sub.status in ("submitted", "returned"):
                # changed figures go back to draft: a reviewer never approves what they did not see
                audit.append({**_audit(ctx, b.org, b.year, dom, "status", sub.status, "draft", source),
                              "detail": "数据修改后退回草稿 / figures changed, back to draft"})
                sub.status, sub.changed_by, sub.changed_at = "draft", ctx.user, now
                sub.version = (sub.version or 0) + 1
        results.append(SaveResult(changed=count, warnings=[i for i in found if i.severity == SOFT]))
    repo.insert_drafts(session, sorted(drafts), ctx.user)
    repo.write_values(session, new, changed)
    for org, year, codes in cleared:
        repo.delete_values(session, org, year, codes)
    repo.append_audit(session, audit)
    return results


def _plan_writes(ctx: Context, b: Batch, stored: Mapping[str, repo.StoredValue], source: str, now,
                 new: list, changed: list, cleared: list, audit: list) -> int:
    """Add one batch's row writes and audit rows to the bulk lists; returns how many values change."""
    rows, gone = 0, []
    for code in sorted(set(b.parsed) | set(b.comments)):
        ind = ctx.catalogue.items[code]
        old = stored.get(code)
        new_value = b.parsed[code] if code in b.parsed else (old.value if old else None)
        new_comment = b.comments.get(code, old.comment if old else "")
        if new_value is None:
            if old is not None:
                gone.append(code)
                audit.append(_audit(ctx, b.org, b.year, code, "value", value_text(old.value), "", source))
            continue
        value_changed = old is None or value_text(old.value) != value_text(new_value)
        comment_changed = (old.comment if old else "") != new_comment
        if not (value_changed or comment_changed):
            continue
        row = {"org": b.org, "year": b.year, "code": code, "num": to_scaled(new_value, ind.scale), "scale": ind.scale,
               "comment": new_comment, "user": ctx.user, "at": now}
        (new if old is None else changed).append(row)
        rows += 1
        if value_changed:
            audit.append(_audit(ctx, b.org, b.year, code, "value", value_text(old.value) if old else "",
                                value_text(new_value), source))
        if comment_changed:
            audit.append(_audit(ctx, b.org, b.year, code, "comment", old.comment if old else "", new_comment, source))
    if gone:
        cleared.append((b.org, b.year, gone))
    return rows + len(gone)


def _audit(ctx: Context, org: str, year: int, code: str, action: str, old: str, new: str, source: str) -> dict:
    return {"user_name": ctx.user, "action": action, "org_code": org, "year": year, "subject": code,
            "old_text": old, "new_text": new, "source": source}


def save_form(ctx: Context, org: str, year: int, domain: str, entries: Mapping[str, object],
              comments: Mapping[str, str] | None = None, source: str = "form",
              base: Mapping[str, str | None] | None = None) -> SaveResult:
    """Save one (org unit, year, domain) form; pass ``base=form.stamps`` to refuse overwriting others' saves."""
    ctx.catalogue.domain(domain)
    return save_values(ctx, org, year, entries, comments, source, domain, base)


def read_form(ctx: Context, org: str, year: int, domain: str) -> Form:
    """The form's stored values and comments, last year's values beside them, and its rates."""
    year = check_year(year)
    org = ctx.org(org).code
    require(ctx, "values.read", org)
    dom = ctx.catalogue.domain(domain)
    codes = [c for c in dom.codes if isinstance(ctx.catalogue.items[c], Indicator)]
    with ctx.db.read() as session:
        stored = repo.load_values(session, org, year, codes)
        last = repo.load_values(session, org, year - 1, codes)
        sub = repo.submission_status(session, org, year, domain)
    values = {c: sv.value for c, sv in stored.items()}
    return Form(
        org=org, year=year, domain=domain, status=sub.status if sub else ("draft" if stored else "empty"),
        values=values, comments={c: sv.comment for c, sv in stored.items() if sv.comment},
        last_year={c: sv.value for c, sv in last.items()}, rates=all_rates(ctx.catalogue, values, domain),
        meta=stored, codes=tuple(codes),
    )
