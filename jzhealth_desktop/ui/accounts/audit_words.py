"""The audit log's codes in words, for the 修改记录 window: its kinds, form states, accounts and notes
(the sources are named by ``history_dialog.source_name``, as in a figure's history).

The log keeps codes (``status``, ``submitted``, ``form``, ``approve: 请核实``) so it reads the same in any language;
a clerk reads words. A code this module does not know is shown as it is, never hidden.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, timezone

from ...domain.submission import MOVES, NAMES
from ...services.access import ROLE_NAMES
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


# What services/accounts.py writes about an account (its notes, and "locked" as the new state).
ACCOUNT_NOTES = {"created": ("新建账户", "account created"), "changed": ("修改账户", "account changed"),
                 "password changed": ("修改了自己的密码", "own password changed"),
                 "password reset": ("重设密码", "password reset"), "locked": ("已锁定", "locked")}
_WRONG_PASSWORDS = re.compile(r"(\d+) wrong passwords")


def account_state(text: str, english: bool, unit_name: Callable[[str], str]) -> str:
    """「县级统计员（博爱县），已停用」 for the log's ``clerk@410822 inactive``; anything else as it is."""
    if text in ACCOUNT_NOTES:
        return ACCOUNT_NOTES[text][1 if english else 0]
    head, *rest = text.split(" ")
    role, _, org = head.partition("@")
    if role not in ROLE_NAMES or rest not in ([], ["inactive"]):
        return text
    words = ROLE_NAMES[role][1 if english else 0]
    if org:
        words += f" ({unit_name(org)})" if english else f"（{unit_name(org)}）"
    if rest:
        words += ", disabled" if english else "，已停用"
    return words


def change_text(action: str, old: str | None, new: str | None, english: bool,
                unit_name: Callable[[str], str] = str) -> str:
    """「已提交 → 已退回」 for a form state, an account's role and county in words, the stored texts for anything
    else; ∅ for nothing."""
    if action == "status":
        old = state_name(old, english) if old else old
        new = state_name(new, english) if new else new
    elif action == "account":
        old = account_state(old, english, unit_name) if old else old
        new = account_state(new, english, unit_name) if new else new
    return f"{old or '∅'} → {new or '∅'}"


def detail_text(action: str, detail: str, english: bool) -> str:
    """A form move's note 「退回：请核实」 (the log keeps ``return: 请核实``), an account's in words; other notes as
    they were written."""
    if action == "account" and detail in ACCOUNT_NOTES:
        return ACCOUNT_NOTES[detail][1 if english else 0]
    wrong = _WRONG_PASSWORDS.fullmatch(detail) if action == "account" else None
    if wrong:
        return f"{wrong[1]} wrong passwords" if english else f"连续 {wrong[1]} 次密码错误"
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
