"""initial schema: org units, catalogue, values, targets, submissions, audit, users, settings

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "org_unit",
        sa.Column("code", sa.String(12), primary_key=True),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("name_en", sa.String(128), nullable=False),
        sa.Column("level", sa.String(8), nullable=False),
        sa.Column("parent_code", sa.String(12), sa.ForeignKey("org_unit.code")),
        sa.Column("sort_order", sa.Integer, nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
    )
    op.create_table(
        "domain",
        sa.Column("code", sa.String(40), primary_key=True),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("name_en", sa.String(128), nullable=False),
        sa.Column("sort_order", sa.Integer, nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
    )
    op.create_table(
        "indicator",
        sa.Column("code", sa.String(60), primary_key=True),
        sa.Column("domain_code", sa.String(40), sa.ForeignKey("domain.code"), nullable=False),
        sa.Column("section", sa.String(40), nullable=False),
        sa.Column("name", sa.String(128), nullable=False),
        sa.Column("name_en", sa.String(200), nullable=False),
        sa.Column("unit", sa.String(16), nullable=False),
        sa.Column("value_type", sa.String(8), nullable=False),
        sa.Column("scale", sa.SmallInteger, nullable=False),
        sa.Column("derived", sa.Boolean, nullable=False),
        sa.Column("numerator", sa.String(60)),
        sa.Column("denominator", sa.String(60)),
        sa.Column("factor", sa.Integer),
        sa.Column("sort_order", sa.Integer, nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
    )
    op.create_table(
        "data_value",
        sa.Column("org_code", sa.String(12), sa.ForeignKey("org_unit.code"), primary_key=True),
        sa.Column("year", sa.Integer, primary_key=True),
        sa.Column("indicator_code", sa.String(60), sa.ForeignKey("indicator.code"), primary_key=True),
        sa.Column("num", sa.BigInteger, nullable=False),
        sa.Column("scale", sa.SmallInteger, nullable=False),
        sa.Column("comment", sa.Text, nullable=False),
        sa.Column("updated_by", sa.String(64), nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_data_value_year_indicator", "data_value", ["year", "indicator_code"])
    op.create_table(
        "target",
        sa.Column("indicator_code", sa.String(60), sa.ForeignKey("indicator.code"), primary_key=True),
        sa.Column("year", sa.Integer, primary_key=True),
        sa.Column("org_code", sa.String(12), sa.ForeignKey("org_unit.code"), primary_key=True),
        sa.Column("num", sa.BigInteger, nullable=False),
        sa.Column("scale", sa.SmallInteger, nullable=False),
        sa.Column("comparison", sa.String(2), nullable=False),
        sa.Column("note", sa.Text, nullable=False),
    )
    op.create_table(
        "submission",
        sa.Column("org_code", sa.String(12), sa.ForeignKey("org_unit.code"), primary_key=True),
        sa.Column("year", sa.Integer, primary_key=True),
        sa.Column("domain_code", sa.String(40), sa.ForeignKey("domain.code"), primary_key=True),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("changed_by", sa.String(64), nullable=False),
        sa.Column("changed_at", sa.DateTime, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("user_name", sa.String(64), nullable=False),
        sa.Column("action", sa.String(24), nullable=False),
        sa.Column("org_code", sa.String(12)),
        sa.Column("year", sa.Integer),
        sa.Column("subject", sa.String(60), nullable=False),
        sa.Column("old_text", sa.Text, nullable=False),
        sa.Column("new_text", sa.Text, nullable=False),
        sa.Column("source", sa.String(120), nullable=False),
        sa.Column("detail", sa.Text, nullable=False),
    )
    op.create_table(
        "app_user",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(64), nullable=False, unique=True),
        sa.Column("display_name", sa.String(64), nullable=False),
        sa.Column("role", sa.String(12), nullable=False),
        sa.Column("org_code", sa.String(12), sa.ForeignKey("org_unit.code")),
        sa.Column("password_hash", sa.String(255), nullable=False),
        sa.Column("failed_attempts", sa.Integer, nullable=False),
        sa.Column("locked_until", sa.DateTime),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "setting",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )


def downgrade() -> None:
    for table in ("setting", "app_user", "audit_log", "submission", "target", "data_value",
                  "indicator", "domain", "org_unit"):
        op.drop_table(table)
