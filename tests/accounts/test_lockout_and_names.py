"""Sign-in lockout holds across parallel tries on one real SQLite file; names cannot hide characters or
outgrow their columns."""

import sqlite3
import threading
import unicodedata

import pytest
from hypothesis import given, settings, strategies as st

from jzhealth_desktop.domain.errors import InputError
from jzhealth_desktop.services import accounts
from jzhealth_desktop.services.access import ADMIN, AccessDenied, Principal
from jzhealth_desktop.services.context import open_context

PASSWORD = "Correct-horse-9"
TRIES = 12


@pytest.fixture
def li_store(store_path):
    ctx = open_context(str(store_path))
    accounts.add_user(ctx, "admin", ADMIN, PASSWORD)
    ctx.principal = Principal("admin", ADMIN)
    accounts.add_user(ctx, "li", "clerk", PASSWORD, "410821")
    ctx.close()
    return store_path


def _state(path):
    conn = sqlite3.connect(path)
    try:
        failed, locked = conn.execute("SELECT failed_attempts, locked_until FROM app_user WHERE name='li'").fetchone()
        locks = conn.execute("SELECT count(*) FROM audit_log WHERE subject='li' AND new_text='locked'").fetchone()[0]
    finally:
        conn.close()
    return failed, locked, locks


def _run(contexts, passwords):
    """Sign in with each password on its own context, all in parallel; returns the answer of each."""
    answers = [None] * len(passwords)

    def one(i):
        try:
            accounts.authenticate(contexts[i], "li", passwords[i])
            answers[i] = "signed in"
        except AccessDenied:
            answers[i] = "locked"
        except InputError:
            answers[i] = "wrong"

    threads = [threading.Thread(target=one, args=(i,)) for i in range(len(passwords))]
    for t in threads:
        t.start()
    return threads, answers


def test_parallel_wrong_passwords_count_only_up_to_the_lock(li_store, monkeypatch):
    contexts = [open_context(str(li_store)) for _ in range(TRIES)]
    checked = threading.Barrier(TRIES)
    real = accounts.verify_password

    def verify_together(password, stored):
        result = real(password, stored)
        checked.wait(timeout=60)  # every try has read an unlocked account before any one writes
        return result

    monkeypatch.setattr(accounts, "verify_password", verify_together)
    try:
        threads, answers = _run(contexts, ["wrong-password"] * TRIES)
        for t in threads:
            t.join()
    finally:
        for ctx in contexts:
            ctx.close()
    failed, locked, locks = _state(li_store)
    assert failed == accounts.MAX_TRIES and locked is not None and locks == 1
    assert sorted(answers) == ["locked"] * (TRIES - accounts.MAX_TRIES + 1) + ["wrong"] * (accounts.MAX_TRIES - 1)


def test_the_right_password_racing_wrong_ones_does_not_undo_the_lock(li_store, monkeypatch):
    contexts = [open_context(str(li_store)) for _ in range(10)]
    right_checking, wrong_done = threading.Event(), threading.Event()
    real = accounts.verify_password

    def verify(password, stored):
        result = real(password, stored)
        if password == PASSWORD:  # the right one is checked before the lock and answered after it
            right_checking.set()
            wrong_done.wait(timeout=60)
        return result

    monkeypatch.setattr(accounts, "verify_password", verify)
    try:
        right, right_answer = _run(contexts[:1], [PASSWORD])
        assert right_checking.wait(timeout=60)
        wrongs, answers = _run(contexts[1:], ["wrong-password"] * 9)
        for t in wrongs:
            t.join()
        wrong_done.set()
        right[0].join()
    finally:
        for ctx in contexts:
            ctx.close()
    assert right_answer == ["locked"]
    failed, locked, locks = _state(li_store)
    assert failed == accounts.MAX_TRIES and locked is not None and locks == 1


@pytest.mark.parametrize("name", [
    "shenhe\u200b", "\u200bshenhe", "shen\u200dhe", "shenhe\u2060", "\ufeffshenhe", "shenhe\u202e",
    "shen\u2066he\u2069", "shenhe\u061c", "shen\u3164he", "shenhe\u00ad", "shen\u3000he", "shen\x7fhe",
    "shenhe\ufe0f", "shen\u2800he", "shen\u180ehe",
])
def test_invisible_characters_in_a_user_name_are_refused(li_store, snapshot, name):
    ctx = open_context(str(li_store))
    ctx.principal = Principal("admin", ADMIN)
    before = snapshot(li_store)
    try:
        with pytest.raises(InputError, match=r"第 \d+ 个字符是.*U\+[0-9A-F]{4}") as err:
            accounts.add_user(ctx, name, "reviewer", PASSWORD)
        assert "U+" in err.value.en
        with pytest.raises(InputError, match="显示名"):
            accounts.add_user(ctx, "wang", "reviewer", PASSWORD, display_name=f"王{name}")
        with pytest.raises(InputError, match="显示名"):
            accounts.update_user(ctx, "li", display_name=f"李{name}")
    finally:
        ctx.close()
    assert snapshot(li_store) == before


def test_names_longer_than_their_columns_are_refused(li_store, snapshot):
    ctx = open_context(str(li_store))
    ctx.principal = Principal("admin", ADMIN)
    before = snapshot(li_store)
    try:
        # 60: the audit row's subject column holds the user name (61 crashed PostgreSQL's users add)
        assert accounts.NAME_MAX == 60 and accounts.DISPLAY_MAX == 64
        with pytest.raises(InputError, match="不能超过 60 个字符（现为 61 个）"):
            accounts.add_user(ctx, "名" * 61, "reviewer", PASSWORD)
        with pytest.raises(InputError, match="不能超过 64 个字符（现为 65 个）"):
            accounts.add_user(ctx, "wang", "reviewer", PASSWORD, display_name="王" * 65)
        assert snapshot(li_store) == before
        made = accounts.add_user(ctx, "名" * 60, "reviewer", PASSWORD, display_name="王 " * 32)
        assert made.name == "名" * 60 and made.display_name == ("王 " * 32).strip()
    finally:
        ctx.close()


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=20))
def test_a_name_that_is_accepted_shows_every_character(text):
    try:
        name = accounts._clean_name(text)
    except InputError:
        return
    assert 1 <= len(name) <= accounts.NAME_MAX
    for ch in name:
        assert unicodedata.category(ch) not in ("Cc", "Cf", "Co", "Cs", "Cn", "Zs", "Zl", "Zp")


def test_a_long_name_is_refused_on_either_engine(any_ctx, any_store, snapshot):
    before = snapshot(str(any_store))
    with pytest.raises(InputError, match="不能超过 60 个字符"):
        accounts.add_user(any_ctx, "a" * 61, ADMIN, PASSWORD)
    assert snapshot(str(any_store)) == before


def test_migrate_store_refuses_a_name_longer_than_its_column_before_writing(store_path, tmp_path):
    from jzhealth_desktop.domain.errors import StoreError
    from jzhealth_desktop.services.migrate_store import migrate_store

    ctx = open_context(str(store_path))
    ctx.close()
    conn = sqlite3.connect(store_path)  # a store written before names were checked
    conn.execute("INSERT INTO app_user (name, display_name, role, password_hash, failed_attempts, active, "
                 "created_at) VALUES (?, '', 'admin', '', 0, 1, '2021-01-01 00:00:00.000000')", ("名" * 65,))
    conn.commit()
    conn.close()
    target = tmp_path / "copy.sqlite"
    with pytest.raises(StoreError, match="app_user.*name 有 65 个字符，超过该列的 64 个") as err:
        migrate_store(str(store_path), str(target))
    assert "Nothing was written" in err.value.en
    conn = sqlite3.connect(target)
    assert conn.execute("SELECT count(*) FROM app_user").fetchone() == (0,)
    conn.close()
