"""Mirror the shipped catalogue and org units into the store.

Runs at start-up but does nothing when the catalogue digest stored in the
settings matches the files. Indicators that left the catalogue are kept
(inactive) so old values stay readable.
"""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ..domain.catalogue import Catalogue, Indicator
from ..domain.orgunits import OrgUnit
from .models import DomainRow, IndicatorRow, OrgUnitRow, Setting

DIGEST_KEY = "catalogue_digest"
VERSION_KEY = "catalogue_version"


def get_setting(session: Session, key: str, default: str = "") -> str:
    row = session.get(Setting, key)
    return row.value if row else default


def put_setting(session: Session, key: str, value: str) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value


def sync_org_units(session: Session, units: list[OrgUnit]) -> None:
    existing = {row.code: row for row in session.scalars(select(OrgUnitRow))}
    for unit in sorted(units, key=lambda u: u.level != "city"):  # parents first
        row = existing.get(unit.code)
        if row is None:
            session.add(OrgUnitRow(code=unit.code, name=unit.name, name_en=unit.name_en, level=unit.level,
                                   parent_code=unit.parent, sort_order=unit.order, active=True))
            session.flush()
        else:
            row.name, row.name_en, row.level = unit.name, unit.name_en, unit.level
            row.parent_code, row.sort_order, row.active = unit.parent, unit.order, True


def sync_catalogue(session: Session, cat: Catalogue, force: bool = False) -> bool:
    """Upsert domains and indicators; returns False when the store was already current."""
    if not force and get_setting(session, DIGEST_KEY) == cat.digest:
        return False
    domains = {row.code: row for row in session.scalars(select(DomainRow))}
    for dom in cat.domains:
        row = domains.get(dom.code) or DomainRow(code=dom.code)
        row.name, row.name_en, row.sort_order, row.active = dom.name, dom.name_en, dom.order, True
        session.add(row)
    session.flush()
    session.execute(update(IndicatorRow).values(active=False))
    rows = {row.code: row for row in session.scalars(select(IndicatorRow))}
    for item in cat.items.values():
        item_row = rows.get(item.code) or IndicatorRow(code=item.code)
        item_row.domain_code, item_row.section = item.domain, item.section
        item_row.name, item_row.name_en = item.name, item.name_en
        item_row.sort_order, item_row.active, item_row.derived = item.order, True, item.derived
        if isinstance(item, Indicator):
            item_row.unit, item_row.value_type, item_row.scale = item.unit, item.type, item.scale
            item_row.numerator = item_row.denominator = item_row.factor = None
        else:
            item_row.unit, item_row.value_type, item_row.scale = item.per, "rate", item.decimals
            item_row.numerator, item_row.denominator = item.numerator, item.denominator
            item_row.factor = item.factor
        session.add(item_row)
    put_setting(session, DIGEST_KEY, cat.digest)
    put_setting(session, VERSION_KEY, cat.version)
    return True
