"""The grid view's data: one domain for many (org unit, year) columns, read in one query, saved in one transaction.

The city's grid is indicators × counties for a year; a county's is indicators × years. A save validates
every column against its org unit's whole year and writes all columns or none.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Mapping, Sequence

from sqlalchemy import select

from ..domain.periods import check_year
from ..domain.rules import Issue
from ..domain.values import Value, from_scaled
from ..store import repo
from .access import require
from .context import Context
from .forms import ValidationFailed, apply, prepare, refuse_if_changed, validate

Column = tuple[str, int]  # (org code, year)


@dataclass
class Grid:
    domain: str
    codes: list[str]  # editable indicators, reading order
    columns: list[Column]
    values: dict[Column, dict[str, Value]] = field(default_factory=dict)
    comments: dict[Column, dict[str, str]] = field(default_factory=dict)
    stamps: dict[Column, dict[str, str | None]] = field(default_factory=dict)


class GridValidationFailed(ValidationFailed):
    """Some columns failed; ``by_column`` maps each to its issues. Nothing was written."""

    def __init__(self, by_column: dict[Column, list[Issue]]):
        self.by_column = by_column
        super().__init__([i for issues in by_column.values() for i in issues])


def grid_codes(ctx: Context, domain: str, level: str) -> list[str]:
    """The fields an org unit of ``level`` types on ``domain``'s form."""
    return ctx.catalogue.entered_at(domain, level)


def read_grid(ctx: Context, domain: str, columns: Sequence[Column]) -> Grid:
    """Values, comments and stamps of every column, all org units of one level."""
    columns = [(ctx.org(o).code, check_year(y)) for o, y in columns]
    for org in {o for o, _ in columns}:
        require(ctx, "values.read", org)
    level = ctx.org(columns[0][0]).level if columns else "county"
    grid = Grid(domain, grid_codes(ctx, domain, level), columns)
    table = repo.VALUES_TABLE
    wanted = set(columns)
    query = (select(table.c.org_code, table.c.year, table.c.indicator_code, table.c.num, table.c.scale, table.c.comment,
                    table.c.updated_at, table.c.version)
             .where(table.c.org_code.in_(sorted({o for o, _ in columns})),
                    table.c.year.in_(sorted({y for _, y in columns})),
                    table.c.indicator_code.in_(grid.codes)))
    for col in columns:
        grid.values[col], grid.comments[col] = {}, {}
        grid.stamps[col] = {c: None for c in grid.codes}
    with ctx.db.read() as session:
        for org, year, code, num, scale, comment, at, version in session.execute(query):
            col = (org, year)
            if col not in wanted:
                continue
            grid.values[col][code] = from_scaled(num, scale)
            if comment:
                grid.comments[col][code] = comment
            grid.stamps[col][code] = f"{version}@{at.isoformat()}"
    return grid


def check_grid(ctx: Context, domain: str, edits: Mapping[Column, Mapping[str, object]],
               columns: Iterable[Column] | None = None,
               comments: Mapping[Column, Mapping[str, str]] | None = None) -> dict[Column, list[Issue]]:
    """Issues per edited column (no writes): what live checking of pasted cells shows; ``columns`` limits it
    to those (default: every edited one). A column is compared with the edited column of the year before where
    there is one, as ``save_grid`` will see it (it writes the years in order, in one transaction). ``comments``
    are checked by the same rule as a save's (``domain/comments.py``)."""
    comments = comments or {}
    wanted = (set(edits) | set(comments)) if columns is None else columns
    return {(org, year): validate(ctx, org, year, edits.get((org, year), {}), comments.get((org, year)),
                                  domain=domain, last_entries=edits.get((org, year - 1)))
            for org, year in wanted if edits.get((org, year)) or comments.get((org, year))}


def save_grid(ctx: Context, domain: str, edits: Mapping[Column, Mapping[str, object]],
              comments: Mapping[Column, Mapping[str, str]] | None = None,
              base: Mapping[Column, Mapping[str, str | None]] | None = None, source: str = "grid") -> int:
    """Write every edited column in one transaction; any refusal in any column writes nothing."""
    ctx.catalogue.domain(domain)
    comments = comments or {}
    columns = sorted(set(edits) | set(comments))
    prepared = {}
    for org, year in columns:
        check_year(year)
        require(ctx, "values.write", ctx.org(org).code)
        prepared[(org, year)] = prepare(ctx, org, edits.get((org, year), {}), comments.get((org, year)), domain)
    failed: dict[Column, list[Issue]] = {}
    changed = 0
    with ctx.db.write() as session:
        for col in columns:
            parsed, notes, bad = prepared[col]
            if base is not None and col in base:
                refuse_if_changed(ctx, session, col[0], col[1], set(parsed) | set(notes), base[col])
            try:
                changed += apply(ctx, session, col[0], col[1], parsed, notes, source, prior=bad).changed
            except ValidationFailed as exc:
                failed[col] = exc.issues
        if failed:
            raise GridValidationFailed(failed)  # rolls back the columns already applied
    return changed
