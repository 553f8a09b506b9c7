"""version counters on values and submissions (optimistic concurrency); audit lookup index

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("data_value") as batch:
        batch.add_column(sa.Column("version", sa.Integer, nullable=False, server_default="1"))
    with op.batch_alter_table("submission") as batch:
        batch.add_column(sa.Column("version", sa.Integer, nullable=False, server_default="1"))
    op.create_index("ix_audit_subject", "audit_log", ["org_code", "year", "subject"])


def downgrade() -> None:
    op.drop_index("ix_audit_subject", "audit_log")
    with op.batch_alter_table("submission") as batch:
        batch.drop_column("version")
    with op.batch_alter_table("data_value") as batch:
        batch.drop_column("version")
