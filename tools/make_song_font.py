"""Make resources/fonts/jz-song.ttf, the Song (Ming) body face of the printed reports.

Source: AR PL UMing CN (face 0 of uming.ttc, Debian package fonts-arphic-uming),
TrueType outlines already — ReportLab embeds only TrueType, so no CFF conversion is
needed. Subset to GB 2312's symbols and level-1 Han (3755 common characters), ASCII, the full-width
forms, and every character used by the catalogue, the org units, the demo store and
the translations, so the shipped file stays small. The subset is distributed under
the ARPHIC PUBLIC LICENSE like the original (resources/fonts/ARPHICPL.txt).

    apt-get download fonts-arphic-uming && dpkg-deb -x fonts-arphic-uming_*.deb x
    python tools/make_song_font.py x/usr/share/fonts/truetype/arphic/uming.ttc

Needs fontTools (``pip install fonttools``); the program itself does not.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "fonts" / "jz-song.ttf"
FAMILY = "JZ Song (AR PL UMing CN subset)"


# GB 2312's symbol rows and its level-1 Han (3755 common characters, rows 16-55). Level 2 (3008 rarer ones)
# is left out to keep the installer within its budget; a character missing here is drawn in the Hei face
# (reports/fonts.py), so nothing prints as an empty box, and every character of the catalogue, org units, demo,
# translations and the program's own sentences is added below whatever its level.
LAST_ROW = 0xD7


def gb2312() -> set[str]:
    chars = set()
    for high in range(0xA1, LAST_ROW + 1):
        for low in range(0xA1, 0xFF):
            try:
                chars.add(bytes((high, low)).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return chars


def project_text() -> set[str]:
    chars = set()
    res = ROOT / "resources"
    for pattern in ("catalogue/*.toml", "demo/*.toml", "org-units.csv", "i18n/*.ts", "report-presets/*.json"):
        for path in res.glob(pattern):
            chars.update(path.read_text(encoding="utf-8"))
    for path in (ROOT / "jzhealth_desktop").rglob("*.py"):  # sentences the reports write
        chars.update(path.read_text(encoding="utf-8"))
    return chars


def wanted() -> set[str]:
    chars = gb2312() | project_text()
    chars |= {chr(c) for c in range(0x20, 0x7F)}
    chars |= {chr(c) for c in range(0xFF01, 0xFF5F)}  # full-width forms
    chars |= set("　、。〈〉《》「」『』【】〔〕…—–‘’“”·‰℃№×÷±≤≥□■○●△▲◆◇※→")
    return {c for c in chars if c.isprintable() or c == "　"}


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    from fontTools import subset
    from fontTools.ttLib import TTCollection

    source = TTCollection(argv[1]).fonts[0]  # AR PL UMing CN
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = False  # the PDF is rasterised by the viewer; hints only add size
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[ord(c) for c in wanted()])
    subsetter.subset(source)
    names = source["name"]
    for record in names.names:
        if record.nameID in (1, 4):
            record.string = FAMILY
        elif record.nameID == 6:
            record.string = "JZSong-ARPLUMingCN-Subset"
    source.save(OUT)
    print(f"{OUT}: {OUT.stat().st_size / 1e6:.2f} MB, {len(source.getGlyphOrder())} glyphs")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
