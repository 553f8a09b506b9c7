"""The shipped CJK TrueType font, registered with ReportLab once per process.

WenQuanYi Micro Hei (resources/fonts, Apache-2.0 or GPLv3 with the font-embedding
exception) covers GBK Han, Latin, digits and the full-width punctuation. ReportLab
embeds a subset of every TrueType font it draws with, so each PDF carries its glyphs.
There is one weight: headings get weight from size and a stroked outline (see text.py).
"""

from __future__ import annotations

import threading

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ..paths import resources_dir

FONT = "JZSans"
FONT_FILE = "wqy-microhei.ttc"
_lock = threading.Lock()
_registered = False


def font_path():
    return resources_dir() / "fonts" / FONT_FILE


def register_fonts() -> str:
    """Register the CJK font (parsing the file only the first time); returns its ReportLab name."""
    global _registered
    if _registered:
        return FONT
    with _lock:
        if not _registered:
            pdfmetrics.registerFont(TTFont(FONT, str(font_path()), subfontIndex=0))
            _registered = True
    return FONT


def is_registered() -> bool:
    return _registered


def text_width(text: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, FONT, size)
