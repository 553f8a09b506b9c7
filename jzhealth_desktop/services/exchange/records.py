"""What an import brings in, whatever the file it came from (package or workbook).

Rows keep ``where``: the place in the file the clerk can find them
(「values.json 第12条」, 「医养结合!D7」), so every refusal names it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...domain.errors import InputError

MAX_LISTED = 20


# Rows are plain (not frozen) slotted dataclasses: a file brings up to 100 000 of them and frozen ones cost 4×
# to build; nothing changes them after reading.
@dataclass(slots=True)
class ValueRow:
    org: str
    year: int
    code: str
    value: object  # text or int as found; parsed against the catalogue in the preview
    comment: str
    where: str
    has_comment: bool = True  # False: the file had no comment for it, keep the store's


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
    values: list[ValueRow] = field(default_factory=list)
    statuses: list[StatusRow] = field(default_factory=list)
    targets: list[TargetRow] = field(default_factory=list)
    station: dict = field(default_factory=dict)
    created: str = ""
    name: str = ""  # the file name, for messages

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
