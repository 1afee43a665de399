"""统计: the report agrees with 对账, and its rankings follow the data."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from conftest import settle
from sqlalchemy import select

from microshop.services import products as psvc
from microshop.services.reconcile import reconcile
from microshop.services.report import conversion, month_report, repurchase_reminders, suggestions
from microshop.store.models import Customer, Order, OrderItem, Share
from microshop.ui.app import create_app
from microshop.ui.main_window import MainWindow

NOW = datetime(2026, 11, 20, 4, tzinfo=UTC)




def test_report_agrees_with_reconciliation(sample_db) -> None:
    with sample_db.session() as s:
        report = month_report(s, "2026-10", NOW)
        rec = reconcile(s, "2026-10")
        orders = s.scalars(select(Order).where(Order.ordered_at >= datetime(2026, 9, 30, 16, tzinfo=UTC),
                                               Order.ordered_at < datetime(2026, 10, 31, 16, tzinfo=UTC))).all()
    total = report["income"]["total"]
    assert {k: total[k] for k in ("estimated", "settled", "lost")} == rec.totals_fen
    for key, figures in rec.platforms.items():
        mine = report["income"]["by_platform"][key]
        assert (mine["estimated"], mine["settled"], mine["lost"]) == (figures["estimated"], figures["settled"], figures["lost"])
    assert sum(d["orders"] for d in report["orders_per_day"]) == len([o for o in orders if o.status != "refunded"])
    assert report["income_12_months"][-1]["estimated"] == rec.totals_fen["estimated"]
    top = report["top_products"]["by_commission"][0]
    assert top["commission_fen"] == max(p["commission_fen"] for p in report["top_products"]["by_commission"])


def test_daily_orders_use_shanghai_days(db) -> None:
    with db.session() as s:
        for when in (datetime(2026, 10, 31, 15, 59, tzinfo=UTC), datetime(2026, 10, 31, 16, 1, tzinfo=UTC)):
            order = Order(ordered_at=when)
            order.items = [OrderItem(title="荔枝", amount_fen=100)]
            s.add(order)
    with db.session() as s:
        oct_days = month_report(s, "2026-10", NOW)["orders_per_day"]
        nov_days = month_report(s, "2026-11", NOW)["orders_per_day"]
    assert oct_days == [{"date": "2026-10-31", "orders": 1, "sales_fen": 100}]
    assert nov_days == [{"date": "2026-11-01", "orders": 1, "sales_fen": 100}]


def make_pick(s, title: str, price: int, rate: int) -> int:
    return psvc.save_product(s, psvc.ProductInput(title, link=f"https://u.jd.com/{title}", price_fen=price,
                                                  commission_rate_bp=rate))


def order(s, customer: Customer, pid: int | None, title: str, when: datetime, amount: int = 5990) -> None:
    o = Order(customer=customer, ordered_at=when)
    o.items = [OrderItem(product_id=pid, title=title, amount_fen=amount)]
    s.add(o)


def test_conversion_suggestions_and_reminders(db) -> None:
    with db.session() as s:
        hot = make_pick(s, "荔枝", 5990, 2000)
        cold = make_pick(s, "抽纸", 3590, 800)
        fresh = make_pick(s, "蓝莓", 1990, 1000)
        zhang, li = Customer(name="张姐"), Customer(name="李雪")
        s.add_all([zhang, li])
        for days_ago in (12, 10):
            s.add(Share(product_id=hot, kind="poster", shared_at=NOW - timedelta(days=days_ago)))
        s.add(Share(product_id=cold, kind="poster", shared_at=NOW - timedelta(days=1)))
        order(s, zhang, hot, "荔枝", NOW - timedelta(days=9))
        order(s, li, hot, "荔枝", NOW - timedelta(days=8))
        order(s, li, cold, "抽纸", NOW - timedelta(days=20))  # before any share: not a conversion
        # 张姐 buys 抽纸 every ~10 days, last 40 days ago: overdue. 李雪's 鸡蛋 every 30 days, last 10: not yet.
        for days_ago in (60, 50, 40):
            order(s, zhang, None, "抽纸 24包", NOW - timedelta(days=days_ago), 3590)
        for days_ago in (40, 10):
            order(s, li, None, "土鸡蛋", NOW - timedelta(days=days_ago), 4500)
    with db.session() as s:
        conv = {c.product_id: c for c in conversion(s, NOW - timedelta(days=30), NOW)}
        ranked = suggestions(s, NOW)
        reminders = repurchase_reminders(s, NOW)
    assert (conv[hot].shares, conv[hot].orders, conv[hot].commission_fen) == (2, 2, 2 * 1198)
    assert (conv[cold].shares, conv[cold].orders) == (1, 0)
    assert ranked[0].product_id == hot  # converts, pays well, not shared for 10 days
    assert ranked.index(next(r for r in ranked if r.product_id == fresh)) < ranked.index(next(r for r in ranked if r.product_id == cold))
    assert [(r.customer, r.title, r.usual_days, r.days_since) for r in reminders] == [("张姐", "抽纸 24包", 10, 40)]


def test_stats_page_shows_the_report_and_links_to_posters(qapp, demo_db, qtbot, qtmodeltester) -> None:
    create_app([])
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.nav.setCurrentRow(5)
    page = window.pages[5]
    qtbot.waitUntil(lambda: page.report is not None, timeout=10000)
    assert page.suggest_model.rowCount() > 0
    for model in (page.suggest_model, page.by_orders, page.customers, page.conversion):
        qtmodeltester.check(model, force_py=True)
    page.suggest_view.selectRow(0)
    wanted = page.report["suggestions"][0]["product_id"]
    page.request_poster()
    assert window.stack.currentWidget() is window.pages[1]
    settle(qtbot, window)
    assert window.pages[1].selected_product() == wanted
