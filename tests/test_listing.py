"""List sources: filters, search and sorting done in SQL, display values formatted."""

from __future__ import annotations

from datetime import UTC

from sqlalchemy import func, select

from microshop.domain.enums import OrderStatus
from microshop.domain.timeutil import SHANGHAI
from microshop.services.listing import (
    CustomerList,
    ListQuery,
    OrderList,
    ProductList,
    StatementLineList,
)
from microshop.store.models import Customer, Order, OrderItem, Product, StatementLine


def test_product_filters_and_search(demo_db) -> None:
    src = ProductList()
    with demo_db.session() as s:
        jd = src.ids(s, ListQuery(filters={"platform": "jd"}))
        assert set(jd) == set(s.scalars(select(Product.id).where(Product.platform_key == "jd")))
        fav = src.ids(s, ListQuery(filters={"favourite": True}))
        assert fav and all(s.get(Product, i).favourite for i in fav)
        high = src.ids(s, ListQuery(filters={"min_rate_bp": 3000}))
        assert high and all(s.get(Product, i).commission_rate_bp >= 3000 for i in high)
        found = src.ids(s, ListQuery(text="荔枝"))
        assert [s.get(Product, i).title for i in found] == ["海南妃子笑荔枝 5斤装 新鲜现摘"]
        assert src.ids(s, ListQuery(text="100%_")) == []  # wildcards are escaped
        tagged = src.ids(s, ListQuery(filters={"tag": "母婴"}))
        assert len(tagged) == 2


def test_product_sort_by_commission(demo_db) -> None:
    src = ProductList()
    with demo_db.session() as s:
        ids = src.ids(s, ListQuery(sort_column=4, descending=True))
        values = [s.get(Product, i).commission_fen for i in ids]
    assert values == sorted(values, reverse=True)


def test_order_filters_sort_and_rows(demo_db) -> None:
    src = OrderList()
    with demo_db.session() as s:
        total = s.scalar(select(func.count()).select_from(Order))
        assert len(src.ids(s, ListQuery())) == total
        refunded = src.ids(s, ListQuery(filters={"status": OrderStatus.REFUNDED.value}))
        assert set(refunded) == set(s.scalars(select(Order.id).where(Order.status == "refunded")))
        month = src.ids(s, ListQuery(filters={"month": "2026-10"}))
        october = {o.id for o in s.scalars(select(Order))
                   if o.ordered_at.astimezone(SHANGHAI).strftime("%Y-%m") == "2026-10"}
        assert october and set(month) == october  # exactly October's orders, in Shanghai time
        by_amount = src.ids(s, ListQuery(sort_column=4, descending=False))
        amounts = [sum(it.amount_fen for it in s.get(Order, i).items) for i in by_amount]
        assert amounts == sorted(amounts)
        rows = src.rows(s, by_amount[:3])
        first = s.get(Order, by_amount[0])
        assert rows[first.id][2].startswith(first.items[0].title)
        assert rows[first.id][4] == f"¥{first.items[0].amount_fen // 100}.{first.items[0].amount_fen % 100:02d}"


def test_order_search_finds_item_titles_and_customers(demo_db) -> None:
    src = OrderList()
    with demo_db.session() as s:
        hits = src.ids(s, ListQuery(text="普洱"))
        expected = set(
            s.scalars(select(OrderItem.order_id).where(OrderItem.title.like("%普洱%")))
        )
        assert set(hits) == expected and hits
        name = s.scalar(select(Customer.name).limit(1))
        by_name = src.ids(s, ListQuery(text=name))
        assert by_name and all(s.get(Order, i).customer.name.find(name) >= 0 for i in by_name)


def test_customer_rows_mask_phones_and_total(demo_db) -> None:
    src = CustomerList()
    with demo_db.session() as s:
        c = s.scalars(select(Customer).where(Customer.phone.is_not(None))).first()
        row = src.rows(s, [c.id])[c.id]
        assert row[2] == f"{c.phone[:3]}****{c.phone[-4:]}" and c.phone not in row
        n_orders = s.scalar(select(func.count()).select_from(Order).where(Order.customer_id == c.id))
        assert row[5] == n_orders
        by_phone = src.ids(s, ListQuery(text=c.phone[-4:]))
        assert c.id in by_phone


def test_statement_lines_by_month_and_platform(demo_db) -> None:
    src = StatementLineList()
    with demo_db.session() as s:
        ids = src.ids(s, ListQuery(filters={"month": "2026-11", "platform": "pdd"}))
        expected = {ln.id for ln in s.scalars(select(StatementLine).where(StatementLine.platform_key == "pdd"))
                    if ln.created_at.astimezone(SHANGHAI).strftime("%Y-%m") == "2026-11"}
        assert expected and set(ids) == expected


def test_month_filter_bounds_are_shanghai_midnights(db) -> None:
    from datetime import datetime

    times = {  # UTC instants around the Shanghai month boundaries
        "sep30_23h59": datetime(2026, 9, 30, 15, 59, tzinfo=UTC),
        "oct01_00h00": datetime(2026, 9, 30, 16, 0, tzinfo=UTC),
        "oct31_23h59": datetime(2026, 10, 31, 15, 59, tzinfo=UTC),
        "nov01_00h00": datetime(2026, 10, 31, 16, 0, tzinfo=UTC),
    }
    with db.session() as s:
        ids = {}
        for name, when in times.items():
            order = Order(ordered_at=when, notes=name)
            s.add(order)
            s.flush()
            ids[order.id] = name
    with db.session() as s:
        got = {ids[i] for i in OrderList().ids(s, ListQuery(filters={"month": "2026-10"}))}
    assert got == {"oct01_00h00", "oct31_23h59"}


def test_template_names_are_chinese_in_the_share_list_and_in_file_names(demo_db, tmp_path) -> None:
    from microshop.domain.templates import short_name
    from microshop.services.listing import ShareList
    from microshop.services.picks import poster_path
    from microshop.store.models import Share

    with demo_db.session() as s:
        product = s.scalars(select(Product).limit(1)).one()
        s.add(Share(product_id=product.id, kind="poster", template="card"))
        s.flush()
        share_id = s.scalars(select(Share.id).order_by(Share.id.desc()).limit(1)).one()
        row = ShareList().rows(s, [share_id])[share_id]
    assert row[3] == "价格卡片"
    assert poster_path(tmp_path, 7, "丑橘 5斤", "grid9").name == "7-丑橘 5斤-九宫格"
    assert poster_path(tmp_path, 7, "丑橘", "portrait").name == "7-丑橘-朋友圈竖版.jpg"
    assert short_name("future-template") == "future-template"  # a key this version does not know stays


def test_picks_show_their_last_day_and_say_when_it_has_passed(db) -> None:
    """选品库's 活动截止: the day, “已过期” once it is behind the clock (2026-11-20 here), sortable."""
    from microshop.services import products as psvc

    with db.session() as s:
        ids = {title: psvc.save_product(s, psvc.ProductInput(title, deadline=psvc.parse_deadline(day)))
               for title, day in (("过期的券", "2026-11-19"), ("月底的券", "2026-11-30"), ("长期", ""))}
    src = ProductList()
    column = [c.title for c in src.columns].index("活动截止")
    with db.session() as s:
        rows = src.rows(s, list(ids.values()))
        assert rows[ids["过期的券"]][column] == "2026-11-19 已过期"
        assert rows[ids["月底的券"]][column] == "2026-11-30" and rows[ids["长期"]][column] == ""
        soonest = src.ids(s, ListQuery(sort_column=column, descending=False))
    assert soonest[-2:] == [ids["过期的券"], ids["月底的券"]]  # (no day sorts first in SQLite)
