"""快团团 orders and delivery: who receives an order and where (收货人, 电话, 小区/楼号/房号), the
团 it came from, its refund, and an item's 规格.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ORDER_COLUMNS: list[tuple[str, sa.types.TypeEngine]] = [
    ("recipient", sa.String(128)),
    ("phone", sa.String(32)),
    ("community", sa.String(128)),
    ("building", sa.String(32)),
    ("unit", sa.String(16)),
    ("room", sa.String(32)),
    ("group_name", sa.String(200)),
    ("group_no", sa.String(32)),
    ("refund_fen", sa.Integer()),
]


def upgrade() -> None:
    with op.batch_alter_table("orders", schema=None) as batch_op:
        for name, type_ in ORDER_COLUMNS:
            batch_op.add_column(sa.Column(name, type_, nullable=True))
        batch_op.create_index("ix_orders_source_ref", ["source", "source_ref"], unique=False)
    with op.batch_alter_table("order_items", schema=None) as batch_op:
        batch_op.add_column(sa.Column("spec", sa.String(200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("order_items", schema=None) as batch_op:
        batch_op.drop_column("spec")
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.drop_index("ix_orders_source_ref")
        for name, _type in reversed(ORDER_COLUMNS):
            batch_op.drop_column(name)
