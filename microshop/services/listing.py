"""List sources: the SQL behind every big list in the GUI (Anki's browser table pattern).

A source answers two questions, both in SQL: which row ids match a filter in a given order
(``ids``), and what to display for a handful of ids (``rows``). The GUI's table model holds the
ids and caches rows page by page, so a list of 100,000 orders stays instant.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, exists, func, or_, select
from sqlalchemy.orm import Session

from microshop.domain.enums import (
    INACTIVE_ORDER_STATUSES,
    LINE_STATUS_LABELS,
    ORDER_STATUS_LABELS,
    LineStatus,
    OrderStatus,
    ShareKind,
    platform_name,
)
from microshop.domain.money import format_fen
from microshop.domain.privacy import mask_address, mask_phone
from microshop.domain.templates import short_name
from microshop.domain.timeutil import format_local, month_bounds, utcnow
from microshop.i18n import QT_TR_NOOP, tr
from microshop.store.models import (
    Customer,
    CustomerAddress,
    Order,
    OrderItem,
    Product,
    ProductTag,
    Share,
    StatementImport,
    StatementLine,
)

Row = tuple[Any, ...]


@dataclass(frozen=True)
class Column:
    """A list column: Chinese header (marked for translation), SQL sort expression (None = not sortable), alignment."""

    title: str
    sort: Any = None
    numeric: bool = False
    mark: bool = False  # a one-character mark (★): centred under its heading


@dataclass
class ListQuery:
    """What the user asked the list to show: search text, filters and sort."""

    text: str = ""
    filters: dict[str, Any] = field(default_factory=dict)
    sort_column: int | None = None
    descending: bool = True


def like(text: str) -> str:
    """A LIKE pattern for a substring search, with wildcards escaped."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def format_rate(bp: int | None) -> str:
    """Basis points as a percentage: ``2050`` → ``"20.5%"``."""
    if bp is None:
        return ""
    whole, frac = divmod(bp, 100)
    return f"{whole}%" if frac == 0 else f"{whole}.{frac:02d}".rstrip("0") + "%"


class ListSource:
    """Base: subclasses declare ``model``, ``columns``, ``_select``, ``_where`` and ``rows``.

    ``privacy`` (隐私模式) masks addresses in the rows a source returns; phones are always masked.
    """

    model: Any
    columns: tuple[Column, ...] = ()
    default_sort: int = 0
    wide_column: int = 0  # the column that takes the width left over (a title, an address)
    privacy: bool = False

    def _select(self) -> Select[Any]:
        return select(self.model.id)

    def _where(self, query: ListQuery) -> list[Any]:
        return []

    def ids(self, session: Session, query: ListQuery) -> list[int]:
        """Matching ids in display order (ties broken by id, newest first)."""
        stmt = self._select().where(*self._where(query))
        index = self.default_sort if query.sort_column is None else query.sort_column
        sort = self.columns[index].sort if 0 <= index < len(self.columns) else None
        if sort is not None:
            stmt = stmt.order_by(sort.desc() if query.descending else sort.asc())
        stmt = stmt.order_by(self.model.id.desc())
        return list(session.scalars(stmt))

    def rows(self, session: Session, ids: Sequence[int]) -> dict[int, Row]:
        """Display values for the given ids (only those still present)."""
        raise NotImplementedError


class ProductList(ListSource):
    """选品库: picks with platform, price and commission; filters by platform, tag, favourite."""

    model = Product
    commission = Product.price_fen * Product.commission_rate_bp
    columns = (
        Column(QT_TR_NOOP("商品标题"), Product.title),
        Column(QT_TR_NOOP("平台"), Product.platform_key),
        Column(QT_TR_NOOP("券后价"), Product.price_fen, numeric=True),
        Column(QT_TR_NOOP("佣金比例"), Product.commission_rate_bp, numeric=True),
        Column(QT_TR_NOOP("预估佣金"), commission, numeric=True),
        Column(QT_TR_NOOP("类目"), Product.category),
        Column(QT_TR_NOOP("收藏"), Product.favourite, mark=True),
        Column(QT_TR_NOOP("活动截止"), Product.deadline),
        Column(QT_TR_NOOP("更新时间"), Product.updated_at),
    )
    default_sort = 8

    def _where(self, query: ListQuery) -> list[Any]:
        f = query.filters
        where: list[Any] = [Product.archived.is_(False)]
        if query.text:
            pattern = like(query.text)
            where.append(
                or_(
                    Product.title.like(pattern, escape="\\"),
                    Product.platform_product_id.like(pattern, escape="\\"),
                    Product.category.like(pattern, escape="\\"),
                )
            )
        if f.get("platform"):
            where.append(Product.platform_key == f["platform"])
        if f.get("favourite"):
            where.append(Product.favourite.is_(True))
        if f.get("tag"):
            where.append(
                exists().where(ProductTag.product_id == Product.id, ProductTag.tag == f["tag"])
            )
        if f.get("min_rate_bp") is not None:
            where.append(Product.commission_rate_bp >= f["min_rate_bp"])
        if f.get("max_rate_bp") is not None:
            where.append(Product.commission_rate_bp <= f["max_rate_bp"])
        return where

    def rows(self, session: Session, ids: Sequence[int]) -> dict[int, Row]:
        out: dict[int, Row] = {}
        now = utcnow()
        for p in session.scalars(select(Product).where(Product.id.in_(ids))):
            ends = format_local(p.deadline, "%Y-%m-%d") if p.deadline else ""
            if p.deadline is not None and p.deadline < now:
                ends = tr("{date} 已过期", date=ends)
            out[p.id] = (
                p.title,
                platform_name(p.platform_key),
                format_fen(p.price_fen),
                format_rate(p.commission_rate_bp),
                format_fen(p.commission_fen),
                p.category or "",
                "★" if p.favourite else "",
                ends,
                format_local(p.updated_at),
            )
        return out


class OrderList(ListSource):
    """订单: orders with customer, items, amounts and status; filters all in SQL."""

    wide_column = 2
    model = Order
    _amount = (
        select(func.coalesce(func.sum(OrderItem.amount_fen), 0))
        .where(OrderItem.order_id == Order.id)
        .scalar_subquery()
    )
    columns = (
        Column(QT_TR_NOOP("下单时间"), Order.ordered_at),
        Column(QT_TR_NOOP("客户"), Customer.name),
        Column(QT_TR_NOOP("商品")),
        Column(QT_TR_NOOP("数量"), numeric=True),
        Column(QT_TR_NOOP("金额"), _amount, numeric=True),
        Column(QT_TR_NOOP("平台"), Order.platform_key),
        Column(QT_TR_NOOP("平台订单号"), Order.platform_order_no),
        Column(QT_TR_NOOP("状态"), Order.status),
        Column(QT_TR_NOOP("自提点"), Order.pickup_point),
    )

    def _select(self) -> Select[Any]:
        return select(Order.id).outerjoin(Customer, Customer.id == Order.customer_id)

    def ids(self, session: Session, query: ListQuery) -> list[int]:
        if query.sort_column != 4:
            return super().ids(session, query)
        # Sorting by amount: one grouped join instead of a subquery per order.
        total = func.coalesce(func.sum(OrderItem.amount_fen), 0)
        stmt = (
            self._select().outerjoin(OrderItem, OrderItem.order_id == Order.id).where(*self._where(query))
            .group_by(Order.id).order_by(total.desc() if query.descending else total.asc(), Order.id.desc())
        )
        return list(session.scalars(stmt))

    def _where(self, query: ListQuery) -> list[Any]:
        f = query.filters
        where: list[Any] = []
        if query.text:
            pattern = like(query.text)
            # Uncorrelated IN-subqueries: each runs once, not once per order (100,000 orders).
            items = select(OrderItem.order_id).where(OrderItem.title.like(pattern, escape="\\"))
            people = select(Customer.id).where(or_(Customer.name.like(pattern, escape="\\"),
                                                   Customer.nickname.like(pattern, escape="\\")))
            where.append(
                or_(
                    Order.id.in_(items),
                    Order.customer_id.in_(people),
                    Order.platform_order_no.like(pattern, escape="\\"),
                    Order.notes.like(pattern, escape="\\"),
                )
            )
        if f.get("status"):
            where.append(Order.status == f["status"])
        if f.get("platform"):
            where.append(Order.platform_key == f["platform"])
        if f.get("customer_id"):
            where.append(Order.customer_id == f["customer_id"])
        if f.get("pickup_point"):
            where.append(Order.pickup_point == f["pickup_point"])
        if f.get("month"):
            start, end = month_bounds(f["month"])
            where.extend([Order.ordered_at >= start, Order.ordered_at < end])
        return where

    def rows(self, session: Session, ids: Sequence[int]) -> dict[int, Row]:
        items: dict[int, list[OrderItem]] = {}
        for item in session.scalars(select(OrderItem).where(OrderItem.order_id.in_(ids))):
            items.setdefault(item.order_id, []).append(item)
        stmt = (
            select(Order, Customer.name)
            .outerjoin(Customer, Customer.id == Order.customer_id)
            .where(Order.id.in_(ids))
        )
        out: dict[int, Row] = {}
        for order, customer in session.execute(stmt):
            lines = items.get(order.id, [])
            titles = "；".join(
                f"{i.title}×{i.quantity}" if i.quantity != 1 else i.title for i in lines
            )
            out[order.id] = (
                format_local(order.ordered_at),
                customer or "",
                titles,
                sum(i.quantity for i in lines),
                format_fen(sum(i.amount_fen for i in lines)),
                platform_name(order.platform_key),
                order.platform_order_no or "",
                ORDER_STATUS_LABELS.get(OrderStatus(order.status), order.status)
                if order.status in OrderStatus._value2member_map_
                else order.status,
                order.pickup_point or "",
            )
        return out


class CustomerList(ListSource):
    """客户: people with masked phones, order count and total spent."""

    wide_column = 4
    model = Customer
    _orders = select(func.count(Order.id)).where(Order.customer_id == Customer.id).scalar_subquery()
    _spent = (
        select(func.coalesce(func.sum(OrderItem.amount_fen), 0))
        .join(Order, Order.id == OrderItem.order_id)
        .where(Order.customer_id == Customer.id, Order.status.not_in(INACTIVE_ORDER_STATUSES))
        .scalar_subquery()
    )
    _last = select(func.max(Order.ordered_at)).where(Order.customer_id == Customer.id).scalar_subquery()
    columns = (
        Column(QT_TR_NOOP("姓名"), Customer.name),
        Column(QT_TR_NOOP("昵称"), Customer.nickname),
        Column(QT_TR_NOOP("手机")),
        Column(QT_TR_NOOP("自提点"), Customer.pickup_point),
        Column(QT_TR_NOOP("收货地址")),
        Column(QT_TR_NOOP("订单数"), _orders, numeric=True),
        Column(QT_TR_NOOP("累计消费"), _spent, numeric=True),
        Column(QT_TR_NOOP("最近下单"), _last),
    )
    default_sort = 7

    def _where(self, query: ListQuery) -> list[Any]:
        where: list[Any] = [Customer.merged_into_id.is_(None)]
        if query.text:
            pattern = like(query.text)
            where.append(
                or_(
                    Customer.name.like(pattern, escape="\\"),
                    Customer.nickname.like(pattern, escape="\\"),
                    Customer.wechat_id.like(pattern, escape="\\"),
                    Customer.phone.like(pattern, escape="\\"),
                )
            )
        if query.filters.get("pickup_point"):
            where.append(Customer.pickup_point == query.filters["pickup_point"])
        return where

    def rows(self, session: Session, ids: Sequence[int]) -> dict[int, Row]:
        stmt = select(Customer, self._orders, self._spent, self._last).where(Customer.id.in_(ids))
        addresses: dict[int, str] = {}
        for cid, address in session.execute(
            select(CustomerAddress.customer_id, CustomerAddress.address)
            .where(CustomerAddress.customer_id.in_(ids)).order_by(CustomerAddress.is_default, CustomerAddress.id.desc())
        ):
            addresses[cid] = address  # the default (or first) address wins: it comes last
        out: dict[int, Row] = {}
        for c, n_orders, spent, last in session.execute(stmt):
            address = addresses.get(c.id, "")
            out[c.id] = (
                c.name,
                c.nickname or "",
                mask_phone(c.phone),
                c.pickup_point or "",
                mask_address(address) if self.privacy else address,
                n_orders,
                format_fen(spent),
                format_local(last),
            )
        return out


class StatementLineList(ListSource):
    """对账: platform statement lines with commission and status."""

    wide_column = 3
    model = StatementLine
    columns = (
        Column(QT_TR_NOOP("创建时间"), StatementLine.created_at),
        Column(QT_TR_NOOP("平台"), StatementLine.platform_key),
        Column(QT_TR_NOOP("平台订单号"), StatementLine.order_no),
        Column(QT_TR_NOOP("商品"), StatementLine.product_title),
        Column(QT_TR_NOOP("付款金额"), StatementLine.paid_fen, numeric=True),
        Column(QT_TR_NOOP("预估佣金"), StatementLine.estimated_fen, numeric=True),
        Column(QT_TR_NOOP("结算佣金"), StatementLine.settled_fen, numeric=True),
        Column(QT_TR_NOOP("状态"), StatementLine.status),
        Column(QT_TR_NOOP("结算时间"), StatementLine.settled_at),
    )

    def _where(self, query: ListQuery) -> list[Any]:
        f = query.filters
        where: list[Any] = []
        if query.text:
            pattern = like(query.text)
            where.append(
                or_(
                    StatementLine.order_no.like(pattern, escape="\\"),
                    StatementLine.product_title.like(pattern, escape="\\"),
                    StatementLine.product_id.like(pattern, escape="\\"),
                )
            )
        if f.get("platform"):
            where.append(StatementLine.platform_key == f["platform"])
        if f.get("status"):
            where.append(StatementLine.status == f["status"])
        if f.get("month"):
            start, end = month_bounds(f["month"])
            where.extend([StatementLine.created_at >= start, StatementLine.created_at < end])
        return where

    def rows(self, session: Session, ids: Sequence[int]) -> dict[int, Row]:
        out: dict[int, Row] = {}
        for ln in session.scalars(select(StatementLine).where(StatementLine.id.in_(ids))):
            status = (
                LINE_STATUS_LABELS[LineStatus(ln.status)]
                if ln.status in LineStatus._value2member_map_
                else ln.status
            )
            out[ln.id] = (
                format_local(ln.created_at),
                platform_name(ln.platform_key),
                ln.order_no,
                ln.product_title or "",
                format_fen(ln.paid_fen),
                format_fen(ln.estimated_fen),
                format_fen(ln.settled_fen) if ln.settled_fen is not None else "",
                status if not ln.raw_status or ln.raw_status == status else f"{status}（{ln.raw_status}）",
                format_local(ln.settled_at),
            )
        return out


class ShareList(ListSource):
    """海报: the share history with the price and commission promised at the time."""

    wide_column = 1
    model = Share
    columns = (
        Column(QT_TR_NOOP("分享时间"), Share.shared_at),
        Column(QT_TR_NOOP("商品"), Product.title),
        Column(QT_TR_NOOP("方式"), Share.kind),
        Column(QT_TR_NOOP("模板"), Share.template),
        Column(QT_TR_NOOP("价格"), Share.price_fen, numeric=True),
        Column(QT_TR_NOOP("佣金"), Share.commission_fen, numeric=True),
    )

    def _select(self) -> Select[Any]:
        return select(Share.id).join(Product, Product.id == Share.product_id)

    def _where(self, query: ListQuery) -> list[Any]:
        where: list[Any] = []
        if query.text:
            where.append(Product.title.like(like(query.text), escape="\\"))
        if query.filters.get("product_id"):
            where.append(Share.product_id == query.filters["product_id"])
        return where

    def rows(self, session: Session, ids: Sequence[int]) -> dict[int, Row]:
        stmt = select(Share, Product.title).join(Product).where(Share.id.in_(ids))
        out: dict[int, Row] = {}
        for s, title in session.execute(stmt):
            kind = ShareKind(s.kind).label if s.kind in ShareKind._value2member_map_ else s.kind
            out[s.id] = (
                format_local(s.shared_at),
                title,
                kind,
                short_name(s.template),
                format_fen(s.price_fen),
                format_fen(s.commission_fen),
            )
        return out


class StatementImportList(ListSource):
    """对账 → 导入记录: each statement file imported, with its counts."""

    wide_column = 2
    model = StatementImport
    columns = (
        Column(QT_TR_NOOP("导入时间"), StatementImport.imported_at),
        Column(QT_TR_NOOP("平台"), StatementImport.platform_key),
        Column(QT_TR_NOOP("文件"), StatementImport.file_name),
        Column(QT_TR_NOOP("行数"), StatementImport.rows, numeric=True),
        Column(QT_TR_NOOP("新增"), StatementImport.added, numeric=True),
        Column(QT_TR_NOOP("更新"), StatementImport.updated, numeric=True),
        Column(QT_TR_NOOP("状态")),
    )

    def rows(self, session: Session, ids: Sequence[int]) -> dict[int, Row]:
        out: dict[int, Row] = {}
        for imp in session.scalars(select(StatementImport).where(StatementImport.id.in_(ids))):
            out[imp.id] = (
                format_local(imp.imported_at),
                platform_name(imp.platform_key),
                imp.file_name,
                imp.rows,
                imp.added,
                imp.updated,
                tr("已撤销") if imp.undone_at else tr("有效"),
            )
        return out


# --------------------------------------------------------------------------- operations
# What the GUI's list model asks, each in its own session, run on the task runner.

@dataclass
class ListPage:
    """One answer to a list query: every matching id, in order, and the first rows to show."""

    ids: list[int]
    first_rows: dict[int, Row]


def load_list(db: Any, source: ListSource, query: ListQuery, first: int = 200) -> ListPage:
    """The ids ``query`` selects and the display rows of the first ``first`` of them."""
    with db.session() as session:
        ids = source.ids(session, query)
        return ListPage(ids, source.rows(session, ids[:first]) if ids else {})


def load_rows(db: Any, source: ListSource, ids: Sequence[int]) -> dict[int, Row]:
    """Display rows for some ids (a page scrolled into view)."""
    with db.session() as session:
        return source.rows(session, ids)
