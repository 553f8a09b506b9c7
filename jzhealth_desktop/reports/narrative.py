"""The generated sentences of the reports, built from ReportData and the catalogue's phrasing.

Which domains and sections say anything is decided here: a domain or section without data makes no
paragraph (the 专版 leaves it out; the annual report says so in one line).
"""

from __future__ import annotations

from ..domain.catalogue import Domain, Indicator, Rate, Section
from ..domain.numbers import format_change_words, format_rate
from ..domain.phrasing import YEAR_IN_TEXT, render, render_met, trend, trend_group
from ..services.reporting import ReportData


def _rate_parts(data: ReportData) -> set[str]:
    return {code for rate in data.catalogue.rates() for code in (rate.numerator, rate.denominator)}


def _items(data: ReportData, codes) -> list[Indicator | Rate]:
    return [data.catalogue.items[code] for code in codes]


def _clause(data: ReportData, item) -> str | None:
    value = data.values.get(item.code)
    met = render_met(item, value, data.targets.get(item.code))
    if met:
        return met
    return render(item, value, data.streaks.get(item.code), county=not data.is_city)


def _sentences(lead: str, subject: str, clauses: list[str], end: str = "。") -> str:
    """``lead`` + subject + clauses, with any clause that names its own year (2017年实现…) set in a
    sentence of its own, so no sentence carries two years (「2021年，全市2017年实现…」)."""
    dated = [c for c in clauses if YEAR_IN_TEXT.search(c)]
    plain = [c for c in clauses if c not in dated]
    text = f"{lead}{subject}" + "，".join(plain) + end if plain else ""
    return text + "".join(f"{subject}{c}{end}" for c in dated)


def headline_clauses(data: ReportData, codes, explicit_only: bool = False) -> list[str]:
    """Clauses for items that speak for themselves: phrased items, plain counts that are not
    the raw parts of a rate, and rates (「…为86.99%」)."""
    parts = _rate_parts(data)
    clauses = []
    for item in _items(data, codes):
        if explicit_only and not item.phrase:
            continue
        if not item.phrase and isinstance(item, Indicator) and item.code in parts:
            continue
        clause = _clause(data, item)
        if clause:
            clauses.append(clause)
    return clauses


def _trend_items(data: ReportData, rates: list[Rate]) -> tuple[list[Rate], list, list]:
    olds = [data.baseline.get(r.code) for r in rates]
    news = [data.values.get(r.code) for r in rates]
    return rates, olds, news


def section_trend(data: ReportData, section: Section, grouped: bool) -> list[str]:
    """Rates of a section against the baseline year: one grouped sentence or one per rate."""
    if data.baseline_year is None or data.baseline_year >= data.year:
        return []
    rates = [i for i in _items(data, section.items) if isinstance(i, Rate)]
    rates, olds, news = _trend_items(data, rates)
    if grouped:
        sentence = trend_group(rates, data.baseline_year, olds, data.year, news)
        if sentence:
            return [sentence]
    return [s for s in (trend(r, data.baseline_year, o, data.year, n) for r, o, n in zip(rates, olds, news)) if s]


def lead_sentence(data: ReportData, domain: Domain) -> str | None:
    """The one sentence a highlights box gives a domain, or None without data."""
    explicit = headline_clauses(data, domain.codes, explicit_only=True)
    if explicit:
        return data.subject + "，".join(explicit)
    for section in domain.sections:
        trends = section_trend(data, section, grouped=True)
        if trends and "分别" in trends[0]:
            return data.subject + trends[0]
    clauses = headline_clauses(data, domain.codes)[:3]
    return data.subject + "，".join(clauses) if clauses else None


def highlights(data: ReportData, domains: list[Domain], most: int = 6) -> list[str]:
    sentences = [s for s in (lead_sentence(data, d) for d in domains) if s]
    return [s + "。" for s in sentences[:most]]


def _trended(data: ReportData, section: Section) -> set[str]:
    """Rates of a section that a baseline comparison will speak of (their 为X clause would repeat it)."""
    if data.baseline_year is None or data.baseline_year >= data.year:
        return set()
    return {code for code in section.items if isinstance(data.catalogue.items[code], Rate)
            and data.baseline.get(code) is not None and data.values.get(code) is not None}


def domain_paragraph(data: ReportData, domain: Domain) -> str:
    """The annual report's paragraph for a domain: figures, rates with the change on last year
    (in 个百分点/个千分点), and rates and phrased counts against the baseline year.
    Empty when the domain has no data this year."""
    if not data.has_data(domain.codes):
        return ""
    parts = _rate_parts(data)
    counts = []
    for item in _items(data, domain.codes):
        if isinstance(item, Rate) or (item.code in parts and not item.phrase):
            continue
        clause = _clause(data, item)
        if clause:
            counts.append(clause)
    text = _sentences(f"{data.year}年，", data.subject, counts[:8])
    rates = []
    for item in _items(data, domain.codes):
        if isinstance(item, Rate) and data.values.get(item.code) is not None:
            words = format_change_words(item, data.last.get(item.code), data.values[item.code])
            rates.append(f"{item.name}为{format_rate(data.values[item.code], item.per)}"
                         + (f"，{words}" if words else ""))
    if rates:
        text += ("" if text else f"{data.year}年，{data.subject}") + "；".join(rates) + "。"
    if data.baseline_year is not None and data.baseline_year < data.year - 1:
        trends = [s for section in domain.sections for s in section_trend(data, section, grouped=False)]
        trends += count_trends(data, domain)
        if trends:
            text += "；".join(trends) + "。"
    return text


def count_trends(data: ReportData, domain: Domain) -> list[str]:
    """Phrased counts against the baseline year: ``医养中心数由2016年的12家增至2021年的42家``."""
    from ..domain.numbers import format_item

    out = []
    for item in _items(data, domain.codes):
        if isinstance(item, Rate) or not item.phrase or "{streak" in item.phrase or item.type != "count":
            continue
        old, new = data.baseline.get(item.code), data.values.get(item.code)
        if old is None or new is None or old == new or old == 0 or item.unit == "年":
            continue
        verb = "增至" if new > old else "减至"
        out.append(f"{item.name}由{data.baseline_year}年的{format_item(item, old)}{verb}{data.year}年的"
                   f"{format_item(item, new)}")
    return out


def section_sentences(data: ReportData, domain: Domain) -> list[str]:
    """The special page's paragraphs for a domain: one per section that has something to say;
    none for a domain without data (the 专版 leaves it out)."""
    paragraphs = []
    for section in domain.sections:
        trended = _trended(data, section)
        clauses = headline_clauses(data, [c for c in section.items if c not in trended])
        trends = section_trend(data, section, grouped=True)
        if not clauses and not trends:
            continue
        text = _sentences(f"{section.name}方面，", data.subject, clauses) if clauses else ""
        if trends:
            text += data.subject + "；".join(trends) + "。"
        paragraphs.append(text)
    return paragraphs


def printable_domains(data: ReportData, domains: list[Domain] | None = None) -> list[Domain]:
    """The domains (in catalogue order, or of ``domains``) that have at least one sentence to print."""
    domains = data.catalogue.domains if domains is None else domains
    return [d for d in domains if section_sentences(data, d)]
