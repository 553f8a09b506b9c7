"""The catalogue: domains → sections → indicators, derived rates and rules, built from its TOML texts.

The catalogue is data (``resources/catalogue/*.toml``): adding an indicator or a
domain needs no code change. This module only parses and checks it.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator, Sequence

from .errors import InputError

VALUE_TYPES = ("count", "decimal", "money")
AGGREGATES = ("sum", "max", "none")
LEVELS = ("county", "city")
PER = {"%": 100, "‰": 1000, "/10万": 100000}


class CatalogueError(ValueError):
    """The catalogue files are inconsistent; a developer error, reported with the file and code."""


class UnknownDomain(InputError, KeyError):
    """A domain code the catalogue does not hold: a refusal for people, still a KeyError for lookups that expect one."""

    def __init__(self, code: str):
        InputError.__init__(self, f"未知的业务领域“{code}”", f"unknown domain '{code}'")
        self.code = code

    def __str__(self) -> str:
        return InputError.__str__(self)


@dataclass(frozen=True)
class Indicator:
    code: str
    name: str
    name_en: str
    unit: str
    domain: str
    section: str
    order: int
    type: str = "count"
    scale: int = 0
    min: int | None = 0
    max: int | None = None
    soft_min: int | None = None
    soft_max: int | None = None
    required: bool = False
    aggregate: str = "sum"
    level: str = "county"
    yoy: float | None = None  # soft warning above this % change on last year; None = catalogue default
    phrase: str = ""
    zero_phrase: str = ""  # wording when the figure is 0 (白喉无病例报告); without it a 0 count makes no clause
    note: str = ""
    derived: bool = False
    county_phrase: str = ""  # wording on a county's page where ``phrase`` speaks of counties (联通11个县（市、区）)
    qualifier: str = ""  # the period a figure covers, printed before its clause (“十三五”以来)
    streak_from: int | None = None  # 连续N年 counts from this year (polio-free since 2000); None: no streak clause
    target_phrase: str = ""  # a target as the plan page words it: 人均财政补助标准提高到{target}
    met_phrase: str = ""  # wording when the year's target is met: 参保率稳定在{target}{cmp}


@dataclass(frozen=True)
class Rate:
    """A derived indicator: numerator ÷ denominator × factor, computed on read, never stored."""

    code: str
    name: str
    name_en: str
    domain: str
    section: str
    order: int
    numerator: str
    denominator: str
    per: str = "%"
    decimals: int = 2
    capped: bool = True  # numerator may not exceed denominator (a hard rule)
    phrase: str = ""
    note: str = ""
    derived: bool = True
    county_phrase: str = ""
    qualifier: str = ""
    target_phrase: str = ""
    met_phrase: str = ""

    @property
    def factor(self) -> int:
        return PER[self.per]

    @property
    def unit(self) -> str:
        return self.per


@dataclass(frozen=True)
class Rule:
    code: str
    severity: str  # "hard" blocks saving; "soft" needs a comment
    left: tuple[str, ...]
    op: str
    right: tuple[str, ...]
    right_constant: int
    zh: str
    en: str
    domain: str

    @property
    def codes(self) -> tuple[str, ...]:
        return self.left + self.right


@dataclass(frozen=True)
class Section:
    code: str
    name: str
    name_en: str
    items: tuple[str, ...]  # indicator and rate codes in reading order


@dataclass(frozen=True)
class Domain:
    code: str
    name: str
    name_en: str
    order: int
    sections: tuple[Section, ...]
    summary: str = ""

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(code for section in self.sections for code in section.items)


@dataclass
class Catalogue:
    version: str
    digest: str
    yoy_default: float
    domains: list[Domain] = field(default_factory=list)
    items: dict[str, Indicator | Rate] = field(default_factory=dict)
    rules: list[Rule] = field(default_factory=list)

    def domain(self, code: str) -> Domain:
        for domain in self.domains:
            if domain.code == code:
                return domain
        raise UnknownDomain(code)

    def indicators(self, domain: str | None = None) -> Iterator[Indicator]:
        for item in self.items.values():
            if isinstance(item, Indicator) and (domain is None or item.domain == domain):
                yield item

    def entered_at(self, domain: str, level: str) -> list[str]:
        """The indicators an org unit of ``level`` types on ``domain``'s form, in reading order: rates are
        computed, and the city types only its city-level figures (the county-level ones add up)."""
        return [c for c in self.domain(domain).codes
                if isinstance(item := self.items[c], Indicator) and item.level == level]

    def rates(self, domain: str | None = None) -> Iterator[Rate]:
        for item in self.items.values():
            if isinstance(item, Rate) and (domain is None or item.domain == domain):
                yield item

    def rules_touching(self, codes: Iterable[str]) -> list[Rule]:
        wanted = set(codes)
        return [rule for rule in self.rules if wanted.intersection(rule.codes)]


_CODE = re.compile(r"[a-z][a-z0-9_]*")
_RULE = re.compile(r"^\s*(.+?)\s*(<=|>=|==|<|>)\s*(.+?)\s*$")


def _parse_side(text: str, where: str) -> tuple[tuple[str, ...], int]:
    codes: list[str] = []
    constant = 0
    for part in text.split("+"):
        part = part.strip()
        if part.isdigit():
            constant += int(part)
        elif _CODE.fullmatch(part):
            codes.append(part)
        else:
            raise CatalogueError(f"{where}: cannot read term '{part}' in a rule")
    return tuple(codes), constant


def parse_rule_check(check: str, where: str) -> tuple[tuple[str, ...], str, tuple[str, ...], int]:
    match = _RULE.match(check)
    if not match:
        raise CatalogueError(f"{where}: rule check '{check}' is not 'a <= b' form")
    left, left_const = _parse_side(match.group(1), where)
    right, right_const = _parse_side(match.group(3), where)
    if left_const:
        raise CatalogueError(f"{where}: constants belong on the right of '{check}'")
    return left, match.group(2), right, right_const


# Wording that names counties in the plural belongs on the city's page only.
COUNTIES_WORD = "县（市、区）"
_TEMPLATE_FIELDS = {"phrase": ("value", "streak"), "county_phrase": ("value", "streak"),
                    "target_phrase": ("target", "cmp"), "met_phrase": ("target", "cmp", "value")}


def _wording(raw: dict[str, Any], where: str) -> dict[str, Any]:
    """The optional wording fields, each template checked for unknown ``{fields}``."""
    out = {}
    for key in ("county_phrase", "qualifier", "target_phrase", "met_phrase"):
        text = str(raw.get(key, ""))
        allowed = _TEMPLATE_FIELDS.get(key, ())
        for name in re.findall(r"\{(\w+)", text):
            if name not in allowed:
                raise CatalogueError(f"{where}: {raw.get('code')}: {key} has an unknown field {{{name}}}")
        out[key] = text
    return out


def _streak_from(raw: dict[str, Any], where: str) -> int | None:
    start = raw.get("streak_from")
    if start is None:
        return None  # a 连续N年 phrase without a start year is left out, never counted from the store's years
    if not isinstance(start, int) or not 1949 <= start <= 2100:
        raise CatalogueError(f"{where}: {raw.get('code')}: streak_from must be a year")
    return start


def _indicator(raw: dict[str, Any], domain: str, section: str, order: int, where: str) -> Indicator:
    kind = raw.get("type", "count")
    if kind not in VALUE_TYPES:
        raise CatalogueError(f"{where}: {raw.get('code')}: unknown type '{kind}'")
    scale = int(raw.get("scale", 2 if kind == "money" else 0))
    if kind == "count" and scale != 0:
        raise CatalogueError(f"{where}: {raw['code']}: counts have scale 0")
    aggregate = raw.get("aggregate", "sum")
    level = raw.get("level", "county")
    if aggregate not in AGGREGATES or level not in LEVELS:
        raise CatalogueError(f"{where}: {raw['code']}: bad aggregate/level")
    return Indicator(
        code=raw["code"], name=raw["name"], name_en=raw["name_en"], unit=raw.get("unit", ""),
        domain=domain, section=section, order=order, type=kind, scale=scale,
        min=raw.get("min", 0), max=raw.get("max"), soft_min=raw.get("soft_min"),
        soft_max=raw.get("soft_max"), required=bool(raw.get("required", False)),
        aggregate=aggregate, level=level, yoy=raw.get("yoy"), phrase=raw.get("phrase", ""),
        zero_phrase=raw.get("zero_phrase", ""), note=raw.get("note", ""), **_wording(raw, where),
        streak_from=_streak_from(raw, where),
    )


def _rate(raw: dict[str, Any], domain: str, section: str, order: int, where: str) -> Rate:
    per = raw.get("per", "%")
    if per not in PER:
        raise CatalogueError(f"{where}: {raw.get('code')}: unknown per '{per}'")
    return Rate(
        code=raw["code"], name=raw["name"], name_en=raw["name_en"], domain=domain,
        section=section, order=order, numerator=raw["numerator"], denominator=raw["denominator"],
        per=per, decimals=int(raw.get("decimals", 2)), capped=bool(raw.get("capped", True)),
        phrase=raw.get("phrase", ""), note=raw.get("note", ""), **_wording(raw, where),
    )


HEAD_FILE = "catalogue.toml"


def build_catalogue(files: Sequence[tuple[str, bytes]]) -> Catalogue:
    """The catalogue from its files' names and contents (``store/catalogue_files.py`` reads them from a folder):
    ``catalogue.toml`` (version, defaults) and every other one a domain. The digest covers every file, in name
    order. Raises ``CatalogueError`` naming the file of a malformed or inconsistent entry."""
    files = sorted(files)
    digest = hashlib.sha256()
    for name, content in files:
        digest.update(name.encode())
        digest.update(content)
    texts = {name: content.decode("utf-8") for name, content in files}
    if HEAD_FILE not in texts:
        raise CatalogueError(f"{HEAD_FILE} is missing")
    head = tomllib.loads(texts[HEAD_FILE])
    cat = Catalogue(
        version=str(head["version"]), digest=digest.hexdigest(),
        yoy_default=float(head.get("defaults", {}).get("yoy_threshold", 50)),
    )
    order = 0
    for where, text in texts.items():
        if where == HEAD_FILE:
            continue
        data = tomllib.loads(text)
        dom = data["domain"]
        sections = []
        for raw_section in data.get("section", []):
            items: list[str] = []
            for kind, builder in (("indicator", _indicator), ("rate", _rate)):
                for raw in raw_section.get(kind, []):
                    order += 1
                    item = builder(raw, dom["code"], raw_section["code"], order, where)
                    if item.code in cat.items or not _CODE.fullmatch(item.code):
                        raise CatalogueError(f"{where}: duplicate or malformed code '{item.code}'")
                    cat.items[item.code] = item
                    items.append(item.code)
            sections.append(Section(raw_section["code"], raw_section["name"], raw_section["name_en"], tuple(items)))
        cat.domains.append(Domain(
            code=dom["code"], name=dom["name"], name_en=dom["name_en"], order=int(dom.get("order", 999)),
            sections=tuple(sections), summary=dom.get("summary", ""),
        ))
        for raw in data.get("rule", []):
            left, op, right, const = parse_rule_check(raw["check"], where)
            cat.rules.append(Rule(raw["code"], raw.get("severity", "hard"), left, op, right, const,
                                  raw["zh"], raw["en"], dom["code"]))
    cat.domains.sort(key=lambda d: (d.order, d.code))
    _check_references(cat)
    return cat


def _check_references(cat: Catalogue) -> None:
    domain_codes = [d.code for d in cat.domains]
    if len(set(domain_codes)) != len(domain_codes):
        raise CatalogueError("duplicate domain code")
    for rate in cat.rates():
        for ref in (rate.numerator, rate.denominator):
            if not isinstance(cat.items.get(ref), Indicator):
                raise CatalogueError(f"rate {rate.code}: '{ref}' is not a raw indicator")
    for item in cat.items.values():
        county_level = isinstance(item, Rate) or item.level == "county"
        wording = item.phrase or item.name
        if county_level and COUNTIES_WORD in wording and not item.county_phrase:
            raise CatalogueError(f"{item.code}: its wording speaks of {COUNTIES_WORD}; give a county_phrase "
                                 "for a county's own page")
    for rule in cat.rules:
        if rule.severity not in ("hard", "soft"):
            raise CatalogueError(f"rule {rule.code}: severity must be hard or soft")
        for ref in rule.codes:
            if not isinstance(cat.items.get(ref), Indicator):
                raise CatalogueError(f"rule {rule.code}: '{ref}' is not a raw indicator")
