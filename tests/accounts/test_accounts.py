from datetime import timedelta

import pytest

from jzhealth_desktop.domain.errors import InputError, JzError
from jzhealth_desktop.services import accounts
from jzhealth_desktop.services.access import ADMIN, CLERK, REVIEWER, AccessDenied, Principal

PASSWORD = "Zz-secret-4711"


def _admin(ctx):
    accounts.add_user(ctx, "admin", ADMIN, PASSWORD)
    accounts.sign_in(ctx, "admin", PASSWORD)


def test_first_account_must_be_an_administrator(ctx, store_path, snapshot):
    before = snapshot(store_path)
    with pytest.raises(InputError, match="第一个账户必须是管理员"):
        accounts.add_user(ctx, "li", CLERK, PASSWORD, "410821")
    assert snapshot(store_path) == before
    assert not accounts.has_users(ctx)
    accounts.add_user(ctx, "admin", ADMIN, PASSWORD)
    assert accounts.has_users(ctx)


def test_after_the_first_account_only_a_signed_in_admin_adds_users(ctx):
    _admin(ctx)
    accounts.add_user(ctx, "li", CLERK, PASSWORD, "410821")
    accounts.add_user(ctx, "wang", REVIEWER, PASSWORD)
    ctx.principal = accounts.authenticate(ctx, "li", PASSWORD)
    with pytest.raises(AccessDenied):
        accounts.add_user(ctx, "zhao", CLERK, PASSWORD, "410821")
    with pytest.raises(AccessDenied):
        accounts.list_users(ctx)
    ctx.principal = Principal("admin", ADMIN)
    assert [(u.name, u.role, u.org) for u in accounts.list_users(ctx)] == [
        ("admin", ADMIN, None), ("li", CLERK, "410821"), ("wang", REVIEWER, None)]


@pytest.mark.parametrize("name, role, org, message", [
    ("li si", CLERK, "410821", "空格"),
    ("li", "boss", None, "角色"),
    ("li", CLERK, None, "必须指定所属县"),
    ("li", CLERK, "410800", "不是县级单位"),
    ("li", CLERK, "999999", "未知的单位代码"),
    ("admin", ADMIN, None, "已存在"),
])
def test_bad_accounts_are_refused_and_change_nothing(ctx, store_path, snapshot, name, role, org, message):
    _admin(ctx)
    before = snapshot(store_path)
    with pytest.raises(InputError, match=message):
        accounts.add_user(ctx, name, role, PASSWORD, org)
    assert snapshot(store_path) == before


def test_signing_in_gives_the_principal(ctx):
    _admin(ctx)
    accounts.add_user(ctx, "li", CLERK, PASSWORD, "410821")
    principal = accounts.sign_in(ctx, "li", PASSWORD)
    assert principal == Principal("li", CLERK, "410821")
    assert ctx.principal == principal and ctx.user == "li"


def test_wrong_name_and_wrong_password_get_the_same_message(ctx):
    _admin(ctx)
    with pytest.raises(InputError) as unknown:
        accounts.authenticate(ctx, "nobody", PASSWORD)
    with pytest.raises(InputError) as wrong:
        accounts.authenticate(ctx, "admin", "wrong-password")
    assert str(unknown.value) == str(wrong.value) == "用户名或密码错误 / wrong user name or password"


def test_five_wrong_passwords_lock_the_account_with_a_growing_delay(ctx, clock):
    _admin(ctx)
    accounts.add_user(ctx, "li", CLERK, PASSWORD, "410821")
    for _ in range(4):
        with pytest.raises(InputError, match="用户名或密码错误"):
            accounts.authenticate(ctx, "li", "bad-password", clock)
    with pytest.raises(AccessDenied, match="已锁定，请 1 分钟后再试"):
        accounts.authenticate(ctx, "li", "bad-password", clock)
    # locked: even the right password is refused until the delay has passed
    clock.advance(seconds=59)
    with pytest.raises(AccessDenied, match="已锁定"):
        accounts.authenticate(ctx, "li", PASSWORD, clock)
    clock.advance(seconds=2)
    # the sixth wrong try in a row doubles the delay, the seventh doubles it again
    with pytest.raises(AccessDenied, match="请 2 分钟后再试"):
        accounts.authenticate(ctx, "li", "bad-password", clock)
    clock.advance(minutes=2, seconds=1)
    with pytest.raises(AccessDenied, match="请 4 分钟后再试"):
        accounts.authenticate(ctx, "li", "bad-password", clock)
    clock.advance(minutes=4, seconds=1)
    assert accounts.authenticate(ctx, "li", PASSWORD, clock).name == "li"
    # a success clears the count: four more wrong tries do not lock
    for _ in range(4):
        with pytest.raises(InputError, match="用户名或密码错误"):
            accounts.authenticate(ctx, "li", "bad-password", clock)
    assert accounts.authenticate(ctx, "li", PASSWORD, clock).name == "li"


def test_lock_delay_grows_and_is_capped():
    delays = [accounts.lock_delay(n) for n in range(4, 40)]
    assert delays[0] == timedelta(0)
    assert delays[1] == timedelta(minutes=1) and delays[2] == timedelta(minutes=2)
    assert all(a <= b for a, b in zip(delays, delays[1:]))
    assert delays[-1] == timedelta(days=1)


def test_admin_reset_unlocks_and_replaces_the_password(ctx, clock):
    _admin(ctx)
    accounts.add_user(ctx, "li", CLERK, PASSWORD, "410821")
    for _ in range(5):
        with pytest.raises(JzError):
            accounts.authenticate(ctx, "li", "bad-password", clock)
    accounts.set_password(ctx, "li", "New-pass-2022")
    assert accounts.authenticate(ctx, "li", "New-pass-2022", clock).name == "li"
    with pytest.raises(InputError):
        accounts.authenticate(ctx, "li", PASSWORD, clock)


def test_a_user_changes_their_own_password_only_with_the_old_one(ctx):
    _admin(ctx)
    accounts.add_user(ctx, "li", CLERK, PASSWORD, "410821")
    accounts.sign_in(ctx, "li", PASSWORD)
    with pytest.raises(InputError, match="原密码不正确"):
        accounts.set_password(ctx, "li", "Another-pass-1", old_password="not-it-at-all")
    with pytest.raises(AccessDenied):  # without the old password it would be a reset: admin only
        accounts.set_password(ctx, "li", "Another-pass-1")
    with pytest.raises(AccessDenied):
        accounts.set_password(ctx, "admin", "Another-pass-1", old_password=PASSWORD)
    accounts.set_password(ctx, "li", "Another-pass-1", old_password=PASSWORD)
    assert accounts.authenticate(ctx, "li", "Another-pass-1").name == "li"


def test_disabled_account_cannot_sign_in_and_the_last_admin_stays(ctx, store_path, snapshot):
    _admin(ctx)
    accounts.add_user(ctx, "li", CLERK, PASSWORD, "410821")
    accounts.update_user(ctx, "li", active=False)
    with pytest.raises(InputError, match="已停用"):
        accounts.authenticate(ctx, "li", PASSWORD)
    before = snapshot(store_path)
    with pytest.raises(InputError, match="至少要保留一个"):
        accounts.update_user(ctx, "admin", active=False)
    with pytest.raises(InputError, match="至少要保留一个"):
        accounts.update_user(ctx, "admin", role=REVIEWER)
    assert snapshot(store_path) == before


def test_no_password_in_store_audit_or_messages(ctx, store_path, snapshot, clock):
    secrets = ["Zz-secret-4711", "Wrong-guess-99", "Reset-pass-777", "Own-change-555"]
    accounts.add_user(ctx, "admin", ADMIN, secrets[0])
    accounts.sign_in(ctx, "admin", secrets[0])
    accounts.add_user(ctx, "li", CLERK, secrets[0], "410821")
    messages = []
    for _ in range(6):
        with pytest.raises(JzError) as err:
            accounts.authenticate(ctx, "li", secrets[1], clock)
        messages.append(str(err.value))
    accounts.set_password(ctx, "li", secrets[2])
    ctx.principal = accounts.authenticate(ctx, "li", secrets[2], clock.__class__(clock.now + timedelta(days=2)))
    with pytest.raises(InputError) as err:
        accounts.set_password(ctx, "li", secrets[3], old_password=secrets[1])
    messages.append(str(err.value))
    text = "\n".join(snapshot(store_path)) + "\n".join(messages)
    for secret in secrets:
        assert secret not in text
    # the account events are in the audit log, without any password
    assert "password reset" in text and "locked" in text
