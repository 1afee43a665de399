"""Statement-line indexes for what queries need, so big imports write less and months add up fast.

Dropped: ``(platform_key, created_at)`` duplicated ``created_at`` (a month holds few platforms);
``status`` is too coarse to help; ``product_id`` is only searched with ``LIKE '%…%'``, which
cannot use an index. Each cost about a sixth of the time to insert 100,000 lines.
The created/settled time indexes become covering indexes for the monthly sums (estimated, lost,
settled per platform, and the amounts orders without a number are matched by), which otherwise visit every line of the month in random order.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-21

"""
from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("statement_lines", schema=None) as batch_op:
        batch_op.drop_index("ix_statement_lines_created")
        batch_op.drop_index("ix_statement_lines_status")
        batch_op.drop_index("ix_statement_lines_product_id")
        batch_op.drop_index("ix_statement_lines_created_at")
        batch_op.drop_index("ix_statement_lines_settled")
        batch_op.create_index("ix_statement_lines_month", ["created_at", "platform_key", "status", "estimated_fen", "paid_fen",
                                                           "raw_status"], unique=False)
        batch_op.create_index("ix_statement_lines_settled_month", ["settled_at", "platform_key", "status",
                                                                   "settled_fen"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("statement_lines", schema=None) as batch_op:
        batch_op.drop_index("ix_statement_lines_settled_month")
        batch_op.drop_index("ix_statement_lines_month")
        batch_op.create_index("ix_statement_lines_settled", ["settled_at"], unique=False)
        batch_op.create_index("ix_statement_lines_created_at", ["created_at"], unique=False)
        batch_op.create_index("ix_statement_lines_product_id", ["product_id"], unique=False)
        batch_op.create_index("ix_statement_lines_status", ["status"], unique=False)
        batch_op.create_index("ix_statement_lines_created", ["platform_key", "created_at"], unique=False)
