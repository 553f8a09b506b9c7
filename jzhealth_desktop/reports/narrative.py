"""The generated sentences of the reports, built from ReportData and the catalogue's phrasing."""

from __future__ import annotations

from ..domain.catalogue import Domain, Indicator, Rate, Section
from ..domain.numbers import NO_DATA, format_change_words, format_rate
from ..domain.phrasing import render, trend, trend_group
from ..services.reporting import ReportData


def _rate_parts(data: ReportData) -> set[str]:
    return {code for rate in data.catalogue.rates() for code in (rate.numerator, rate.denominator)}


def _items(data: ReportData, codes) -> list[Indicator | Rate]:
    return [data.catalogue.items[code] for code in codes]


def _clause(data: ReportData, item) -> str | None:
    return render(item, data.values.get(item.code), data.streaks.get(item.code))


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
    if data.baseline_year >= data.year:
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


def domain_paragraph(data: ReportData, domain: Domain) -> str:
    """The annual report's paragraph for a domain: figures, rates with the change on last year,
    and rates against the baseline year."""
    if not data.has_data(domain.codes):
        return f"{data.year}年，{data.subject}{domain.name}{NO_DATA}。"
    parts = _rate_parts(data)
    counts = []
    for item in _items(data, domain.codes):
        if isinstance(item, Rate) or (item.code in parts and not item.phrase):
            continue
        clause = _clause(data, item)
        if clause:
            counts.append(clause)
    text = f"{data.year}年，{data.subject}" + "，".join(counts[:8]) + "。" if counts else ""
    rates = []
    for item in _items(data, domain.codes):
        if isinstance(item, Rate) and data.values.get(item.code) is not None:
            words = format_change_words(item, data.last.get(item.code), data.values[item.code])
            rates.append(f"{item.name}为{format_rate(data.values[item.code], item.per)}"
                         + (f"，{words}" if words else ""))
    if rates:
        text += "；".join(rates) + "。"
    trends = [s for section in domain.sections for s in section_trend(data, section, grouped=False)]
    if trends and data.baseline_year < data.year - 1:
        text += "；".join(trends) + "。"
    return text


def section_sentences(data: ReportData, domain: Domain) -> list[str]:
    """The special page's paragraphs for a domain: one per section that has data."""
    paragraphs = []
    for section in domain.sections:
        clauses = headline_clauses(data, section.items)
        trends = section_trend(data, section, grouped=True)
        if not clauses and not trends:
            continue
        text = ""
        if clauses:
            text = f"{section.name}方面，{data.subject}" + "，".join(clauses) + "。"
        if trends:
            text += data.subject + "；".join(trends) + "。"
        paragraphs.append(text)
    if not paragraphs:
        paragraphs.append(f"{data.year}年{data.subject}{domain.name}{NO_DATA}。")
    return paragraphs
