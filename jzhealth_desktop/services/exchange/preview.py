"""What an import would do, worked out before anything is written.

Every row is checked against the catalogue, the file's org unit and the store;
any row that cannot be placed, and any value that breaks a hard rule, refuses
the whole file (listed). What remains is sorted per domain into new, changed
(old → new), unchanged and conflicting (the city approved it, or the user may
not change it). Indicators the file's catalogue version has and ours lacks are
listed, not refused. The commit reads the same store rows again inside its
transaction; a different digest (someone changed the store after the preview)
refuses the commit.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Container, NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain.catalogue import Indicator, Rate
from ...domain.errors import InputError
from ...domain.rules import HardRules
from ...domain.submission import APPROVED, DRAFT, MOVES, NAMES, RETURNED, SUBMITTED, is_locked
from ...domain.values import MAX_DIGITS, Value, fit_scale, from_scaled, parse_exact, to_decimal, value_text
from ...store import repo
from ...store.models import Submission, Target
from ...store.sync import get_setting
from ..access import allowed, require
from ..context import Context
from ..forms import Batch
from ..station import SIGNING_KEY, station_in
from ..workflow import form_issues
from .collector import collector_paused
from .manifest import COMPARISONS, CONTEXT, STATUSES
from .package_export import scope
from .records import FileRefused, Incoming, StatusRow, TargetRow, ValueRow, ValueRows, refuse_listing
from .trust import CHANGED as CHANGED_KEY
from .trust import Signer, refuse_changed, signer_of, trust_settings

STATUS_ZH = {**{k: v[0] for k, v in NAMES.items()}, "": "无"}
NEW, CHANGED, UNCHANGED, CONFLICTING = "new", "changed", "unchanged", "conflicting"
EDIT = MOVES["edit"]
GROUPS = (NEW, CHANGED, UNCHANGED, CONFLICTING)


class StatusMove(NamedTuple):
    """A status line's states, as codes of ``domain/submission.py`` ("" where the store has no row yet)."""

    stored: str  # what this store holds now
    brought: str  # what the file brings


@dataclass(slots=True)  # not frozen: one per row of the file, and a frozen dataclass is slower to build
class Item:
    kind: str  # value | status | target
    org: str
    year: int
    code: str  # indicator code, or domain code for a status
    label: str  # Chinese name of what changes
    old: str  # shown text: the stored value, status name or target
    new: str  # shown text: what the file brings
    old_comment: str = ""  # a value's comments
    new_comment: str = ""
    reason: str = ""  # why it conflicts (zh)
    reason_en: str = ""
    where: str = ""
    value: Value | None = None  # the parsed new value / target
    comparison: str = ""  # a target's comparison (>=, <=)
    last: str = ""  # a value's previous year (here, or the package's context where this store has none)
    status: StatusMove | None = None  # a status line's states


@dataclass
class DomainGroup:
    code: str
    name: str
    items: dict[str, list[Item]] = field(default_factory=lambda: {g: [] for g in GROUPS})


@dataclass
class Preview:
    incoming: Incoming
    groups: list[DomainGroup]
    unknown: list[tuple[str, int]]  # codes the file has and our catalogue lacks, with how many rows
    fingerprint: str  # of the store state the plan was worked out against (``state_fingerprint``)
    orgs: tuple[str, ...] = ()  # the org units and years whose stored rows the plan read
    years: tuple[int, ...] = ()
    # The value writes, one batch per org-year, for ``forms.apply_many``: worked out against the store state of
    # ``fingerprint`` and checked against the hard rules there; the commit uses them only in that same state.
    writes: list[Batch] = field(default_factory=list)
    signer: Signer | None = None  # a package's signing station and whether its key is known here
    context: int = 0  # previous-year figures the package brought for reading (never written)
    # per (org, year): the previous year's figures the submit checks of a package's "submitted" were run with
    last_years: dict[tuple[str, int], dict[str, Value]] = field(default_factory=dict)

    def count(self, group: str) -> int:
        return sum(len(g.items[group]) for g in self.groups)

    @property
    def nothing_to_do(self) -> bool:
        return self.count(NEW) + self.count(CHANGED) == 0

    def to_apply(self) -> list[Item]:
        return [i for g in self.groups for group in (NEW, CHANGED) for i in g.items[group]]

    def conflicts(self) -> list[Item]:
        return [i for g in self.groups for i in g.items[CONFLICTING]]


def build_preview(ctx: Context, incoming: Incoming) -> Preview:
    """Check the file against the store and work out the changes; writes nothing."""
    require(ctx, "exchange.import", incoming.org if incoming.org in ctx.org_units else None)
    with collector_paused(), ctx.db.read() as session:
        return plan(ctx, session, incoming)


def _refuse_scope(ctx: Context, session: Session, incoming: Incoming) -> None:
    unit = ctx.org_units.get(incoming.org)
    if unit is None:
        raise FileRefused(f"文件的单位代码“{incoming.org}”不在本机的单位列表中",
                          f"the file's org-unit code '{incoming.org}' is not one of this station's org units")
    here = station_in(session)
    kind, own = here.kind, here.org
    if kind == "county" and own and incoming.org != own:
        own_name = ctx.org_units[own].name if own in ctx.org_units else own
        raise FileRefused(f"本机是{own_name}的县级站，不能导入{unit.name}的数据",
                          f"this is the county station of {own}; it cannot import data of {unit.code}")


class _Rows:
    """Places the file's rows: within the file's org unit and years, naming codes this catalogue knows.

    Collects every problem (refusing the file) and the codes a different catalogue version brings (skipped)."""

    def __init__(self, ctx: Context, incoming: Incoming):
        self.ctx, self.incoming = ctx, incoming
        self.unit = ctx.org_units[incoming.org]
        self.in_scope = set(scope(ctx, self.unit.code))
        self.years = set(incoming.years)
        self.same_catalogue = incoming.catalogue_version == ctx.catalogue.version
        values = incoming.values
        self.values = values if isinstance(values, ValueRows) else ValueRows.of(values)
        self.problems: list[tuple[str, str]] = []
        self.unknown: Counter[str] = Counter()
        self._suffixes: dict[tuple[str, int], str] = {}

    def place(self, where: str, org: str, year: int) -> bool:
        unit = self.unit
        if org not in self.in_scope:
            self.problems.append((f"{where}：单位“{org}”不属于文件的单位{unit.name}（{unit.code}）",
                                  f"{where}: org unit '{org}' is outside the file's unit {unit.code}"))
            return False
        if year not in self.years:
            self.problems.append((f"{where}：年份 {year} 不在文件声明的年份中", f"{where}: year {year} is not one of the file's years"))
            return False
        return True

    def known(self, where: str, code: str, pool: Container[str]) -> bool:
        if code in pool:
            return True
        if self.same_catalogue:
            self.problems.append((f"{where}：未知的指标代码“{code}”", f"{where}: unknown indicator code '{code}'"))
        else:
            self.unknown[code] += 1
        return False

    def suffix(self, org: str, year: int) -> str:
        """What a package row's place gets to name its unit and year (「（解放区 2021年）」); one per org-year."""
        if self.incoming.kind != "package":
            return ""
        suffix = self._suffixes.get((org, year))
        if suffix is None:
            name = self.ctx.org_units[org].name if org in self.ctx.org_units else org
            suffix = self._suffixes[(org, year)] = f"（{name} {year}年）"
        return suffix

    def located(self, row: ValueRow | StatusRow | TargetRow) -> str:
        return row.where + self.suffix(row.org, row.year)


# value rows placed and parsed: {(org, year): {code: (value, the row's index in ``_Rows.values``)}}
Placed = dict[tuple[str, int], dict[str, tuple[Value, int]]]
# what this store holds: {(org, year): {code: (value, comment)}}, and {(org, year, domain): status}
Stored = dict[tuple[str, int], dict[str, tuple[Value, str]]]
Statuses = dict[tuple[str, int, str], str]
# the rows ``_read_store`` reads, as plain tuples: values, statuses, targets, the years before's values
StoreRows = tuple[list[tuple[Any, ...]], list[tuple[Any, ...]], list[tuple[Any, ...]], list[tuple[Any, ...]]]


def plan(ctx: Context, session: Session, incoming: Incoming) -> Preview:
    cat = ctx.catalogue
    _refuse_scope(ctx, session, incoming)
    signer = signer_of(session, incoming)
    if signer is not None and signer.state == CHANGED_KEY:
        raise refuse_changed(ctx, signer)
    rows = _Rows(ctx, incoming)
    years = rows.years
    problems = rows.problems

    # 1. every row placed and parsed
    values = _place_values(rows)
    domains = {d.code: d for d in cat.domains}
    statuses: dict[tuple[str, int, str], tuple[str, str, str]] = {}
    for row in incoming.statuses:
        where = rows.located(row)
        if not rows.place(where, row.org, row.year) or not rows.known(where, row.domain, domains):
            continue
        if row.status not in STATUSES:
            problems.append((f"{where}：状态“{row.status}”无效", f"{where}: status '{row.status}' is invalid"))
        elif (row.org, row.year, row.domain) in statuses:
            problems.append((f"{where}：状态重复出现", f"{where}: status given twice"))
        else:
            statuses[(row.org, row.year, row.domain)] = (row.status, row.reason, where)
    targets: dict[tuple[str, int, str], tuple[Value, str, str]] = {}
    for target in incoming.targets:
        where = rows.located(target)
        if not rows.place(where, target.org, target.year) or not rows.known(where, target.code, cat.items):
            continue
        item = cat.items[target.code]
        scale = item.scale if isinstance(item, Indicator) else item.decimals
        if target.comparison not in COMPARISONS or (target.org, target.year, target.code) in targets:
            problems.append((f"{where}：「{item.name}」目标比较方式无效或重复", f"{where}: {item.name_en}: bad or repeated target"))
            continue
        try:
            targets[(target.org, target.year, target.code)] = (fit_scale(to_decimal(target.value), scale),
                                                               target.comparison, where)
        except InputError as exc:
            problems.append((f"{where}：「{item.name}」目标值{exc.zh}", f"{where}: target for {item.name_en}: {exc.en}"))
    context = _place_context(rows, incoming)
    if problems:
        raise refuse_listing(f"文件未导入，{len(problems)} 处问题", f"file not imported, {len(problems)} problem(s)", problems)

    # 2. what the store holds for the same org units and years (and the years before, for 上年)
    orgs = sorted({o for o, _ in values} | {k[0] for k in statuses} | {k[0] for k in targets})
    read = _read_store(session, orgs, sorted(years))
    last_years: dict[tuple[str, int], dict[str, Value]] = {}
    for o, y, c, num, scale in read[3]:
        last_years.setdefault((o, y + 1), {})[c] = from_scaled(num, scale)
    for key, figures in context.items():  # the package's context only where this store has none of its own
        if not last_years.get(key):
            last_years[key] = figures
    stored: Stored = defaultdict(dict)
    for o, y, c, num, scale, comment, _version in read[0]:
        stored[(o, y)][c] = (from_scaled(num, scale), comment or "")
    subs: Statuses = {(o, y, d): s for o, y, d, s, _version in read[1]}
    have_targets = {(o, y, c): (from_scaled(num, scale), comparison) for o, y, c, num, scale, comparison in read[2]}

    # 3. sort into groups; check hard rules on what would be applied
    groups = {d.code: DomainGroup(d.code, d.name) for d in cat.domains}
    writes = _sort_values(rows, values, stored, subs, groups, last_years)
    if problems:
        raise refuse_listing(f"文件未导入，{len(problems)} 个数值不符合规则", f"file not imported, {len(problems)} value(s) break the rules",
                             problems)
    _sort_statuses(ctx, statuses, subs, writes, stored, last_years, signer, groups)
    for (org, year, code), (value, comparison, where) in sorted(targets.items()):
        ind = cat.items[code]
        old = have_targets.get((org, year, code))
        old_text = f"{old[1]}{value_text(old[0])}" if old else ""
        line = Item("target", org, year, code, f"{ind.name}目标", old_text, f"{comparison}{value_text(value)}",
                    where=where, value=value, comparison=comparison)
        if old_text == line.new:
            groups[ind.domain].items[UNCHANGED].append(line)
        elif not allowed(ctx, "targets.write", org):
            groups[ind.domain].items[CONFLICTING].append(_conflict(line, "您无权修改目标值", "you may not change targets"))
        else:
            groups[ind.domain].items[NEW if old is None else CHANGED].append(line)
    result = [g for g in groups.values() if any(g.items.values())]
    return Preview(incoming, result, sorted(rows.unknown.items()),
                   state_fingerprint(ctx, session, orgs, sorted(years), read), tuple(orgs), tuple(sorted(years)), writes,
                   signer, sum(map(len, context.values())), last_years)


def merged_form(stored: Stored, writes: list[Batch], org: str, year: int) -> tuple[dict[str, Value], dict[str, str]]:
    """An org-year's figures and comments as the import would leave them."""
    stored_here = stored.get((org, year), {})
    figures = {c: v for c, (v, _) in stored_here.items()}
    comments = {c: m for c, (_, m) in stored_here.items()}
    for b in writes:
        if (b.org, b.year) == (org, year):
            for code, value in b.parsed.items():  # an import brings values, never clears one (None): as a save
                if value is None:
                    figures.pop(code, None)
                else:
                    figures[code] = value
            comments.update(b.comments)
    return figures, comments


def _sort_statuses(ctx: Context, statuses: dict[tuple[str, int, str], tuple[str, str, str]], subs: Statuses,
                   writes: list[Batch], stored: Stored, last_years: dict[tuple[str, int], dict[str, Value]],
                   signer: Signer | None, groups: dict[str, DomainGroup]) -> None:
    """A package's states: it can bring at most its own county's *submitted*, for a form that passes the same
    submit checks here as the program makes before a clerk submits (on the figures as the import leaves them).
    Approval and return are made only by a reviewer here; a draft cannot take back what this store holds."""
    domain_of = {code: item.domain for code, item in ctx.catalogue.items.items()}
    touched = {(b.org, b.year, domain_of[c]) for b in writes for c in b.parsed}
    names = {d.code: d.name for d in ctx.catalogue.domains}
    for (org, year, dom), (status, reason, where) in sorted(statuses.items()):
        old = subs.get((org, year, dom), "")
        # changed figures put a submitted or returned form back to draft (forms.apply_many), a new one starts so
        after = DRAFT if (org, year, dom) in touched and (not old or old in EDIT.sources) else old
        item = Item("status", org, year, dom, f"{names[dom]}上报状态", STATUS_ZH[old], STATUS_ZH[status],
                    where=where, status=StatusMove(old, status))
        group = groups[dom].items
        unit = ctx.org_units[org].name
        if status == after:
            group[UNCHANGED].append(item)
        elif is_locked(old):
            group[CONFLICTING].append(_conflict(item, "本机已审核通过，状态不变", "approved here; status kept"))
        elif status in (APPROVED, RETURNED):
            group[CONFLICTING].append(_conflict(item, "审核结果只由本机的审核人作出，不随数据包导入",
                                                "review outcomes are made by a reviewer here, never imported"))
        elif status != SUBMITTED:
            group[CONFLICTING].append(_conflict(item, f"数据包只能带来“已提交”，本机的“{STATUS_ZH[after]}”不变",
                                                f"a package brings only 'submitted'; '{after}' here is kept"))
        elif signer is None or not signer.may_submit(org):
            group[CONFLICTING].append(_conflict(item, f"只有{unit}的县级站能提交该县的表单，状态不导入",
                                                f"only the county station of {org} submits its forms; state not imported"))
        else:
            figures, comments = merged_form(stored, writes, org, year)
            if (org, year - 1) in {(b.org, b.year) for b in writes} or (org, year - 1) in stored:
                # the year before is in the file too: judged against it as the import leaves it (the commit too)
                last_years[(org, year)] = merged_form(stored, writes, org, year - 1)[0]
            issues = form_issues(ctx, org, dom, figures, comments, last_years.get((org, year), {}))
            if issues:
                more = f"等 {len(issues)} 处" if len(issues) > 1 else ""
                group[CONFLICTING].append(_conflict(
                    item, f"表单未通过提交检查，未设为已提交：{issues[0].zh}{more}",
                    f"the form fails the submit checks here, not submitted: {issues[0].en}"))
            else:
                group[NEW if not old else CHANGED].append(item)


def _place_context(rows: _Rows, incoming: Incoming) -> dict[tuple[str, int], dict[str, Value]]:
    """The package's previous-year figures, by the (org, year) they are the year before of. Read-only: shown
    as 上年 and used by the submit checks where this store has none of its own; never written."""
    cat = rows.ctx.catalogue
    found: dict[tuple[str, int], dict[str, Value]] = defaultdict(dict)
    wanted = {y - 1 for y in rows.years}
    for index, (org, year, code, raw) in enumerate(incoming.context, start=1):
        where = f"{CONTEXT} 第{index}条"
        item = cat.items.get(code)
        if org not in rows.in_scope or year not in wanted or not isinstance(item, Indicator):
            if item is None and not rows.same_catalogue:
                continue  # another catalogue version's indicator: nothing to show it against
            rows.problems.append((f"{where}：上年数据“{org} {year} {code}”不属于本数据包的单位、年份或指标",
                                  f"{where}: context row '{org} {year} {code}' is outside the package"))
            continue
        try:
            found[(org, year + 1)][code] = parse_exact(raw, item.scale)
        except InputError as exc:
            rows.problems.append((f"{where}：「{item.name}」{exc.zh}", f"{where}: {item.name_en}: {exc.en}"))
    return dict(found)


def _enterable(ctx: Context, orgs: set[str]) -> dict[str, dict[str, int]]:
    """Per org unit, the indicators a file may bring for it, with their scales: raw indicators (not computed
    rates), city-only ones only for the city."""
    cat = ctx.catalogue
    by_level = {level: {i.code: i.scale for i in cat.indicators() if i.level != "city" or level == "city"}
                for level in {ctx.org_units[o].level for o in orgs}}
    return {o: by_level[ctx.org_units[o].level] for o in orgs}


def _place_values(rows: _Rows) -> Placed:
    """Every value row placed and parsed. A row that fits (its unit and year in the file's, a code it may bring,
    not repeated, a number at the indicator's scale) takes a few lookups; any other row takes the checks one by
    one in ``_value_problem``, which names what is wrong (or counts a code of another catalogue version)."""
    values: Placed = defaultdict(dict)
    enterable = _enterable(rows.ctx, rows.in_scope)
    years = rows.years
    file = rows.values
    last_org = last_year = placed_here = scales = None
    for index, (org, year, code, raw) in enumerate(zip(file.orgs, file.years, file.codes, file.values)):
        if org != last_org or year != last_year:  # rows come grouped by unit and year: once per group
            last_org, last_year, placed_here = org, year, None
            scales = enterable.get(org) if year in years else None
        if scales is not None and code in scales:
            if placed_here is None:
                placed_here = values[(org, year)]
            if code in placed_here:
                _value_problem(rows, index, values)  # named as repeated
                continue
            scale = scales[code]
            if scale == 0 and type(raw) is str and raw.isdigit() and raw.isascii() and len(raw) < MAX_DIGITS:
                placed_here[code] = (int(raw), index)  # a count in plain digits, as parse_exact reads it
                continue
            try:
                placed_here[code] = (parse_exact(raw, scale), index)
                continue
            except InputError:
                pass
        _value_problem(rows, index, values)
    return values


def _value_problem(rows: _Rows, index: int, values: Placed) -> None:
    """The checks of one value row, in order: the first that fails is recorded (or the row is skipped)."""
    ctx, items, problems = rows.ctx, rows.ctx.catalogue.items, rows.problems
    row = rows.values[index]
    where = rows.located(row)
    org, year, code = row.org, row.year, row.code
    if not rows.place(where, org, year) or not rows.known(where, code, items):
        return
    item = items[code]
    if isinstance(item, Rate):
        problems.append((f"{where}：「{item.name}」是计算得出的比率，不能导入", f"{where}: {item.name_en} is a computed rate"))
        return
    if item.level == "city" and ctx.org_units[org].level != "city":
        problems.append((f"{where}：「{item.name}」只能由市级填报", f"{where}: {item.name_en} is entered by the city only"))
        return
    placed_here = values[(org, year)]
    if code in placed_here:
        problems.append((f"{where}：「{item.name}」重复出现", f"{where}: {item.name_en} appears twice"))
        return
    try:
        placed_here[code] = (parse_exact(row.value, item.scale), index)
    except InputError as exc:
        problems.append((f"{where}：「{item.name}」{exc.zh}", f"{where}: {item.name_en}: {exc.en}"))


def _sort_values(rows: _Rows, values: Placed, stored: Stored, subs: Statuses, groups: dict[str, DomainGroup],
                 last_years: dict[tuple[str, int], dict[str, Value]]) -> list[Batch]:
    """Sort the file's values into their domain's groups and check the hard rules on each org-year as it would
    be after the import (problems go to ``rows.problems``). Returns the writes, one batch per org-year in
    (year, org) order, as ``forms.apply_many`` takes them."""
    ctx = rows.ctx
    hard = HardRules(ctx.catalogue)
    lines = _Lines(rows, groups)
    approved: dict[tuple[str, int], set[str]] = defaultdict(set)
    for (org, year, domain), status in subs.items():
        if is_locked(status):
            approved[(org, year)].add(domain)
    writes: list[Batch] = []
    for (org, year), placed in sorted(values.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        stored_here = stored.get((org, year), {})
        suffix = rows.suffix(org, year)
        applied, comments = lines.classify(org, year, placed, stored_here, approved.get((org, year), set()), suffix,
                                       last_years.get((org, year), {}))
        merged = {c: v for c, (v, _) in stored_here.items()} | applied if stored_here else applied
        for issue in hard.issues(merged, sorted(applied)):
            where = rows.values.where(placed[issue.code][1]) + suffix if issue.code in placed \
                else f"{ctx.org_units[org].name} {year}年"
            rows.problems.append((f"{where}：{issue.zh}", f"{where}: {issue.en}"))
        if applied:
            writes.append(Batch(org, year, applied, comments))
    return writes


class _Lines:
    """Makes the preview's line (``Item``) for each of the file's values and puts it in its group."""

    def __init__(self, rows: _Rows, groups: dict[str, DomainGroup]):
        file = rows.values
        self.about = {i.code: (i.name, i.domain, groups[i.domain].items) for i in rows.ctx.catalogue.indicators()}
        self.file, self.comments = file, file.comments
        self.every_comment = file.has_comments is None
        self.wheres, self.member = file.wheres, file.member

    def classify(self, org: str, year: int, placed: dict[str, tuple[Value, int]],
                 stored_here: dict[str, tuple[Value, str]], locked: set[str], suffix: str,
                 last: dict[str, Value]) -> tuple[dict[str, Value], dict[str, str]]:
        """One org-year's values against what is stored: new, changed, unchanged, or conflicting where its domain
        is approved here. Returns the values to write and their comments."""
        file, about, comments_in, every_comment = self.file, self.about, self.comments, self.every_comment
        wheres, member = self.wheres, self.member
        applied: dict[str, Value] = {}
        comments: dict[str, str] = {}
        for code, (value, index) in sorted(placed.items()):
            name, domain, group = about[code]
            old = stored_here.get(code)
            has_comment = every_comment or file.has_comment(index)
            # file.where(index) + suffix, written out: it is made for every value
            where = f"{member} 第{index + 1}条{suffix}" if wheres is None else wheres[index] + suffix
            new_text = str(value) if type(value) is int else value_text(value)  # a count is its digits
            before = last.get(code) if last else None
            if old is None:  # not stored here yet
                new_comment = comments_in[index] if has_comment else ""
                item = Item("value", org, year, code, name, "", new_text, "", new_comment, "", "", where, value,
                            last="" if before is None else value_text(before))
            else:
                old_value, old_comment = old
                new_comment = comments_in[index] if has_comment else old_comment
                item = Item("value", org, year, code, name, value_text(old_value), new_text, old_comment, new_comment,
                            "", "", where, value, last="" if before is None else value_text(before))
                if item.old == new_text and old_comment == new_comment:
                    group[UNCHANGED].append(item)
                    continue
            if domain in locked:
                group[CONFLICTING].append(_conflict(item, "本单位该年度此项已审核通过并锁定，未覆盖",
                                                    "approved and locked here; not overwritten"))
            else:
                applied[code] = value
                comments[code] = new_comment
                group[NEW if old is None else CHANGED].append(item)
        return applied, comments


def _conflict(item: Item, zh: str, en: str) -> Item:
    return Item(item.kind, item.org, item.year, item.code, item.label, item.old, item.new, item.old_comment,
                item.new_comment, zh, en, item.where, item.value, item.comparison, item.last, item.status)


def _read_store(session: Session, orgs: list[str], years: list[int]) -> StoreRows:
    """Every store row the plan reads for ``orgs`` and ``years``, in key order (values, statuses, targets, and
    the values of the years before that the file does not bring: 上年 and the submit checks)."""
    if not orgs:
        return [], [], [], []
    table = repo.VALUES_TABLE
    # plain tuples: cheap to unpack and to repr for the digest (a Row's repr is several times slower)
    values = repo.fetch_plain(session,
        select(table.c.org_code, table.c.year, table.c.indicator_code, table.c.num, table.c.scale, table.c.comment,
               table.c.version)
        .where(table.c.org_code.in_(orgs), table.c.year.in_(years))
        .order_by(table.c.org_code, table.c.year, table.c.indicator_code))
    subs = session.execute(
        select(Submission.org_code, Submission.year, Submission.domain_code, Submission.status, Submission.version)
        .where(Submission.org_code.in_(orgs), Submission.year.in_(years))
        .order_by(Submission.org_code, Submission.year, Submission.domain_code))
    targets = session.execute(
        select(Target.org_code, Target.year, Target.indicator_code, Target.num, Target.scale, Target.comparison)
        .where(Target.org_code.in_(orgs), Target.year.in_(years))
        .order_by(Target.org_code, Target.year, Target.indicator_code))
    before = sorted({y - 1 for y in years} - set(years))
    last = repo.fetch_plain(session,
        select(table.c.org_code, table.c.year, table.c.indicator_code, table.c.num, table.c.scale)
        .where(table.c.org_code.in_(orgs), table.c.year.in_(before))
        .order_by(table.c.org_code, table.c.year, table.c.indicator_code)) if before else []
    # the DBAPI's rows: tuples
    return list(map(tuple, values)), list(map(tuple, subs)), list(map(tuple, targets)), list(map(tuple, last))


def state_fingerprint(ctx: Context, session: Session, orgs: list[str], years: list[int],
                      read: StoreRows | None = None) -> str:
    """A digest of everything besides the file that the plan depends on: the store rows it read, the station's
    identity and the user's rights. The same file against the same digest gives the same plan, so the commit
    compares digests instead of working the whole plan out again (the store changed after the preview ⇔ differ)."""
    if read is None:
        read = _read_store(session, orgs, years)
    digest = hashlib.sha256()
    here = station_in(session)
    station = (here.kind, here.org, get_setting(session, SIGNING_KEY), *trust_settings(session, orgs))
    rights = [(o, allowed(ctx, "submission.review", o), allowed(ctx, "targets.write", o)) for o in orgs]
    for part in (ctx.user, station, rights, orgs, years, *read):
        digest.update(repr(part).encode("utf-8", "surrogatepass"))  # rows repr as tuples: unambiguous
        digest.update(b"\x00")
    return digest.hexdigest()
