"""Export a month's reconciliation to a formatted xlsx: a summary sheet, one sheet per category."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from microshop.domain.enums import LINE_STATUS_LABELS, LineStatus, platform_name
from microshop.services.income import monthly_income
from microshop.services.reconcile import CATEGORIES, CATEGORY_LABELS, reconcile
from microshop.services.xlsx import Money, save, write_sheet

ITEM_HEADERS = ["下单时间", "平台", "平台订单号", "客户", "商品", "订单平台金额", "账单付款金额",
                "预估佣金", "结算佣金", "账单状态", "手动", "已处理", "备注"]


def export_reconciliation(session: Session, month: str, path: Path, platform: str | None = None) -> Path:
    """Write the month's reconciliation to ``path`` (.xlsx)."""
    from openpyxl import Workbook
    result = reconcile(session, month, platform)
    income = monthly_income(session, month, platform)
    wb = Workbook()
    summary = wb.active
    summary.title = "汇总"
    counts = result.counts()
    rows = []
    for key, figures in income.items():
        rows.append([
            "合计" if key == "total" else platform_name(key), Money(figures.estimated), Money(figures.settled),
            Money(figures.lost), Money(figures.clawed_back), Money(figures.markup), Money(figures.arrived),
            Money(figures.difference),
        ])
    write_sheet(summary, ["平台", "预估佣金", "本月结算", "失效", "维权扣回", "加价收入", "到账", "到账差额"], rows,
                [14, 14, 14, 12, 12, 12, 12, 12])
    summary.append([])
    summary.append([f"{month} 对账结果"])
    for category in CATEGORIES:
        summary.append([CATEGORY_LABELS[category], counts[category]])
    for category in CATEGORIES:
        ws = wb.create_sheet(CATEGORY_LABELS[category])
        items = result.category(category)
        write_sheet(ws, ITEM_HEADERS, (
            [i.ordered_at or "", platform_name(i.platform), i.platform_order_no or "", i.customer or "",
             i.title or "", _money(i.order_amount_fen), _money(i.line_paid_fen), _money(i.estimated_fen),
             _money(i.settled_fen), _status(i.line_status), "是" if i.manual else "", "是" if i.resolved else "",
             i.note or ""]
            for i in items
        ), [17, 12, 24, 10, 30, 13, 13, 11, 11, 9, 6, 7, 24])
    return save(wb, path)


def _money(fen: int | None) -> Money | None:
    return None if fen is None else Money(fen)


def _status(status: str | None) -> str:
    if status is not None and status in LineStatus._value2member_map_:
        return LINE_STATUS_LABELS[LineStatus(status)]
    return status or ""
