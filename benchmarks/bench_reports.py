"""Report build speed, each figure beside a floor measured in the same run, with the ratio.

Issue 4: the city annual statistical report for one year with 10 years of history for all 11
counties, and the special page, each ≤ 2× the floor. The floor is the irreducible cost of the
same PDF: drawing the document's own text, line by line in the face it is set in (Song body,
Hei heads: the same glyphs, so the same embedded subsets) on as many pages, with a plain
canvas. Fair both ways: the fonts are registered once, outside the timed region, for the
floor and for the program alike (the program's first build registers them; later builds
must not register again — checked below).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pdfplumber  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from jzhealth_desktop.reports import build_report  # noqa: E402
from jzhealth_desktop.reports.fonts import HEI, SONG, register_fonts  # noqa: E402
from jzhealth_desktop.services.context import open_context  # noqa: E402
from jzhealth_desktop.services.demo import load_demo, read_demo, split_counties  # noqa: E402
from jzhealth_desktop.services.forms import apply  # noqa: E402

RUNS = 7
LIMIT = 2.0


def fill_history(ctx) -> None:
    """Ten years (2012–2021) of every county figure for all 11 counties: the demo's 2021 split
    repeated where a year has none (invented; same figures keep every rule)."""
    demo = read_demo(ctx.catalogue)
    split = split_counties(ctx.catalogue, demo.years[2021], demo.weights)
    with ctx.db.write() as session:
        for year in range(2012, 2021):
            for org, values in split.items():
                apply(ctx, session, org, year, values, {}, "bench", require_comments=False)


def median(fn) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def floor_for(pdf: Path, out: Path):
    """The floor for ``pdf``: its text lines, each in its own face and size, drawn on as many pages."""
    pages = []
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            lines: dict[tuple, list[str]] = {}
            for c in page.chars:
                face = SONG if "Song" in c["fontname"] else HEI
                key = (face, round(c["size"], 1), round(c["top"]))
                lines.setdefault(key, []).append(c["text"])
            pages.append([(face, size, y, "".join(chars)) for (face, size, y), chars in lines.items()])
    register_fonts()  # outside the timed region, as for the program

    def floor() -> None:
        canvas = Canvas(str(out), initialFontName=HEI)
        for lines in pages:
            for face, size, y, text in lines:
                canvas.setFont(face, size)
                canvas.drawString(20, 842 - y, text)
            canvas.showPage()
        canvas.save()

    return floor


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="bench-reports-"))
    os.environ["JZHEALTH_HOME"] = str(folder)
    ctx = open_context(str(folder / "bench.sqlite"))
    load_demo(ctx)
    fill_history(ctx)
    print(f"{'figure':<42}{'median':>10}{'floor':>10}{'ratio':>8}  limit")
    ok = True
    first = time.perf_counter()
    build_report(ctx, "annual", 2021, None, folder / "warm.pdf")
    print(f"{'first build (incl. font registration)':<42}{(time.perf_counter() - first) * 1000:>8.0f}ms")
    registered = []
    original = pdfmetrics.registerFont
    for kind, label in (("annual", "city annual report, 10 years × 11 counties"), ("special", "special page")):
        out = folder / f"{kind}.pdf"
        pdfmetrics.registerFont = lambda font: registered.append(font)  # later builds must not register
        took = median(lambda: build_report(ctx, kind, 2021, None, out))
        pdfmetrics.registerFont = original
        floor = median(floor_for(out, folder / f"floor-{kind}.pdf"))
        ratio = took / floor
        ok &= ratio <= LIMIT
        print(f"{label:<42}{took * 1000:>8.0f}ms{floor * 1000:>8.0f}ms{ratio:>8.2f}  ≤ {LIMIT}")
    print(f"font registrations during later builds: {len(registered)}")
    ok &= not registered
    ctx.close()
    print("OK" if ok else "SLOWER THAN THE LIMIT")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
