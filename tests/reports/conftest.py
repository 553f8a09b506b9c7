"""Report fixtures: a small store the tests fill with their own numbers, and PDF readers."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader

from jzhealth_desktop.services.forms import save_values

XIUWU, BOAI = "410821", "410822"


@pytest.fixture
def own_ctx(ctx):
    """Two counties, three years, numbers unlike the demo's (soft warnings commented)."""
    figures = {
        2015: {XIUWU: {"ec_centers": 3, "ec_beds": 150, "mch_live_births": 2000, "mch_infant_deaths": 12,
                       "mch_under5_deaths": 16, "mch_maternal_deaths": 1}},
        2019: {XIUWU: {"ec_centers": 5, "ec_beds": 240, "mch_live_births": 1800, "mch_infant_deaths": 9,
                       "mch_under5_deaths": 13, "mch_maternal_deaths": 0}},
        2020: {XIUWU: {"ec_centers": 7, "ec_beds": 355, "ec_investment": "1234.50", "mch_live_births": 1600,
                       "mch_infant_deaths": 4, "mch_under5_deaths": 7, "mch_maternal_deaths": 0,
                       "imm_polio_cases": 0},
               BOAI: {"ec_centers": 4, "ec_beds": 131, "mch_live_births": 1400, "mch_infant_deaths": 5,
                      "mch_under5_deaths": 6, "mch_maternal_deaths": 0}},
    }
    for year, orgs in figures.items():
        for org, values in orgs.items():
            comments = {code: "测试数据" for code in values}
            save_values(ctx, org, year, values, comments)
    return ctx


def page_texts(path: Path) -> list[str]:
    with pdfplumber.open(path) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def flat(text: str) -> str:
    """Text without line breaks and spaces, so sentences split over lines can be searched."""
    return "".join(text.split())


def column_lines(path: Path, columns: list[tuple[float, float]], top_size: float, head: float) -> list[str]:
    """Text lines of a column page: the full-width top block (masthead ``head`` points deep, and
    text of ``top_size`` and above it), then each column band below it, page by page."""
    lines: list[str] = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            top = [c["bottom"] for c in page.chars if abs(c["size"] - top_size) < 0.01]
            cut = max(top) + 2 if top else head
            if cut:
                lines += (page.crop((0, 0, page.width, cut)).extract_text() or "").splitlines()
            for x0, x1 in columns:
                lines += (page.crop((x0, cut, x1, page.height)).extract_text() or "").splitlines()
    return lines


def unembedded_fonts(path: Path) -> list[str]:
    """Names of fonts the PDF uses without a font file inside it."""
    bad = []
    for page in PdfReader(path).pages:
        fonts = page.get("/Resources", {}).get_object().get("/Font", {})
        for font in fonts.values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            if not any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")):
                bad.append(str(font.get("/BaseFont")))
    return bad


def render_all(path: Path) -> list[int]:
    """Render every page; returns how many non-white pixels each page has (a blank page has 0)."""
    counts = []
    pdf = pdfium.PdfDocument(str(path))
    for index in range(len(pdf)):
        image = pdf[index].render(scale=0.5).to_pil().convert("L")
        counts.append(sum(image.histogram()[:200]))
    pdf.close()
    return counts
