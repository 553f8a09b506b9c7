"""Refusals that carry their message in Chinese and English.

Every layer raises these; the CLI prints ``zh / en`` and the UI picks the
language it is showing.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Message:
    zh: str
    en: str

    def __str__(self) -> str:
        return f"{self.zh} / {self.en}"


class JzError(Exception):
    """A refusal with a bilingual message; nothing was changed."""

    def __init__(self, zh: str, en: str):
        super().__init__(f"{zh} / {en}")
        self.message = Message(zh, en)

    @property
    def zh(self) -> str:
        return self.message.zh

    @property
    def en(self) -> str:
        return self.message.en


class InputError(JzError):
    """A value, code or year the user gave is not acceptable."""


class StoreError(JzError):
    """The store file cannot be opened or used safely."""
