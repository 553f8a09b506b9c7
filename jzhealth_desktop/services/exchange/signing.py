"""Ed25519 signatures for package files: one key pair per station, the public key travels in the package.

Keys are kept as base64 of their 32 raw bytes (what a settings row and a manifest hold). A fingerprint is what
two clerks read to each other on the phone: the first 16 bytes of the public key's SHA-256, in eight groups of
four hex digits. Nothing here touches the store.
"""

from __future__ import annotations

import base64
import binascii
import hashlib

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat

ALGORITHM = "Ed25519"
KEY_BYTES = 32
SIGNATURE_BYTES = 64


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _raw(text: object, size: int) -> bytes | None:
    """The bytes of a base64 text of exactly ``size`` bytes, or None (anything else: wrong type, padding, size)."""
    if not isinstance(text, str) or not text.isascii():
        return None
    try:
        raw = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return None
    return raw if len(raw) == size and _b64(raw) == text else None


def new_private_key() -> str:
    key = Ed25519PrivateKey.generate()
    return _b64(key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption()))


def _private(private: str) -> Ed25519PrivateKey:
    raw = _raw(private, KEY_BYTES)
    if raw is None:
        raise ValueError("not an Ed25519 private key")
    return Ed25519PrivateKey.from_private_bytes(raw)


def public_key(private: str) -> str:
    return _b64(_private(private).public_key().public_bytes(Encoding.Raw, PublicFormat.Raw))


def is_public_key(text: object) -> bool:
    return _raw(text, KEY_BYTES) is not None


def sign(private: str, data: bytes) -> str:
    return _b64(_private(private).sign(data))


def verify(public: str, signature: object, data: bytes) -> bool:
    """True when ``signature`` (base64) is ``public``'s signature of exactly ``data``."""
    key, sig = _raw(public, KEY_BYTES), _raw(signature, SIGNATURE_BYTES)
    if key is None or sig is None:
        return False
    try:
        Ed25519PublicKey.from_public_bytes(key).verify(sig, data)
    except (InvalidSignature, ValueError):
        return False
    return True


def fingerprint(public: str) -> str:
    """「3F2A 91C0 …」: eight groups of four hex digits, to read out and compare."""
    raw = _raw(public, KEY_BYTES)
    digest = hashlib.sha256(raw if raw is not None else public.encode("utf-8", "replace")).hexdigest()[:32].upper()
    return " ".join(digest[i:i + 4] for i in range(0, 32, 4))


def same_fingerprint(typed: str, public: str) -> bool:
    """A typed fingerprint matches ``public``'s, ignoring spaces, dashes and case."""
    clean = "".join(ch for ch in str(typed).upper() if ch not in " -:\t")
    return bool(clean) and clean == fingerprint(public).replace(" ", "")
