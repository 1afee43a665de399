"""SQLAlchemy 2.0 typed models: the whole mission's schema.

Conventions: money is integer fen (``*_fen``), commission rates are integer basis points
(``*_bp``; 1 bp = 0.01 %), times are ``UTCDateTime`` (aware UTC in Python). Schema changes go
through Alembic migrations in ``microshop/store/migrations``.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from microshop.domain.enums import LineStatus
from microshop.domain.money import commission_fen
from microshop.domain.timeutil import utcnow

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Stores aware datetimes as naive UTC; returns aware UTC. Naive input is refused."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTCDateTime column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: object) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


def sql_time(value: datetime) -> str:
    """The exact text SQLite holds for a ``UTCDateTime`` value (naive UTC with microseconds, as
    SQLAlchemy writes it), for the few hot paths that talk to the driver directly."""
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value.isoformat(" ", "microseconds")


class Base(DeclarativeBase):
    """Declarative base with a constraint naming convention (stable migrations)."""

    metadata = MetaData(naming_convention=NAMING)


class TimestampMixin:
    """created/updated times on rows the user edits."""

    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class Platform(Base):
    """A platform the reseller sells for (seeded; users may add others)."""

    __tablename__ = "platforms"
    key: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)


class Product(TimestampMixin, Base):
    """A pick in the 选品库."""

    __tablename__ = "products"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(500))
    platform_key: Mapped[str | None] = mapped_column(ForeignKey("platforms.key"), index=True)
    platform_product_id: Mapped[str | None] = mapped_column(String(128), index=True)
    link: Mapped[str | None] = mapped_column(Text)
    price_fen: Mapped[int | None] = mapped_column(Integer)
    original_price_fen: Mapped[int | None] = mapped_column(Integer)
    coupon_fen: Mapped[int | None] = mapped_column(Integer)
    commission_rate_bp: Mapped[int | None] = mapped_column(Integer)
    category: Mapped[str | None] = mapped_column(String(64), index=True)
    favourite: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    notes: Mapped[str | None] = mapped_column(Text)
    deadline: Mapped[datetime | None] = mapped_column(UTCDateTime)
    archived: Mapped[bool] = mapped_column(Boolean, default=False)

    images: Mapped[list[ProductImage]] = relationship(
        back_populates="product", cascade="all, delete-orphan", order_by="ProductImage.position"
    )
    tags: Mapped[list[ProductTag]] = relationship(cascade="all, delete-orphan")
    templates: Mapped[list[CopyTemplate]] = relationship(
        back_populates="product", cascade="all, delete-orphan"
    )

    @property
    def commission_fen(self) -> int | None:
        """Commission the price and rate imply (rounded half-up to fen)."""
        if self.price_fen is None or self.commission_rate_bp is None:
            return None
        return commission_fen(self.price_fen, self.commission_rate_bp)


class ProductImage(Base):
    """An image of a pick; position 0 is the cover. Files are copied into the data folder."""

    __tablename__ = "product_images"
    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    path: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str | None] = mapped_column(String(64))
    width: Mapped[int | None] = mapped_column(Integer)
    height: Mapped[int | None] = mapped_column(Integer)
    product: Mapped[Product] = relationship(back_populates="images")


class ProductTag(Base):
    """A tag on a pick (one row per tag, so filtering stays in SQL)."""

    __tablename__ = "product_tags"
    product_id: Mapped[int] = mapped_column(
        ForeignKey("products.id", ondelete="CASCADE"), primary_key=True
    )
    tag: Mapped[str] = mapped_column(String(64), primary_key=True, index=True)


class CopyTemplate(TimestampMixin, Base):
    """A 文案 template with variables such as {标题} {价格}; product_id NULL = global."""

    __tablename__ = "copy_templates"
    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int | None] = mapped_column(
        ForeignKey("products.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(64))
    body: Mapped[str] = mapped_column(Text)
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)
    product: Mapped[Product | None] = relationship(back_populates="templates")


class Share(Base):
    """One share of a pick (poster made, copy text copied) with the price/commission snapshot."""

    __tablename__ = "shares"
    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    template: Mapped[str | None] = mapped_column(String(32))
    channel: Mapped[str | None] = mapped_column(String(32))
    shared_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    price_fen: Mapped[int | None] = mapped_column(Integer)
    commission_rate_bp: Mapped[int | None] = mapped_column(Integer)
    commission_fen: Mapped[int | None] = mapped_column(Integer)
    output_path: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str | None] = mapped_column(Text)


class Customer(TimestampMixin, Base):
    """A friend or neighbour who buys. ``merged_into_id`` marks a record merged into another."""

    __tablename__ = "customers"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(128), index=True)
    nickname: Mapped[str | None] = mapped_column(String(128))
    wechat_id: Mapped[str | None] = mapped_column(String(128))
    phone: Mapped[str | None] = mapped_column(String(32), index=True)
    pickup_point: Mapped[str | None] = mapped_column(String(128))
    notes: Mapped[str | None] = mapped_column(Text)
    merged_into_id: Mapped[int | None] = mapped_column(
        ForeignKey("customers.id", ondelete="SET NULL")
    )
    addresses: Mapped[list[CustomerAddress]] = relationship(cascade="all, delete-orphan")
    tags: Mapped[list[CustomerTag]] = relationship(cascade="all, delete-orphan")


class CustomerAddress(Base):
    """A delivery address of a customer."""

    __tablename__ = "customer_addresses"
    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="CASCADE"), index=True
    )
    label: Mapped[str | None] = mapped_column(String(32))
    recipient: Mapped[str | None] = mapped_column(String(128))
    phone: Mapped[str | None] = mapped_column(String(32))
    address: Mapped[str] = mapped_column(Text)
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)


class CustomerTag(Base):
    """A tag on a customer."""

    __tablename__ = "customer_tags"
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="CASCADE"), primary_key=True
    )
    tag: Mapped[str] = mapped_column(String(64), primary_key=True, index=True)


class Order(TimestampMixin, Base):
    """A customer's order as the reseller records it."""

    __tablename__ = "orders"
    __table_args__ = (
        Index("ix_orders_status_time", "status", "ordered_at"),
        Index("ix_orders_platform_no", "platform_key", "platform_order_no"),
        Index("ix_orders_source_ref", "source", "source_ref"),  # 快团团 re-imports (0006)
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int | None] = mapped_column(
        ForeignKey("customers.id", ondelete="SET NULL"), index=True
    )
    ordered_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    platform_key: Mapped[str | None] = mapped_column(ForeignKey("platforms.key"))
    platform_order_no: Mapped[str | None] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(24), default=LineStatus.PAID.value)
    fulfilment: Mapped[str] = mapped_column(String(16), default="pickup")
    pickup_point: Mapped[str | None] = mapped_column(String(128), index=True)
    address: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(16), default="manual")
    source_ref: Mapped[str | None] = mapped_column(String(128))
    # Who receives it and where, as a 快团团 export gives them (0006); 楼号/房号 sort the 派送单.
    recipient: Mapped[str | None] = mapped_column(String(128))
    phone: Mapped[str | None] = mapped_column(String(32))
    community: Mapped[str | None] = mapped_column(String(128))
    building: Mapped[str | None] = mapped_column(String(32))
    unit: Mapped[str | None] = mapped_column(String(16))
    room: Mapped[str | None] = mapped_column(String(32))
    group_name: Mapped[str | None] = mapped_column(String(200))
    group_no: Mapped[str | None] = mapped_column(String(32))  # 快团团 跟团号
    refund_fen: Mapped[int | None] = mapped_column(Integer)
    items: Mapped[list[OrderItem]] = relationship(
        back_populates="order", cascade="all, delete-orphan", order_by="OrderItem.id"
    )
    customer: Mapped[Customer | None] = relationship()


class OrderItem(Base):
    """A line of an order: a pick or free text, with what the customer pays and the platform amount.

    ``amount_fen`` is what the customer pays for the line; ``platform_amount_fen`` is what the
    platform charges (NULL = same as amount); the difference is the reseller's markup.
    """

    __tablename__ = "order_items"
    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    product_id: Mapped[int | None] = mapped_column(
        ForeignKey("products.id", ondelete="SET NULL"), index=True
    )
    title: Mapped[str] = mapped_column(String(500))
    spec: Mapped[str | None] = mapped_column(String(200))
    platform_product_id: Mapped[str | None] = mapped_column(String(128))
    quantity: Mapped[int] = mapped_column(Integer, default=1)
    amount_fen: Mapped[int] = mapped_column(Integer, default=0)
    platform_amount_fen: Mapped[int | None] = mapped_column(Integer)
    order: Mapped[Order] = relationship(back_populates="items")

    @property
    def effective_platform_amount_fen(self) -> int:
        """The platform amount, or the customer amount when none was given."""
        return self.amount_fen if self.platform_amount_fen is None else self.platform_amount_fen


class JielongImport(Base):
    """A pasted 接龙 text that became orders (kept so a re-paste can be recognised)."""

    __tablename__ = "jielong_imports"
    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    text_sha256: Mapped[str] = mapped_column(String(64), index=True)
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    orders: Mapped[int] = mapped_column(Integer, default=0)


class StatementImport(Base):
    """One statement file imported (undoable)."""

    __tablename__ = "statement_imports"
    id: Mapped[int] = mapped_column(primary_key=True)
    platform_key: Mapped[str] = mapped_column(ForeignKey("platforms.key"))
    importer: Mapped[str] = mapped_column(String(32))
    file_name: Mapped[str] = mapped_column(Text)
    file_sha256: Mapped[str] = mapped_column(String(64), index=True)
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    rows: Mapped[int] = mapped_column(Integer, default=0)
    added: Mapped[int] = mapped_column(Integer, default=0)
    updated: Mapped[int] = mapped_column(Integer, default=0)
    unchanged: Mapped[int] = mapped_column(Integer, default=0)
    skipped: Mapped[int] = mapped_column(Integer, default=0)
    undone_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class StatementLine(Base):
    """A canonical statement line (see reference/platforms.md), upserted by its natural key.

    ``line_key`` is the sub-order id, or the product id when the platform has none.
    """

    __tablename__ = "statement_lines"
    __table_args__ = (
        UniqueConstraint("platform_key", "order_no", "line_key", name="uq_statement_lines_key"),
        # Covering indexes: a month's sums read only the index (see migration 0003).
        Index("ix_statement_lines_month", "created_at", "platform_key", "status", "estimated_fen", "paid_fen",
              "raw_status"),
        Index("ix_statement_lines_settled_month", "settled_at", "platform_key", "status", "settled_fen",
              sqlite_where=text("settled_at IS NOT NULL")),  # settled lines only (0005)
        # Orders without a platform order number are matched by platform, amount and time (0004).
        Index("ix_statement_lines_amount", "platform_key", "paid_fen", "created_at"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    platform_key: Mapped[str] = mapped_column(ForeignKey("platforms.key"))
    order_no: Mapped[str] = mapped_column(String(64))
    sub_order_no: Mapped[str | None] = mapped_column(String(64))
    line_key: Mapped[str] = mapped_column(String(128))
    parent_order_no: Mapped[str | None] = mapped_column(String(64))
    product_id: Mapped[str | None] = mapped_column(String(128))
    product_title: Mapped[str | None] = mapped_column(String(500))
    quantity: Mapped[int] = mapped_column(Integer, default=1)
    paid_fen: Mapped[int] = mapped_column(Integer, default=0)
    estimated_fen: Mapped[int] = mapped_column(Integer, default=0)
    settled_fen: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16))
    raw_status: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    settled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    first_import_id: Mapped[int | None] = mapped_column(
        ForeignKey("statement_imports.id", ondelete="SET NULL")
    )
    last_import_id: Mapped[int | None] = mapped_column(
        ForeignKey("statement_imports.id", ondelete="SET NULL")
    )
    source_file: Mapped[str | None] = mapped_column(Text)
    source_row: Mapped[int | None] = mapped_column(Integer)


class StatementLineHistory(Base):
    """Each change an import made to a line; ``before_json`` (NULL = added) makes undo possible."""

    __tablename__ = "statement_line_history"
    id: Mapped[int] = mapped_column(primary_key=True)
    line_id: Mapped[int] = mapped_column(
        ForeignKey("statement_lines.id", ondelete="CASCADE"), index=True
    )
    import_id: Mapped[int | None] = mapped_column(
        ForeignKey("statement_imports.id", ondelete="CASCADE"), index=True
    )
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    status: Mapped[str] = mapped_column(String(16))
    raw_status: Mapped[str | None] = mapped_column(String(64))
    before_json: Mapped[str | None] = mapped_column(Text)


class StatementAdjustment(Base):
    """A 维权 (refund claim) or other after-the-fact change to commission, e.g. a clawback."""

    __tablename__ = "statement_adjustments"
    __table_args__ = (
        UniqueConstraint("platform_key", "order_no", "sub_order_no", "kind", name="uq_adjustment"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    platform_key: Mapped[str] = mapped_column(ForeignKey("platforms.key"))
    kind: Mapped[str] = mapped_column(String(16))
    order_no: Mapped[str] = mapped_column(String(64))
    sub_order_no: Mapped[str] = mapped_column(String(64), default="")
    status: Mapped[str] = mapped_column(String(32))
    refund_fen: Mapped[int | None] = mapped_column(Integer)
    clawback_fen: Mapped[int | None] = mapped_column(Integer)
    occurred_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    import_id: Mapped[int | None] = mapped_column(
        ForeignKey("statement_imports.id", ondelete="CASCADE"), index=True
    )


class ReconciliationDecision(Base):
    """A manual decision; lines are named by natural key so decisions survive re-imports."""

    __tablename__ = "reconciliation_decisions"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    order_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("order_items.id", ondelete="CASCADE"), index=True
    )
    line_platform_key: Mapped[str | None] = mapped_column(String(32))
    line_order_no: Mapped[str | None] = mapped_column(String(64))
    line_key: Mapped[str | None] = mapped_column(String(128))
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Withdrawal(Base):
    """Money that arrived (提现/到账) from a platform, recorded by the user."""

    __tablename__ = "withdrawals"
    id: Mapped[int] = mapped_column(primary_key=True)
    platform_key: Mapped[str] = mapped_column(ForeignKey("platforms.key"))
    amount_fen: Mapped[int] = mapped_column(Integer)
    arrived_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    for_month: Mapped[str | None] = mapped_column(String(7))
    note: Mapped[str | None] = mapped_column(Text)


class ColumnMapping(Base):
    """A user-made column mapping for an unknown statement layout, keyed by its header signature."""

    __tablename__ = "column_mappings"
    id: Mapped[int] = mapped_column(primary_key=True)
    header_signature: Mapped[str] = mapped_column(String(64), unique=True)
    platform_key: Mapped[str] = mapped_column(ForeignKey("platforms.key"))
    mapping_json: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Setting(Base):
    """A key/value setting (JSON text)."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value_json: Mapped[str] = mapped_column(Text)
