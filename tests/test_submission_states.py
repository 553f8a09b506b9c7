"""The submission state machine (domain/submission.py): the one table every path follows."""

import pytest

from jzhealth_desktop.domain import submission as sm

# Written by hand from the workflow as the city runs it, not derived from MOVES.
EXPECTED = {
    ("submit", "draft"): "submitted", ("submit", "returned"): "submitted",
    ("approve", "submitted"): "approved",
    ("return", "submitted"): "returned",
    ("reopen", "approved"): "returned",
    ("edit", "submitted"): "draft", ("edit", "returned"): "draft",
}


@pytest.mark.parametrize("action", ["submit", "approve", "return", "reopen", "edit"])
@pytest.mark.parametrize("state", sm.STATES)
def test_every_move_from_every_state(action, state):
    expected = EXPECTED.get((action, state))
    if expected is None:
        with pytest.raises(sm.WorkflowError) as refused:
            sm.check_move(action, state, "修武县「医养结合」2021年")
        assert f"当前为“{sm.name(state)}”" in refused.value.zh and sm.MOVES[action].zh in refused.value.zh
    else:
        assert sm.check_move(action, state).target == expected


def test_only_approved_is_locked_and_versions_count_up_from_the_first():
    assert [s for s in sm.STATES if sm.is_locked(s)] == [sm.APPROVED]
    assert sm.next_version(None) == sm.FIRST_VERSION + 1
    assert sm.next_version(7) == 8


def test_reasons_where_a_reviewer_sends_a_form_back():
    for action in ("return", "reopen"):
        with pytest.raises(sm.InputError):
            sm.check_reason(sm.MOVES[action], "  ")
        assert sm.check_reason(sm.MOVES[action], " 数据有误 ") == "数据有误"
    assert sm.check_reason(sm.MOVES["approve"], "") == ""
