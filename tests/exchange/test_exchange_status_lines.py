"""A package's status line names its states in their own fields (``Item.status``: what this store holds, what the
file brings), and a target line its comparison (``Item.comparison``); the comment fields stay a value's."""

from __future__ import annotations

from jzhealth_desktop.services.exchange import build_preview, commit_import, read_package
from jzhealth_desktop.services.exchange.preview import NEW, StatusMove

from .conftest import COUNTY, YEAR


def test_a_submitted_form_is_a_status_move_from_nothing_to_submitted(package, city_ctx):
    preview = build_preview(city_ctx, read_package(package))
    lines = {i.code: i for g in preview.groups for i in g.items[NEW] if i.kind == "status"}
    line = lines["immunization"]  # the county fixture submitted it
    assert line.status == StatusMove(stored="", brought="submitted")
    assert (line.old, line.new) == ("无", "已提交")  # shown as names
    assert (line.old_comment, line.new_comment, line.comparison) == ("", "", "")
    assert all(i.status is None for g in preview.groups for group in g.items.values() for i in group
               if i.kind != "status")
    commit_import(city_ctx, preview)
    from jzhealth_desktop.services.workflow import get_status

    assert get_status(city_ctx, COUNTY, YEAR, "immunization").status == "submitted"
