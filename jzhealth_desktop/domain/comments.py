"""One rule for the comment (说明) beside a figure, checked where it is typed, pasted or read in.

A comment the program accepts must be one it can deliver: every package carries it, the county and city
workbooks and the CSV export write it, and the reader gets back exactly what was saved. So, at entry:

- spaces at either end are dropped and line breaks become ``\\n`` (XML, and so every workbook, reads ``\\r\\n``
  and ``\\r`` back as ``\\n``: a comment kept with ``\\r`` would come back changed);
- control characters other than tab and line break, lone surrogates and U+FFFE/U+FFFF are refused (XML 1.0
  cannot hold them: the workbook export crashes and packages are refused at the city), naming the character;
- at most ``MAX_LENGTH`` characters (the exchange's limit for a text field).

Callers put the field's name in front of the message (``services/forms.py``).
"""

from __future__ import annotations

import re

from .errors import InputError

# = services/exchange/package_read.MAX_TEXT: what a package may carry (tests/test_forms_comments.py holds them equal).
MAX_LENGTH = 4000

_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_BREAKS = re.compile("\r\n?")


def tidy_comment(text: object) -> str:
    """The comment as it will be stored: trimmed, line breaks as ``\\n``; None is no comment. Raises InputError
    if it cannot be delivered, text or not (the message says what, without the field: the caller names it)."""
    if text is None:
        return ""
    if not isinstance(text, str):
        raise InputError("说明必须是文字", "a comment must be text")
    bad = _BAD.search(text)  # in what was typed: the position counts from its first character
    if bad is not None:
        code = f"U+{ord(bad.group()):04X}"
        raise InputError(f"说明含有不能保存的控制字符 {code}（第 {bad.start() + 1} 个字符），请删除后再保存",
                         f"the comment holds the control character {code} (character {bad.start() + 1}); remove it")
    tidy = _BREAKS.sub("\n", text).strip()
    if len(tidy) > MAX_LENGTH:
        raise InputError(f"说明过长（{len(tidy)} 字），最多 {MAX_LENGTH} 字",
                         f"the comment is too long ({len(tidy)} characters, at most {MAX_LENGTH})")
    return tidy
