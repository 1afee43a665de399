"""An index for matching orders without a platform order number: lines by platform, paid amount
and time, so a reconciliation looks up each such order's few candidates instead of reading every
line of the month against them.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22

"""
from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("statement_lines", schema=None) as batch_op:
        batch_op.create_index("ix_statement_lines_amount", ["platform_key", "paid_fen", "created_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("statement_lines", schema=None) as batch_op:
        batch_op.drop_index("ix_statement_lines_amount")
