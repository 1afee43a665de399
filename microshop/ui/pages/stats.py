"""统计: the month at a glance — figures, what to share today, who is due to reorder, charts."""

from __future__ import annotations

from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from microshop.domain.enums import platform_name
from microshop.domain.money import format_fen
from microshop.i18n import QT_TR_NOOP, localized
from microshop.services import report
from microshop.ui.charts import BarChart, IncomeChart
from microshop.ui.i18n import tr
from microshop.ui.item_models import ItemRole, RowsModel
from microshop.ui.pages.base import month_combo, read_only_table
from microshop.ui.worker import TaskRunner

CARDS = (
    ("orders", QT_TR_NOOP("订单数")),
    ("sales_fen", QT_TR_NOOP("销售额")),
    ("markup_fen", QT_TR_NOOP("加价收入")),
    ("estimated", QT_TR_NOOP("预估佣金")),
    ("settled", QT_TR_NOOP("本月结算")),
    ("arrived", QT_TR_NOOP("到账")),
)



if TYPE_CHECKING:
    from microshop.services.book import Database

class StatCard(QFrame):
    """A number with a caption."""

    def __init__(self, caption: str) -> None:
        super().__init__()
        self.setObjectName("statCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)  # compact: on a 768 px screen the chart below needs the height
        layout.setSpacing(2)
        self.value = QLabel("—")
        self.value.setObjectName("statValue")
        self.value.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label = QLabel(caption)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.value)
        layout.addWidget(label)


def table(model: RowsModel, widths: tuple[int, ...] = (240,)) -> QTableView:
    view = read_only_table(model)
    for column, width in enumerate(widths):
        view.setColumnWidth(column, width)
    return view


def fen(key: str) -> Any:
    return lambda r: format_fen(r[key])


class StatsPage(QWidget):
    """What a reseller looks at every morning."""

    title = QT_TR_NOOP("统计")
    poster_requested = Signal(int)

    def __init__(self, db: Database, runner: TaskRunner, parent: Any = None) -> None:
        super().__init__(parent)
        self.db, self.runner = db, runner
        self.report: dict[str, Any] | None = None
        self._token = 0
        self.month = month_combo(with_all=False)
        self.month.currentIndexChanged.connect(lambda _i: self.reload())
        self.status = QLabel()
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("月份")))
        top.addWidget(self.month)
        top.addWidget(self.status)
        top.addStretch(1)

        grid = QGridLayout()
        self.cards: dict[str, StatCard] = {}
        for i, (key, caption) in enumerate(CARDS):
            self.cards[key] = StatCard(localized(caption))
            grid.addWidget(self.cards[key], i // 3, i % 3)
        self.suggest_model = RowsModel([
            (tr("商品"), lambda s: s["title"], False),
            (tr("每单佣金"), lambda s: format_fen(s["commission_fen"]), True),
            (tr("理由"), lambda s: s["reason"], False),
        ], self)
        self.suggest_view = table(self.suggest_model)
        header = self.suggest_view.horizontalHeader()  # the reason and the figure whole; the title takes the rest
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        poster = QPushButton(tr("为所选商品做海报"))
        poster.clicked.connect(self.request_poster)
        share_box = QVBoxLayout()
        share_box.addWidget(QLabel(tr("<b>今天分享什么</b>（近期转化、每单佣金、多久没分享过）")))
        share_box.addWidget(self.suggest_view, 1)
        share_box.addWidget(poster, 0, Qt.AlignmentFlag.AlignRight)
        upper = QHBoxLayout()
        cards_widget = QWidget()
        cards_widget.setLayout(grid)
        upper.addWidget(cards_widget, 1)
        upper.addLayout(share_box, 1)

        self.tabs = QTabWidget()
        self.income_chart = IncomeChart()
        self.daily_chart = BarChart(tr("本月每日订单数"))
        self.platform_chart = BarChart(tr("各平台收入（元）"))
        self.by_commission = RowsModel([(tr("商品"), lambda r: r["title"], False),
                                        (tr("平台"), lambda r: platform_name(r["platform"]), False),
                                        (tr("预估佣金"), fen("commission_fen"), True), (tr("账单行"), lambda r: r["lines"], True)], self)
        self.by_orders = RowsModel([(tr("商品"), lambda r: r["title"], False), (tr("订单"), lambda r: r["orders"], True),
                                    (tr("件数"), lambda r: r["quantity"], True), (tr("销售额"), fen("sales_fen"), True)], self)
        self.customers = RowsModel([(tr("客户"), lambda r: r["name"], False), (tr("订单"), lambda r: r["orders"], True),
                                    (tr("消费"), fen("spent_fen"), True)], self)
        self.reminders = RowsModel([(tr("客户"), lambda r: r["customer"], False), (tr("商品"), lambda r: r["title"], False),
                                    (tr("买过"), lambda r: tr("{times} 次", times=r['times']), True),
                                    (tr("通常间隔"), lambda r: tr("{usual_days} 天", usual_days=r['usual_days']), True),
                                    (tr("距上次"), lambda r: tr("{days_since} 天", days_since=r['days_since']), True)], self)
        self.conversion = RowsModel([(tr("商品"), lambda r: r["title"], False), (tr("分享次数"), lambda r: r["shares"], True),
                                     (tr("7 天内订单"), lambda r: r["orders"], True),
                                     (tr("带来佣金"), fen("commission_fen"), True),
                                     (tr("每次分享佣金"), fen("commission_per_share_fen"), True)], self)
        self.tabs.addTab(self.income_chart, tr("收入趋势"))
        self.tabs.addTab(self.daily_chart, tr("每日订单"))
        self.tabs.addTab(self.platform_chart, tr("平台收入"))
        products = QWidget()
        products_layout = QHBoxLayout(products)
        for caption, model in ((tr("按佣金"), self.by_commission), (tr("按订单"), self.by_orders)):
            box = QVBoxLayout()
            box.addWidget(QLabel(caption))
            box.addWidget(table(model))
            products_layout.addLayout(box)
        self.tabs.addTab(products, tr("热销商品"))
        people = QWidget()
        people_layout = QHBoxLayout(people)
        for caption, model, widths in ((tr("本月客户"), self.customers, (160, 80)),
                                       (tr("回购提醒：该再来买了"), self.reminders, (80, 200, 56, 72))):
            box = QVBoxLayout()
            box.addWidget(QLabel(caption))
            box.addWidget(table(model, widths))
            people_layout.addLayout(box)
        self.tabs.addTab(people, tr("客户与回购"))
        self.tabs.addTab(table(self.conversion), tr("分享转化"))

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(upper, 1)  # the charts get two thirds: on a 768 px screen their bars stay readable
        layout.addWidget(self.tabs, 2)
        self.reload()

    def reload(self) -> None:
        """Compute the month on the worker: what is visible first (cards, suggestions, income
        chart), then the detail tabs. The page stays responsive meanwhile."""
        month = self.month.currentData()
        self._token += 1
        token = self._token
        self.report = None
        self.status.setText(tr("正在计算…"))

        def summary(_p: Any) -> tuple[dict[str, Any], Any]:
            return report.month_at_a_glance(self.db, month)

        def details(_p: Any) -> dict[str, Any]:
            return report.month_breakdown(self.db, month)

        def summary_done(result: tuple[dict[str, Any], Any]) -> None:
            if token == self._token:
                self.show_summary(*result)
                self.runner.run(details, lambda d: self.show_details(token, d), silent=True)

        self.runner.run(summary, summary_done, silent=True)

    def show_summary(self, report: dict[str, Any], overview: Any) -> None:
        self._summary = report
        income = report["income"]["total"]
        values = {"orders": str(overview.orders), "sales_fen": format_fen(overview.sales_fen),
                  "markup_fen": format_fen(overview.markup_fen), "estimated": format_fen(income["estimated"]),
                  "settled": format_fen(income["settled"]), "arrived": format_fen(income["arrived"])}
        for key, card in self.cards.items():
            card.value.setText(values[key])
        self.suggest_model.set_rows(report["suggestions"])
        self.income_chart.show_series([(m["month"], SimpleNamespace(**m)) for m in report["income_12_months"]])
        platforms = report["income"]["by_platform"]
        self.platform_chart.show(
            [p["name"] for p in platforms.values()],
            [(tr("预估佣金"), [p["estimated"] / 100 for p in platforms.values()]),
             (tr("本月结算"), [p["settled"] / 100 for p in platforms.values()])],
        )

    def show_details(self, token: int, details: dict[str, Any]) -> None:
        if token != self._token:
            return
        self.report = self._summary | details
        self.status.setText("")
        days = details["orders_per_day"]
        self.daily_chart.show([d["date"][-2:] for d in days], [(tr("订单数"), [float(d["orders"]) for d in days])])
        self.by_commission.set_rows(details["top_products"]["by_commission"])
        self.by_orders.set_rows(details["top_products"]["by_orders"])
        self.customers.set_rows(details["top_customers"])
        self.reminders.set_rows(details["reminders"])
        self.conversion.set_rows(details["conversion"])

    def request_poster(self) -> None:
        rows = self.suggest_view.selectionModel().selectedRows()
        if not rows and self.suggest_model.rowCount():
            rows = [self.suggest_model.index(0, 0)]
        if rows:
            self.poster_requested.emit(self.suggest_model.data(rows[0], ItemRole)["product_id"])
