"""Refresh and compile the Chinese translation of the UI.

``python tools/i18n.py``: pyside6-lupdate collects every ``tr()`` string under jzhealth_desktop/ui/ into
resources/i18n/jzhealth_zh_CN.ts (keeping existing translations; edit it with Qt Linguist or a text editor),
then pyside6-lrelease compiles it to jzhealth_zh_CN.qm, which the program loads at start.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "i18n" / "jzhealth_zh_CN.ts"


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "jzhealth_desktop" / "ui").rglob("*.py"))


def main() -> int:
    TS.parent.mkdir(parents=True, exist_ok=True)
    lupdate = ["pyside6-lupdate", *sources(), "-no-obsolete", "-ts", str(TS.relative_to(ROOT))]
    if subprocess.call(lupdate, cwd=ROOT):
        return 1
    return subprocess.call(["pyside6-lrelease", str(TS), "-qm", str(TS.with_suffix(".qm"))], cwd=ROOT)


if __name__ == "__main__":
    sys.exit(main())
