"""Org units: the city and its 11 county-level units, read from the shipped CSV."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass


@dataclass(frozen=True)
class OrgUnit:
    code: str
    name: str
    name_en: str
    level: str  # "city" | "county"
    parent: str | None
    order: int


def parse_org_units(text: str) -> list[OrgUnit]:
    units = []
    for order, row in enumerate(csv.DictReader(io.StringIO(text))):
        units.append(OrgUnit(
            code=row["code"].strip(), name=row["name_zh"].strip(), name_en=row["name_en"].strip(),
            level=row["level"].strip(), parent=(row["parent_code"] or "").strip() or None, order=order,
        ))
    codes = [u.code for u in units]
    if len(set(codes)) != len(codes):
        raise ValueError("duplicate org-unit code in org-units.csv")
    return units
