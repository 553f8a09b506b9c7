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

from sqlalchemy.orm import Session

from ..domain.catalogue import Indicator, Rate
from ..domain.comments import tidy_comment
from ..domain.derived import all_rates
from ..domain.errors import InputError
from ..domain.periods import check_year
from ..domain.rules import HARD, SOFT, Issue, blocking, check, needing_comment
from ..domain.submission import DRAFT, EMPTY, MOVES, is_locked
from ..domain.values import Value, fit_scale, to_decimal, to_scaled, value_text
from ..store import repo
from ..store.models import Submission
from . import submission
from .access import require
from .context import Context

MAX_LISTED = 20
EDIT = MOVES["edit"]  # a save that changes a submitted or returned form puts it back to draft


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
    stored: dict[str, repo.StoredValue] = field(default_factory=dict)  # as read: value, comment, who, when, version

    @property
    def stamps(self) -> dict[str, str | None]:
        """What to pass back as ``base`` when saving: every field of the form, None where it was empty."""
        return {code: (self.stored[code].stamp if code in self.stored else None) for code in self.codes}

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
             comments: Mapping[str, str] | None = None, domain: str | None = None,
             last_entries: Mapping[str, object] | None = None) -> list[Issue]:
    """Every issue the entries would raise, without writing (for live checking in forms).

    ``last_entries``: unsaved figures of the year before (a grid's previous column), compared with instead of the
    stored ones, as the save will (it writes the years in order); the ones that do not parse are left out here
    (their own column reports them)."""
    year = check_year(year)
    ctx.org(org)
    require(ctx, "values.read", org)
    parsed, issues = parse_entries(ctx, org, entries, domain)
    if comments:
        _resolve(ctx, org, [c for c in comments if c not in entries], domain)
    with ctx.db.read() as session:
        stored = repo.load_values(session, org, year)
        last = repo.load_plain(session, org, [year - 1])[year - 1]
    for code, value in parse_entries(ctx, org, last_entries, domain)[0].items() if last_entries else ():
        if value is None:
            last.pop(code, None)
        else:
            last[code] = value
    merged = _merge(stored, parsed)
    bad = {i.code for i in issues}
    issues += [i for i in check(ctx.catalogue, merged, last, [c for c in entries if c not in bad]) if i.code not in bad]
    return issues + check_comments(ctx, comments or {})[1]


def _locked(ctx: Context, subs: Mapping[tuple[str, int, str], Submission], org: str, year: int,
            domains: set[str]) -> None:
    for dom in sorted(domains):
        sub = subs.get((org, year, dom))
        if sub is not None and is_locked(sub.status):
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
            refuse_if_changed(ctx, session, org, year, set(parsed) | set(comments), base)
        return apply(ctx, session, org, year, parsed, comments, source, prior=bad)


def refuse_if_changed(ctx: Context, session: Session, org: str, year: int, codes: set[str],
                      stamps_read: Mapping[str, str | None]) -> None:
    """Raise ``ConflictError`` naming every one of ``codes`` whose stored stamp is no longer the one the caller
    read (``stamps_read``: {code: stamp, None where it was empty}), i.e. saved or cleared by someone since."""
    current = repo.load_values(session, org, year, sorted(codes))
    zh, en = [], []
    for code in sorted(codes):
        now = current.get(code)
        if (now.stamp if now else None) != stamps_read.get(code):
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
    """Parse entries and tidy comments (``domain/comments.py``); entries that are not valid values and comments
    that could not be delivered come back as hard issues."""
    comments = dict(comments or {})
    parsed, issues = parse_entries(ctx, org, {**{c: None for c in comments if c not in entries}, **entries}, domain)
    for code in comments:
        if code not in entries:  # a comment alone keeps the stored value
            parsed.pop(code, None)
    tidy, bad = check_comments(ctx, comments)
    return parsed, tidy, issues + bad


def check_comments(ctx: Context, comments: Mapping[str, object]) -> tuple[dict[str, str], list[Issue]]:
    """Each comment as it will be stored, and a hard issue naming the field for each that cannot be (the codes
    are known: ``parse_entries`` has resolved them). A refused comment is left out of the first."""
    tidy: dict[str, str] = {}
    issues: list[Issue] = []
    for code, text in comments.items():
        try:
            tidy[code] = tidy_comment(text)
        except InputError as exc:
            item = ctx.catalogue.items[code]
            issues.append(Issue(code, HARD, f"「{item.name}」的{exc.zh}", f"{item.name_en}: {exc.en}", "comment"))
    return tidy, issues


@dataclass
class Batch:
    """One org unit's year of parsed entries, for ``apply_many``."""

    org: str
    year: int
    parsed: Mapping[str, Value | None]
    comments: Mapping[str, str] = field(default_factory=dict)
    prior: list[Issue] = field(default_factory=list)


def apply(ctx: Context, session: Session, org: str, year: int, parsed: Mapping[str, Value | None],
          comments: Mapping[str, str], source: str, require_comments: bool = True,
          prior: list[Issue] | None = None) -> SaveResult:
    """Check and write parsed entries inside the caller's write transaction (raises to roll it back).

    ``prior`` are issues found while parsing; they are reported together with the rule checks.
    """
    return apply_many(ctx, session, [Batch(org, year, parsed, comments, list(prior or []))], source,
                      require_comments)[0]


def apply_many(ctx: Context, session: Session, batches: list[Batch], source: str,
               require_comments: bool = True, checked: bool = False) -> list[SaveResult]:
    """``apply`` for many org-years at once: one read of what is stored, one bulk write (imports, demo).

    The first org-year that breaks a rule raises and rolls the caller's transaction back.

    ``checked``: the caller has already run the hard rules on exactly these batches against the stored rows this
    transaction sees (an import's preview, whose digest of those rows the commit has just read again and found
    equal), so they are not run a second time. Only without ``require_comments``: the results then carry no
    warnings (soft issues are what comments answer, and an import does not ask for them).
    """
    if checked and require_comments:
        raise ValueError("checked batches skip the soft rules, so comments cannot be required")
    if not batches:
        return []
    cat = ctx.catalogue
    orgs = sorted({b.org for b in batches})
    years = sorted({b.year for b in batches})
    subs = repo.load_submissions(session, orgs, years)
    domain_of = {code: item.domain for code, item in cat.items.items()}
    domains = [set(map(domain_of.__getitem__, b.parsed.keys() | b.comments.keys())) for b in batches]
    for b, touched_domains in zip(batches, domains):
        _locked(ctx, subs, b.org, b.year, touched_domains)
    last_years = set() if checked else {y - 1 for y in years}  # last year's values only feed the soft rules
    stored_all = repo.load_values_many(session, orgs, sorted(set(years) | last_years))
    results = []
    drafts: set[tuple[str, int, str]] = set()
    now = repo.utcnow()
    writes = _Writes(ctx)
    for b, touched_domains in zip(batches, domains):
        stored = stored_all.get((b.org, b.year), {})
        if checked and b.prior:
            raise ValidationFailed(list(b.prior))
        found = [] if checked else _rule_issues(ctx, b, stored, stored_all.get((b.org, b.year - 1), {}),
                                                require_comments)
        count = writes.add(b, stored)
        for dom in sorted(touched_domains):
            sub = subs.get((b.org, b.year, dom))
            if sub is None:
                drafts.add((b.org, b.year, dom))
            elif count and sub.status in EDIT.sources:
                # changed figures go back to draft: a reviewer never approves what they did not see
                old = submission.apply(sub, EDIT.target, ctx.user, now)
                writes.audit.append(("status", b.org, b.year, dom, old, EDIT.target,
                                     "数据修改后退回草稿 / figures changed, back to draft"))
        results.append(SaveResult(changed=count, warnings=[i for i in found if i.severity == SOFT]))
    repo.insert_drafts(session, sorted(drafts), ctx.user)
    repo.insert_values(session, writes.new, ctx.user, now)
    repo.update_values(session, writes.changed, ctx.user, now)
    for org, year, codes in writes.cleared:
        repo.delete_values(session, org, year, codes)
    repo.insert_audit_rows(session, writes.audit, ctx.user, source, now)
    return results


def _rule_issues(ctx: Context, b: Batch, stored: Mapping[str, repo.StoredValue],
                 last_stored: Mapping[str, repo.StoredValue], require_comments: bool) -> list[Issue]:
    """Every rule issue of one batch; raises ValidationFailed on a hard one (or a soft one left uncommented)."""
    last = {c: sv.value for c, sv in last_stored.items()}
    found = check(ctx.catalogue, _merge(stored, b.parsed), last, sorted(b.parsed.keys() | b.comments.keys()))
    hard = list(b.prior) + blocking(found)
    if hard:
        raise ValidationFailed(hard)
    if require_comments:
        uncommented = needing_comment(found, {c: sv.comment for c, sv in stored.items()} | dict(b.comments))
        if uncommented:
            raise ValidationFailed(uncommented)
    return found


class _Writes:
    """The row writes and audit rows of one ``apply_many``, planned as the plain tuples ``repo`` inserts in bulk
    (``add`` one batch at a time; the lists are then handed to ``repo`` as they are)."""

    def __init__(self, ctx: Context):
        self.scales = {i.code: i.scale for i in ctx.catalogue.indicators()}
        self.new: list[repo.ValueWrite] = []  # (org, year, code, num, scale, comment) of values not stored yet
        self.changed: list[repo.ValueWrite] = []  # the same of stored values that change
        self.cleared: list[tuple[str, int, list[str]]] = []
        self.audit: list[repo.AuditWrite] = []

    def add(self, b: Batch, stored: Mapping[str, repo.StoredValue]) -> int:
        """Plan one batch's writes; returns how many values change."""
        org, year, parsed, comments, audit = b.org, b.year, b.parsed, b.comments, self.audit
        count, gone = 0, []
        for code in sorted(parsed.keys() | comments.keys()):
            old = stored.get(code)
            if old is None:  # nothing stored yet (an import's usual case): written if it has a value
                value = parsed.get(code)
                if value is None:
                    continue
                comment, scale = comments.get(code, ""), self.scales[code]
                if scale == 0 and type(value) is int:  # a count: stored as itself, written as its digits
                    num, text = value, str(value)
                else:
                    num, text = to_scaled(value, scale), value_text(value)
                self.new.append((org, year, code, num, scale, comment))
                audit.append(("value", org, year, code, "", text, ""))
                if comment:
                    audit.append(("comment", org, year, code, "", comment, ""))
                count += 1
                continue
            old_text = value_text(old.value)
            value = parsed[code] if code in parsed else old.value
            comment = comments.get(code, old.comment)
            if value is None:
                gone.append(code)
                audit.append(("value", org, year, code, old_text, "", ""))
                continue
            text = value_text(value)
            if text == old_text and comment == old.comment:
                continue
            scale = self.scales[code]
            self.changed.append((org, year, code, to_scaled(value, scale), scale, comment))
            count += 1
            if text != old_text:
                audit.append(("value", org, year, code, old_text, text, ""))
            if comment != old.comment:
                audit.append(("comment", org, year, code, old.comment, comment, ""))
        if gone:
            self.cleared.append((org, year, gone))
        return count + len(gone)


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
        org=org, year=year, domain=domain, status=sub.status if sub else (DRAFT if stored else EMPTY),
        values=values, comments={c: sv.comment for c, sv in stored.items() if sv.comment},
        last_year={c: sv.value for c, sv in last.items()}, rates=all_rates(ctx.catalogue, values, domain),
        stored=stored, codes=tuple(codes),
    )


def read_values(ctx: Context, org: str, year: int) -> tuple[dict[str, Value | None], dict[str, str]]:
    """One unit's stored figures for a year with every rate computed from them, and the comments by code.

    Raises InputError for a bad year or unit, AccessDenied without ``values.read`` on the unit."""
    from ..domain.aggregation import with_rates

    year = check_year(year)
    org = ctx.org(org).code
    require(ctx, "values.read", org)
    with ctx.db.read() as session:
        stored = repo.load_values(session, org, year)
    values = with_rates(ctx.catalogue, {c: sv.value for c, sv in stored.items()})
    return values, {c: sv.comment for c, sv in stored.items()}
