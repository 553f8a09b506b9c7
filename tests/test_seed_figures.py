"""Every figure on the seed pages is held by the catalogue and comes out of the demo store as printed,
in the seed page's own words: targets with the verb the page uses (提高到320元, 不低于30元, 力争…100万张),
and the 2021 专版's sentences keeping the page's wording (34家县级以上医院, 518个病区村, 1万管, 96%以上)."""

import re
import tomllib
from pathlib import Path

import pytest

from jzhealth_desktop.domain.numbers import format_item
from jzhealth_desktop.domain.phrasing import render_target
from jzhealth_desktop.reports.narrative import highlights, section_sentences
from jzhealth_desktop.services.aggregate import aggregate_year, zero_streak
from jzhealth_desktop.services.reporting import gather
from jzhealth_desktop.services.targets import targets

ROOT = Path(__file__).resolve().parent.parent
FIGURES = tomllib.loads((ROOT / "tests" / "data" / "seed_figures.toml").read_text(encoding="utf-8"))["figures"]
SEED_DOC = (ROOT / "docs" / "seed-figures.md").read_text(encoding="utf-8")
SEEDS = [ROOT.parent / "shared" / "seeds" / name for name in ("000_e69a66f2887db367.txt", "002_2587cfa22964d3ee.txt")]
# The 2014 page was extracted from a PDF: numbers are split over lines and some digits are full-width.
_FULL = str.maketrans("０１２３４５６７８９％", "0123456789%")


def seed_text() -> str:
    missing = [str(path) for path in SEEDS if not path.is_file()]
    if missing:
        pytest.fail(f"the seed pages are not where the project keeps them: {missing}")
    return re.sub(r"\s+", "", "".join(path.read_text(encoding="utf-8") for path in SEEDS)).translate(_FULL)


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def printed(ctx, fig) -> str:
    item = ctx.catalogue.items[fig["code"]]
    style, bare = fig.get("style", "plain"), fig.get("bare", False)
    if fig["kind"] == "streak":
        return str(zero_streak(ctx, fig["code"], fig["year"]))
    if fig["kind"] == "target":
        value, comparison = targets(ctx, fig["year"])[fig["code"]]
        return render_target(item, value, comparison)
    return format_item(item, aggregate_year(ctx, fig["year"])[fig["code"]], style, bare)


def test_demo_store_reproduces_every_figure(demo_ctx):
    """Values and streaks print exactly as `printed`; a target's sentence (its target_phrase) holds it."""
    wrong = []
    for fig in FIGURES:
        text = printed(demo_ctx, fig)
        ok = fig["printed"] in text if fig["kind"] == "target" else fig["printed"] == text
        if not ok:
            wrong.append((fig["figure"], fig["printed"], text))
    assert wrong == []


def test_the_plan_targets_read_as_the_2014_page_words_them(demo_ctx):
    """The four targets whose words are not 「N以上」 on the page: the program prints the page's words."""
    on_page = seed_text()
    said = {fig["code"]: printed(demo_ctx, fig) for fig in FIGURES if fig["kind"] == "target"}
    assert said["ncms_subsidy"] == "人均财政补助标准提高到320元"
    assert said["ncms_cap"] == "住院补偿封顶线提高到20万元"
    assert said["bph_funding_per_capita"] == "居民人均基本公共卫生服务经费标准不低于30元"
    assert said["bph_health_cards"] == "力争全年发放100万张"
    assert all(said[code] in on_page for code in ("ncms_subsidy", "ncms_cap", "bph_funding_per_capita",
                                                  "bph_health_cards"))


def test_every_figure_stands_on_a_seed_page_in_its_own_words():
    on_page = seed_text()
    absent = [(f["figure"], f.get("page", f["printed"])) for f in FIGURES
              if f.get("page", f["printed"]) not in on_page
              or not f.get("in_words") and f["printed"] not in f.get("page", f["printed"])]
    assert absent == []


def test_zero_cases_read_in_words_as_the_page_has_them(demo_ctx):
    data = gather(demo_ctx, 2021)
    ours = flat("".join(section_sentences(data, demo_ctx.catalogue.domain("immunization"))))
    assert "白喉无病例报告" in ours and "百日咳无病例报告" in ours and "流行性脑脊髓膜炎无病例报告" in ours
    assert "0例" not in ours


def test_the_2021_special_page_keeps_the_seed_pages_words(demo_ctx):
    """Each `says` is on the seed page and in the program's 2021 city 专版 sentences (highlights and
    section paragraphs): nothing the 2022 page states is dropped or reworded into something else."""
    data = gather(demo_ctx, 2021)
    domains = data.domains_with_data()
    ours = flat("".join(highlights(data, domains) + [p for d in domains for p in section_sentences(data, d)]))
    on_page = seed_text()
    says = [f["says"] for f in FIGURES if "says" in f]
    assert len(says) >= 30
    assert [w for w in says if w not in on_page] == []
    assert [w for w in says if w not in ours] == []
    assert "10000管" not in ours and not re.search(r"(?<![\d.])0[个家所张人]", ours)


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
