"""deadlines per domain and year; the audit log refuses UPDATE and DELETE (SQLite triggers)

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

GUARDS = {
    "audit_log_no_update": "UPDATE",
    "audit_log_no_delete": "DELETE",
}


def upgrade() -> None:
    op.create_table(
        "deadline",
        sa.Column("domain_code", sa.String(40), sa.ForeignKey("domain.code"), primary_key=True),
        sa.Column("year", sa.Integer, primary_key=True),
        sa.Column("due", sa.Date, nullable=False),
        sa.Column("set_by", sa.String(64), nullable=False, server_default=""),
        sa.Column("set_at", sa.DateTime, nullable=False),
    )
    # The services only ever insert audit rows; the store itself refuses anything else.
    if op.get_bind().dialect.name == "sqlite":
        for name, verb in GUARDS.items():
            op.execute(f"CREATE TRIGGER {name} BEFORE {verb} ON audit_log "
                       "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in GUARDS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("deadline")
