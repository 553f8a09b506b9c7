"""The menus are built in one place from declarations (ui/menus.py): every item keeps its text, Alt key, shortcut,
object name and right, in the order and groups the clerk knows; a declaration names a real menu and one action."""

from __future__ import annotations

import pytest

from jzhealth_desktop.ui.menu_action import MenuAction
from jzhealth_desktop.ui.menus import ensure_mnemonics

SEPARATOR = "----"
# What a county station shows (Chinese), Alt keys as each menu gives them when it opens.
LAYOUT = [
    ('file', '文件(&F)'),
    ('保存(&S)', 'save', 'Ctrl+S', 'values.write'),
    ('重新载入(&R)', 'reload', 'F5', ''),
    SEPARATOR,
    ('导出数据包(&E)…', 'exportPackage', '', 'exchange.export'),
    ('导入数据包(&I)…', 'importPackage', '', 'exchange.import'),
    ('导出Excel(&X)…', 'exportExcel', '', 'exchange.export'),
    ('导入Excel(&M)…', 'importExcel', '', 'exchange.import'),
    SEPARATOR,
    ('退出(&Q)', 'quit', 'Ctrl+Q', ''),
    ('data', '数据(&D)'),
    ('撤销上一步修改(&U)', 'undoEdit', 'Ctrl+Z', ''),
    ('放弃全部未保存的修改(&D)', 'discardEdits', '', ''),
    SEPARATOR,
    ('编辑此数据的说明(&C)', 'editComment', 'Ctrl+M', ''),
    ('此数据的修改历史(&H)', 'figureHistory', 'Ctrl+H', ''),
    SEPARATOR,
    ('表单视图(&F)', 'formView', 'Ctrl+1', ''),
    ('表格视图(&G)', 'gridView', 'Ctrl+2', ''),
    ('下一个领域(&N)', 'nextDomain', 'Ctrl+PgDown', ''),
    ('上一个领域(&P)', 'previousDomain', 'Ctrl+PgUp', ''),
    ('领域列表(&L)', 'domainList', 'Ctrl+L', ''),
    SEPARATOR,
    ('下一个问题(&I)', 'nextIssue', 'F8', ''),
    ('上一个问题(&V)', 'previousIssue', 'Shift+F8', ''),
    ('转到下一个未填必填项(&R)', 'nextRequired', 'Ctrl+E', ''),
    ('查找指标(&S)…', 'findField', 'Ctrl+F', ''),
    ('reports', '报表(&R)'),
    ('生成报表(&B)…', 'buildReport', '', 'reports.build'),
    ('review', '审核(&V)'),
    ('完成情况(&C)', 'completenessView', 'Ctrl+3', ''),
    SEPARATOR,
    ('提交(&S)…', 'submitForm', '', 'submission.submit'),
    ('提交本年全部已完成表单(&A)…', 'submitAll', '', 'submission.submit'),
    ('审核通过(&P)', 'approveForm', '', 'submission.review'),
    ('退回(&E)…', 'returnForm', '', 'submission.review'),
    ('重新打开(&O)…', 'reopenForm', '', 'submission.review'),
    ('修改记录(&L)…', 'auditLog', '', 'audit.read'),
    ('tools', '工具(&T)'),
    ('语言(&L)', 'languageMenu', '', ''),
    SEPARATOR,
    ('立即备份(&B)', 'backupNow', '', 'store.backup'),
    ('恢复备份(&R)…', 'restoreBackup', '', 'store.maintain'),
    ('用户管理(&U)…', 'manageUsers', '', 'accounts.manage'),
    ('截止日期(&D)…', 'editDeadlines', '', 'deadlines.write'),
    ('年度目标(&T)…', 'editTargets', '', 'targets.write'),
    ('help', '帮助(&H)'),
    ('使用说明(&U)', 'userGuide', 'F1', ''),
    ('关于(&A)', 'about', '', ''),
]


def layout(window) -> list:
    shown: list = []
    for key, menu in window.menus.items():
        ensure_mnemonics(menu.actions())  # what opening the menu does
        shown.append((key, menu.title()))
        for action in menu.actions():
            if action.isSeparator():
                shown.append(SEPARATOR)
                continue
            shown.append((action.text(), action.objectName(), action.shortcut().toString(),
                          action.property("right") or ""))
    return shown


def test_every_menu_item_keeps_its_text_alt_key_shortcut_name_and_right(qtbot, open_window, store_path,
                                                                         no_questions):
    window = open_window(store_path)
    assert layout(window) == LAYOUT
    assert [a.text() for a in window.action("languageMenu").menu().actions()] == ["简体中文", "English"]


def test_rights_are_mirrored_from_the_declarations(qtbot, open_window, store_path, no_questions):
    from jzhealth_desktop.services.access import REVIEWER, Principal

    window = open_window(store_path)
    window.ctx.principal = Principal("wang", REVIEWER)
    window.mirror_rights()
    enabled = {a.objectName(): a.isEnabled() for _spec, a in window.placed}
    assert enabled["approveForm"] and not enabled["submitForm"] and not enabled["save"]
    assert enabled["quit"] and enabled["userGuide"]  # no right needed


@pytest.mark.parametrize("wrong", [dict(menu="edit"), dict(handler=None), dict(submenu=lambda w, m: None)])
def test_a_declaration_names_a_real_menu_and_one_thing_to_do(wrong):
    item = dict(menu="file", group=0, order=0, context="x", text="x", name="x", handler=lambda w: lambda: None)
    with pytest.raises(ValueError):
        MenuAction(**{**item, **wrong})


def test_no_two_items_of_a_menu_share_an_alt_key_in_english():
    """The English texts are the declarations' own (no translator): an Alt key two items of one menu share only
    cycles between them (审核's "Submit &all…" and "&Approve" once did)."""
    import importlib

    from jzhealth_desktop.ui import window_actions
    from jzhealth_desktop.ui.features import FEATURE_MODULES, declared_actions
    from jzhealth_desktop.ui.menus import mnemonic_of

    declared = list(window_actions.ACTIONS) + declared_actions(importlib.import_module(m) for m in FEATURE_MODULES)
    by_menu: dict[str, dict[str, list[str]]] = {}
    for action in declared:
        letter = mnemonic_of(action.text)
        if letter:
            by_menu.setdefault(action.menu, {}).setdefault(letter, []).append(action.text)
    shared = {menu: {k: v for k, v in letters.items() if len(v) > 1} for menu, letters in by_menu.items()}
    assert {menu: s for menu, s in shared.items() if s} == {}
    assert len(by_menu) >= 5  # the menus were really read
