"""Password hashing: salted scrypt (memory-hard), parameters stored beside each hash.

A stored hash reads ``scrypt$N$r$p$salt$key`` (salt and key base64), so the
cost can be raised later without breaking old hashes. The password itself is
never stored, logged or put into a message.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from functools import lru_cache

from ..domain.errors import InputError

# OWASP's minimum for scrypt: N=2^17, r=8, p=1 (128 MiB, about 0.3 s here) — slow for a guesser, fine for a login.
COST_N, BLOCK_R, PARALLEL_P = 2 ** 17, 8, 1
KEY_BYTES, SALT_BYTES = 32, 16
MIN_LENGTH, MAX_LENGTH = 8, 256


def _kdf(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p,
                          maxmem=2 * 128 * n * r + 1024 * 1024, dklen=KEY_BYTES)


def check_strength(password: str) -> None:
    """Refuse passwords that are too short or too long (the message never repeats the password)."""
    if len(password) < MIN_LENGTH:
        raise InputError(f"密码至少需要 {MIN_LENGTH} 个字符", f"the password needs at least {MIN_LENGTH} characters")
    if len(password) > MAX_LENGTH:
        raise InputError(f"密码不能超过 {MAX_LENGTH} 个字符", f"the password cannot exceed {MAX_LENGTH} characters")
    if not password.strip():
        raise InputError("密码不能全是空格", "the password cannot be only spaces")


def hash_password(password: str) -> str:
    salt = os.urandom(SALT_BYTES)
    key = _kdf(password, salt, COST_N, BLOCK_R, PARALLEL_P)
    b64 = base64.b64encode
    return f"scrypt${COST_N}${BLOCK_R}${PARALLEL_P}${b64(salt).decode()}${b64(key).decode()}"


def verify_password(password: str, stored: str) -> bool:
    """True when ``password`` matches ``stored``; an unreadable hash never matches."""
    try:
        scheme, n, r, p, salt, key = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(key)
        actual = _kdf(password, base64.b64decode(salt), int(n), int(r), int(p))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


@lru_cache(maxsize=1)
def _dummy() -> str:
    return hash_password("not-a-real-password")


def burn_time(password: str) -> None:
    """Checked when the user name is unknown, so a wrong name costs as long as a wrong password."""
    verify_password(password, _dummy())
