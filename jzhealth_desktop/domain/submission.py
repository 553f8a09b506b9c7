"""The submission state machine of one form (county × year × domain): its states, its moves, its version rule.

::

    (empty) ──first save──▶ draft ──submit──▶ submitted ──approve──▶ approved
                              ▲  ▲               │                     │
                              │  └──edit─────────┤ return              │ reopen
                              │                  ▼                     │
                              └──────edit──── returned ◀───────────────┘
                                                 └──submit──▶ submitted

*edit* is the move a save makes when it changes the figures of a submitted or returned form: the form
goes back to draft, so a reviewer never approves figures they did not see. Approved figures are locked.
This module is the one owner of these rules; services/submission.py applies them to the store.
"""

from __future__ import annotations

from dataclasses import dataclass

from .errors import InputError

EMPTY, DRAFT, SUBMITTED, APPROVED, RETURNED = "empty", "draft", "submitted", "approved", "returned"
STORED = (DRAFT, SUBMITTED, APPROVED, RETURNED)  # the states a submission row can hold
STATES = (EMPTY, *STORED)  # EMPTY: no row yet and no figure typed
NAMES = {EMPTY: ("未填报", "not started"), DRAFT: ("草稿", "draft"), SUBMITTED: ("已提交", "submitted"),
         APPROVED: ("已审核通过", "approved"), RETURNED: ("已退回", "returned")}
FIRST_VERSION = 1  # a new submission row; every move adds one


@dataclass(frozen=True)
class Move:
    action: str
    sources: tuple[str, ...]  # the states it may start from
    target: str
    right: str  # the access right (services/access.py) the actor needs on the form's org unit
    needs_reason: bool
    zh: str  # the verb, for messages
    en: str


MOVES = {m.action: m for m in (
    Move("submit", (DRAFT, RETURNED), SUBMITTED, "submission.submit", False, "提交", "submit"),
    Move("approve", (SUBMITTED,), APPROVED, "submission.review", False, "审核通过", "approve"),
    Move("return", (SUBMITTED,), RETURNED, "submission.review", True, "退回", "return"),
    Move("reopen", (APPROVED,), RETURNED, "submission.review", True, "重新打开", "reopen"),
    Move("edit", (SUBMITTED, RETURNED), DRAFT, "values.write", False, "修改", "edit"),
)}


class WorkflowError(InputError):
    """The form is not in a state that allows this step; nothing changed."""


def name(state: str) -> str:
    """The state's Chinese name (an unknown state is shown as it is)."""
    return NAMES.get(state, (state, state))[0]


def is_locked(state: str) -> bool:
    """Figures of a form in this state may not be changed by anyone."""
    return state == APPROVED


def next_version(version: int | None) -> int:
    return (version or FIRST_VERSION) + 1


def check_move(action: str, current: str, form: str = "") -> Move:
    """The move for ``action`` from ``current``, or WorkflowError naming the state (``form`` says which form)."""
    move = MOVES[action]
    if current not in move.sources:
        zh_now, en_now = NAMES.get(current, (current, current))
        raise WorkflowError(f"{form}当前为“{zh_now}”，不能{move.zh}", f"{form or 'the form'} is {en_now}; cannot {move.en}")
    return move


def check_reason(move: Move, reason: str) -> str:
    reason = (reason or "").strip()
    if move.needs_reason and not reason:
        raise InputError("请填写理由", "a reason is required")
    return reason
