"""What an import brings in, whatever the file it came from (package or workbook).

Rows keep ``where``: the place in the file the clerk can find them
(「values.json 第12条」, 「医养结合!D7」), so every refusal names it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from ...domain.errors import InputError

MAX_LISTED = 20


# Rows are plain (not frozen) slotted dataclasses: frozen ones are several times slower to build
# (benchmarks/README.md); nothing changes them after reading. A package's value rows are kept as columns
# (``ValueRows``) and made one at a time when asked for.
@dataclass(slots=True)
class ValueRow:
    org: str
    year: int
    code: str
    value: object  # text or int as found; parsed against the catalogue in the preview
    comment: str
    where: str
    has_comment: bool = True  # False: the file had no comment for it, keep the store's


class ValueRows(Sequence[ValueRow]):
    """A file's value rows held as columns, one tuple per field; a ``ValueRow`` is made when one is asked for.

    A package brings up to 100 000 value rows. As columns they are read and checked a column at a time, and
    they cost no object per row: 100 000 objects that Python's cyclic garbage collector would walk again at
    each of its passes while the import runs. A row's place in the file is its own text (a workbook's cell) or
    made from its number in the member when a message needs it (「values.json 第12条」)."""

    def __init__(self, orgs: Sequence[str], years: Sequence[int], codes: Sequence[str], values: Sequence[object],
                 comments: Sequence[str], wheres: Sequence[str] | None = None, member: str = "",
                 has_comments: Sequence[bool] | None = None):
        self.orgs, self.years, self.codes, self.values, self.comments = orgs, years, codes, values, comments
        self.has_comments = has_comments  # None: every row brings its comment
        self.wheres, self.member = wheres, member  # each row's place, or the member whose rows they are

    @classmethod
    def of(cls, rows: Iterable[ValueRow]) -> ValueRows:
        rows = list(rows)
        if not rows:
            return cls((), (), (), (), (), ())
        orgs, years, codes, values, comments, wheres, has = zip(
            *((r.org, r.year, r.code, r.value, r.comment, r.where, r.has_comment) for r in rows))
        return cls(orgs, years, codes, values, comments, wheres, has_comments=None if all(has) else has)

    def where(self, index: int) -> str:
        """Where row ``index`` (from 0) is in the file."""
        return self.wheres[index] if self.wheres is not None else f"{self.member} 第{index + 1}条"

    def has_comment(self, index: int) -> bool:
        return self.has_comments is None or self.has_comments[index]

    def __len__(self) -> int:
        return len(self.orgs)

    def __getitem__(self, index: int) -> ValueRow:  # type: ignore[override]  # rows one at a time, no slices
        index = range(len(self))[index]  # IndexError past the end, negative from the end
        return ValueRow(self.orgs[index], self.years[index], self.codes[index], self.values[index],
                        self.comments[index], self.where(index), self.has_comment(index))

    def __iter__(self) -> Iterator[ValueRow]:
        return map(self.__getitem__, range(len(self)))


@dataclass(slots=True)
class StatusRow:
    org: str
    year: int
    domain: str
    status: str
    reason: str
    where: str


@dataclass(slots=True)
class TargetRow:
    org: str
    year: int
    code: str
    value: object
    comparison: str
    where: str


@dataclass
class Incoming:
    """Everything one file brings, checked for form but not yet against the store."""

    kind: str  # "package" | "excel"
    sha256: str
    org: str  # the org unit the file is for; every row must lie within it
    years: list[int]
    catalogue_version: str
    values: Sequence[ValueRow] = field(default_factory=list)  # a package's are ``ValueRows``
    statuses: list[StatusRow] = field(default_factory=list)
    targets: list[TargetRow] = field(default_factory=list)
    station: dict[str, Any] = field(default_factory=dict)
    created: str = ""
    name: str = ""  # the file name, for messages
    signer_key: str = ""  # a package's: the sending station's public key, its signature checked by the reading
    # the previous year's figures a package carries, (org, year, code, value): shown at import, never written
    context: list[tuple[str, int, str, object]] = field(default_factory=list)

    @property
    def source(self) -> str:
        """Audit source: the file's hash, so every change can be traced to the file that made it."""
        return f"{'import' if self.kind == 'package' else 'excel'}:{self.sha256}"


class FileRefused(InputError):
    """The file was refused whole; nothing was written. ``problems`` lists every (zh, en) found."""

    def __init__(self, zh: str, en: str, problems: list[tuple[str, str]] | None = None):
        self.problems = problems or [(zh, en)]
        super().__init__(zh, en)


def refuse_listing(head_zh: str, head_en: str, problems: list[tuple[str, str]]) -> FileRefused:
    """One refusal naming the first problems (up to MAX_LISTED) and how many more there are."""
    shown = problems[:MAX_LISTED]
    more = len(problems) - len(shown)
    zh = head_zh + "：" + "；".join(p[0] for p in shown) + (f"；另有 {more} 处" if more else "")
    en = head_en + ": " + "; ".join(p[1] for p in shown) + (f"; and {more} more" if more else "")
    return FileRefused(zh, en, problems)
