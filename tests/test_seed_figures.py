"""Every figure on the seed pages is held by the catalogue and comes out of the demo store as printed."""

import re
import tomllib
from pathlib import Path

import pytest

from jzhealth_desktop.domain.numbers import format_item, format_target
from jzhealth_desktop.services.aggregate import aggregate_year, zero_streak
from jzhealth_desktop.services.targets import targets

ROOT = Path(__file__).resolve().parent.parent
FIGURES = tomllib.loads((ROOT / "tests" / "data" / "seed_figures.toml").read_text(encoding="utf-8"))["figures"]
SEED_DOC = (ROOT / "docs" / "seed-figures.md").read_text(encoding="utf-8")


def printed(ctx, fig) -> str:
    item = ctx.catalogue.items[fig["code"]]
    style, bare = fig.get("style", "plain"), fig.get("bare", False)
    if fig["kind"] == "streak":
        return str(zero_streak(ctx, fig["code"], fig["year"]))
    if fig["kind"] == "target":
        value, comparison = targets(ctx, fig["year"])[fig["code"]]
        return format_target(format_item(item, value, style, bare), comparison)
    return format_item(item, aggregate_year(ctx, fig["year"])[fig["code"]], style, bare)


def test_demo_store_reproduces_every_figure(demo_ctx):
    wrong = [(f["figure"], f["printed"], printed(demo_ctx, f)) for f in FIGURES if printed(demo_ctx, f) != f["printed"]]
    assert wrong == []


def _sections(doc: str) -> dict[int, str]:
    parts = re.split(r"^## (\d+)\. ", doc, flags=re.M)
    return {int(parts[i]): parts[i + 1].split("\n## ")[0] for i in range(1, len(parts) - 1, 2)}


def _row_labels(section: str) -> list[str]:
    labels = []
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("|") and cells[0] not in ("figure", "") and not set(cells[0]) <= set("- "):
            labels.append(cells[0])
    return labels


NUMBER = re.compile(r"\d+(?:\.\d+)?")
YEARS_AS_CONTEXT = {"2016", "2021", "2022", "2014", "10", "5"}  # "(2021)", "5岁以下", "/10万", "“十三五”"


def test_every_table_row_of_the_seed_document_is_mapped():
    sections = _sections(SEED_DOC)
    assert len(sections) == 10
    mapped = {(f["section"], f["figure"]) for f in FIGURES}
    missing = [(n, label) for n, text in sections.items() for label in _row_labels(text) if (n, label) not in mapped]
    assert missing == []


@pytest.mark.parametrize("section", [5, 6, 7, 8, 9, 10])
def test_every_number_in_the_prose_sections_is_mapped(section):
    """Sections 5–10 list their figures as prose: every number there must be some mapped figure's number."""
    text = _sections(SEED_DOC)[section].split("## How")[0]
    numbers = set(NUMBER.findall(text)) - YEARS_AS_CONTEXT
    covered = set()
    for fig in FIGURES:
        if fig["section"] == section or section == 10:
            covered |= set(NUMBER.findall(fig["printed"]))
    assert numbers - covered == set()
