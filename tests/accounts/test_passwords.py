import pytest

from jzhealth_desktop.domain.errors import InputError
from jzhealth_desktop.services import passwords


def test_hash_is_salted_scrypt_at_the_real_cost(monkeypatch):
    monkeypatch.setattr(passwords, "COST_N", 2 ** 17)  # undo the quick fixture: the shipped parameters
    first = passwords.hash_password("correct horse")
    second = passwords.hash_password("correct horse")
    scheme, n, r, p, salt, key = first.split("$")
    assert (scheme, int(n), int(r), int(p)) == ("scrypt", 2 ** 17, 8, 1)
    assert first != second  # a fresh salt each time
    assert "correct horse" not in first
    assert passwords.verify_password("correct horse", first)
    assert not passwords.verify_password("correct hors", first)


def test_old_hashes_keep_verifying_after_the_cost_changes(monkeypatch):
    old = passwords.hash_password("abcdefgh1")
    monkeypatch.setattr(passwords, "COST_N", 2 ** 13)
    assert passwords.verify_password("abcdefgh1", old)


@pytest.mark.parametrize("stored", ["", "plain", "md5$x$y", "scrypt$x$8$1$AAAA$AAAA"])
def test_unreadable_hash_never_matches(stored):
    assert not passwords.verify_password("anything-long", stored)


@pytest.mark.parametrize("bad", ["short", "1234567", " " * 12, "x" * 300])
def test_weak_passwords_are_refused_without_echoing_them(bad):
    with pytest.raises(InputError) as err:
        passwords.check_strength(bad)
    assert bad.strip() not in str(err.value) or not bad.strip()
