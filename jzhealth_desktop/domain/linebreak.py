"""Chinese line breaking (禁则): where a line of mixed Chinese text may end.

ReportLab's CJK wrap uses a Japanese-oriented list and lets a line start with
，；：？！”》. Here a line never starts with closing punctuation and never ends
with opening punctuation: a closing mark is glued to the character before it,
an opening mark to the character after it, and digits with their decimal point
and unit sign (2.91‰, 4.82/10万, 8465.01) stay on one line.

Pure: the caller passes the width function (the font's metrics).
"""

from __future__ import annotations

import re
from typing import Callable, Sequence

NO_START = frozenset("，。、；：？！）》」』】〕〉”’…—·%％‰,.;:?!)]}")
NO_END = frozenset("（《「『【〔〈“‘([{")

# Runs that must not be split: numbers with their sign or per-unit, a bare per-unit as a column head
# writes it (「（/10万）」), Latin words.
_MEASURE = re.compile(r"[\u4e00-\u9fff]")
_ATOM = re.compile(r"\d+(?:[.,]\d+)*(?:/10万|[%‰％])?|/\d+[万千]?|[A-Za-z][A-Za-z0-9_\-]*|\s+|.", re.S)


def atoms(text: str) -> list[str]:
    """Unbreakable pieces of ``text``, with closing marks glued before and opening marks after."""
    raw = _ATOM.findall(text)
    glued: list[str] = []
    carry = ""  # opening marks waiting for the next piece
    for piece in raw:
        if glued and not carry and len(piece) == 1 and _MEASURE.match(piece) and glued[-1][-1:].isdigit():
            glued[-1] += piece  # a number keeps its measure word: 42家, 2021年
        elif piece and piece[0] in NO_START and glued and not carry:
            if glued[-1].isspace() and len(glued) > 1:  # no break at the space before a closing mark
                space = glued.pop()
                glued[-1] += space
            glued[-1] += piece
        elif piece in NO_END or (carry and piece.isspace()):
            carry += piece  # an opening mark waits, across spaces, for the piece it opens
        else:
            glued.append(carry + piece)
            carry = ""
    if carry:
        if glued:
            glued[-1] += carry
        else:
            glued.append(carry)
    return glued


def break_lines(text: str, width: Callable[[str], float], max_width: float,
                first_width: float | None = None) -> list[str]:
    """Greedy lines of at most ``max_width`` (``first_width`` for the first, e.g. after an indent).

    A piece wider than a whole line (a very long Latin run) is cut by characters.
    Spaces at a line's ends are dropped.
    """
    lines: list[str] = []
    for paragraph in text.split("\n"):
        limit = first_width if first_width is not None and not lines else max_width
        current, used = "", 0.0
        for piece in atoms(paragraph):
            w = width(piece)
            if current and used + w > limit + 1e-6:
                lines.append(current.rstrip())
                limit = max_width
                current, used = piece.lstrip(), width(piece.lstrip())
            else:
                current += piece
                used += w
            while used > limit + 1e-6 and len(current) > 1:  # a single piece longer than a line
                cut = _cut(current, width, limit)
                if cut is None:  # no legal cut: let this piece overhang rather than break a rule
                    break
                lines.append(current[:cut].rstrip())
                limit = max_width
                current = current[cut:].lstrip()
                used = width(current)
        lines.append(current.rstrip())
    return lines


def _cut(text: str, width: Callable[[str], float], limit: float) -> int | None:
    """The longest legal prefix length of ``text`` that fits ``limit``, or None."""
    for cut in range(len(text) - 1, 0, -1):
        if text[cut:].lstrip()[:1] in NO_START or text[:cut].rstrip()[-1:] in NO_END:
            continue
        if width(text[:cut]) <= limit + 1e-6:
            return cut
    return None


def violations(lines: Sequence[str]) -> list[tuple[int, str]]:
    """Lines that break the rules: (line index, line); spaces are ignored."""
    bad = []
    for index, line in enumerate(lines):
        text = "".join(line.split())
        if not text:
            continue
        if text[0] in NO_START or text[-1] in NO_END:
            bad.append((index, line))
    return bad
