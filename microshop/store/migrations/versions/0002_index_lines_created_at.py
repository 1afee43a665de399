"""Index statement lines by created time alone (monthly figures across all platforms).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21

"""
from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("statement_lines", schema=None) as batch_op:
        batch_op.create_index("ix_statement_lines_created_at", ["created_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("statement_lines", schema=None) as batch_op:
        batch_op.drop_index("ix_statement_lines_created_at")
