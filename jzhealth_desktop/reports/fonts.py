"""The shipped CJK TrueType faces, registered with ReportLab once per process.

Two faces, as the daily's pages are set: Song (Ming) for body text and Hei for heads.
- ``SONG``: jz-song.ttf, a subset of AR PL UMing CN (ARPHIC PUBLIC LICENSE; see
  resources/fonts/jz-song-README.txt and tools/make_song_font.py): GB 2312 plus every
  character the catalogue, org units, demo and translations use.
- ``HEI`` (= ``FONT``, the name the table styles use): WenQuanYi Micro Hei (Apache-2.0 or
  GPLv3 with the font-embedding exception), GBK Han, Latin, digits, full-width punctuation.
ReportLab embeds only TrueType outlines, and a subset of every font it draws with, so
each PDF carries its glyphs. A character the Song subset lacks (a rare name outside
GB 2312) is drawn in Hei rather than as an empty box (see ``face_for``).
"""

from __future__ import annotations

import struct
import threading
from functools import lru_cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ..paths import resources_dir

HEI = "JZSans"
SONG = "JZSong"
FONT = HEI  # the heading/table face; kept under its old name for the documents that use it
FONT_FILE = "wqy-microhei.ttc"
SONG_FILE = "jz-song.ttf"
_lock = threading.Lock()
_registered = False
_song_chars: frozenset[int] = frozenset()


def font_path():
    return resources_dir() / "fonts" / FONT_FILE


def song_path():
    return resources_dir() / "fonts" / SONG_FILE


def register_fonts() -> str:
    """Register both faces (parsing the files only the first time); returns the Hei name."""
    global _registered, _song_chars
    if _registered:
        return FONT
    with _lock:
        if not _registered:
            pdfmetrics.registerFont(TTFont(HEI, str(font_path()), subfontIndex=0))
            song = TTFont(SONG, str(song_path()))
            pdfmetrics.registerFont(song)
            _song_chars = frozenset(song.face.charToGlyph)
            _registered = True
    return FONT


def face_for(char: str, font: str) -> str:
    """The face that has ``char``: ``font`` itself, or Hei when the Song subset lacks it."""
    if font == SONG and ord(char) not in _song_chars:
        return HEI
    return font


@lru_cache(maxsize=65536)
def char_width(char: str, font: str, size: float) -> float:
    return pdfmetrics.stringWidth(char, face_for(char, font), size)


def text_width(text: str, size: float, font: str = FONT) -> float:
    if font != SONG:
        return pdfmetrics.stringWidth(text, font, size)
    return sum(char_width(c, font, size) for c in text)


# Closing marks set in the left half of their em: a tight line may take in the empty right half (clreq).
CLOSING = frozenset("，。、；：！？）》」』】〕〉”’")


@lru_cache(maxsize=4096)
def squeeze(char: str, font: str) -> float:
    """How much of ``char``'s advance (in em) may be taken in without touching its ink: the empty
    space right of the glyph less 0.05 em, at most half an em; 0 for anything but a closing mark."""
    if char not in CLOSING:
        return 0.0
    face = pdfmetrics.getFont(face_for(char, font)).face
    glyph = face.charToGlyph.get(ord(char))
    if glyph is None:
        return 0.0
    start = face.get_table_pos("glyf")[0] + face.glyphPos[glyph]
    if face.glyphPos[glyph + 1] == face.glyphPos[glyph]:  # an empty glyph
        return 0.5
    x_max = struct.unpack(">h", face._ttf_data[start + 6:start + 8])[0] / face.unitsPerEm
    advance = face.charWidths.get(ord(char), face.defaultWidth) / 1000
    return max(0.0, min(0.5, advance - x_max - 0.05))
