"""The audit log's codes in words, for the 修改记录 window: its kinds, subjects, form states, sources and notes.

The log keeps codes (``status``, ``submitted``, ``form``, ``approve: 请核实``) so it reads the same in any language;
a clerk reads words. A code this module does not know is shown as it is, never hidden.
"""

from __future__ import annotations

from datetime import datetime, timezone

from ...domain.submission import MOVES, NAMES
from ..history_dialog import source_name
from ..qt import QCoreApplication


def kind_name(action: str) -> str:
    names = {"value": QCoreApplication.translate("AuditWords", "figure"),
             "target": QCoreApplication.translate("AuditWords", "target"),
             "status": QCoreApplication.translate("AuditWords", "form state"),
             "account": QCoreApplication.translate("AuditWords", "account"),
             "store": QCoreApplication.translate("AuditWords", "store"),
             "deadline": QCoreApplication.translate("AuditWords", "due date"),
             "exchange": QCoreApplication.translate("AuditWords", "data package"),
             "key": QCoreApplication.translate("AuditWords", "signing key")}
    return names.get(action, action)


def state_name(state: str, english: bool) -> str:
    zh, en = NAMES.get(state, (state, state))
    return en if english else zh


def change_text(action: str, old: str | None, new: str | None, english: bool) -> str:
    """「已提交 → 已退回」 for a form state, the stored texts for anything else; ∅ for nothing."""
    if action == "status":
        old = state_name(old, english) if old else old
        new = state_name(new, english) if new else new
    return f"{old or '∅'} → {new or '∅'}"


def detail_text(action: str, detail: str, english: bool) -> str:
    """A form move's note 「退回：请核实」 (the log keeps ``return: 请核实``); other notes as they were written."""
    if action != "status" or not detail:
        return detail
    verb, _, reason = detail.partition(": ")
    move = MOVES.get(verb)
    if move is None:
        return detail
    word = move.en if english else move.zh
    if not reason:
        return word
    return f"{word}: {reason}" if english else f"{word}：{reason}"


def local_time(at: datetime) -> str:
    """The log keeps UTC; the clerk reads the PC's own clock."""
    return at.replace(tzinfo=timezone.utc).astimezone().strftime("%Y-%m-%d %H:%M:%S")


def source_label(source: str) -> str:
    return source_name(source)
