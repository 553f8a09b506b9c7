"""SQLAlchemy 2 typed models.

Values are stored exactly as scaled integers: ``num`` = value × 10^``scale``
(8465.01 → num 846501, scale 2). See ``domain/values.py``.
Times are stored in UTC without a zone and shown in local time.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, Boolean, Date, DateTime, ForeignKey, Index, Integer, SmallInteger, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class OrgUnitRow(Base):
    __tablename__ = "org_unit"
    code: Mapped[str] = mapped_column(String(12), primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    name_en: Mapped[str] = mapped_column(String(128))
    level: Mapped[str] = mapped_column(String(8))
    parent_code: Mapped[str | None] = mapped_column(ForeignKey("org_unit.code"))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class DomainRow(Base):
    __tablename__ = "domain"
    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    name_en: Mapped[str] = mapped_column(String(128))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class IndicatorRow(Base):
    __tablename__ = "indicator"
    code: Mapped[str] = mapped_column(String(60), primary_key=True)
    domain_code: Mapped[str] = mapped_column(ForeignKey("domain.code"))
    section: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(128))
    name_en: Mapped[str] = mapped_column(String(200))
    unit: Mapped[str] = mapped_column(String(16))
    value_type: Mapped[str] = mapped_column(String(8))  # count | decimal | money | rate
    scale: Mapped[int] = mapped_column(SmallInteger, default=0)
    derived: Mapped[bool] = mapped_column(Boolean, default=False)
    numerator: Mapped[str | None] = mapped_column(String(60))
    denominator: Mapped[str | None] = mapped_column(String(60))
    factor: Mapped[int | None] = mapped_column(Integer)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class DataValue(Base):
    __tablename__ = "data_value"
    org_code: Mapped[str] = mapped_column(ForeignKey("org_unit.code"), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    indicator_code: Mapped[str] = mapped_column(ForeignKey("indicator.code"), primary_key=True)
    num: Mapped[int] = mapped_column(BigInteger)
    scale: Mapped[int] = mapped_column(SmallInteger)
    comment: Mapped[str] = mapped_column(Text, default="")
    updated_by: Mapped[str] = mapped_column(String(64), default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    __table_args__ = (Index("ix_data_value_year_indicator", "year", "indicator_code"),)


class Target(Base):
    __tablename__ = "target"
    indicator_code: Mapped[str] = mapped_column(ForeignKey("indicator.code"), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    org_code: Mapped[str] = mapped_column(ForeignKey("org_unit.code"), primary_key=True)
    num: Mapped[int] = mapped_column(BigInteger)
    scale: Mapped[int] = mapped_column(SmallInteger)
    comparison: Mapped[str] = mapped_column(String(2))  # >= | <= | ~ | =
    note: Mapped[str] = mapped_column(Text, default="")


class Submission(Base):
    __tablename__ = "submission"
    org_code: Mapped[str] = mapped_column(ForeignKey("org_unit.code"), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    domain_code: Mapped[str] = mapped_column(ForeignKey("domain.code"), primary_key=True)
    status: Mapped[str] = mapped_column(String(12), default="draft")  # draft|submitted|approved|returned
    changed_by: Mapped[str] = mapped_column(String(64), default="")
    changed_at: Mapped[datetime] = mapped_column(DateTime)
    reason: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")


class AuditEntry(Base):
    """Append-only: services insert, nothing updates or deletes."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    user_name: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(24))  # value | target | status | account | store
    org_code: Mapped[str | None] = mapped_column(String(12))
    year: Mapped[int | None] = mapped_column(Integer)
    subject: Mapped[str] = mapped_column(String(60))  # indicator or domain code, user name, ...
    old_text: Mapped[str] = mapped_column(Text, default="")
    new_text: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(120), default="")  # form | cli | import:<sha256> | excel | migration
    detail: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (Index("ix_audit_subject", "org_code", "year", "subject"),)


class User(Base):
    __tablename__ = "app_user"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(64), default="")
    role: Mapped[str] = mapped_column(String(12))  # clerk | reviewer | admin
    org_code: Mapped[str | None] = mapped_column(ForeignKey("org_unit.code"))
    password_hash: Mapped[str] = mapped_column(String(255), default="")
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class Deadline(Base):
    """When a domain's figures for a year are due from the counties (set by the city)."""

    __tablename__ = "deadline"
    domain_code: Mapped[str] = mapped_column(ForeignKey("domain.code"), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    due: Mapped[date] = mapped_column(Date)
    set_by: Mapped[str] = mapped_column(String(64), default="")
    set_at: Mapped[datetime] = mapped_column(DateTime)


class Setting(Base):
    """Station identity and preferences: station_type, station_org, operator, catalogue_digest, ..."""

    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")
