"""Print-ready PDFs of a 派送单: an A4 sheet, or one label per household at a label printer's size.

fpdf2 embeds a subset of the bundled Noto Sans SC, so Chinese prints on a machine with no CJK
font; characters the font lacks (emoji in nicknames) are left out rather than printed as boxes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from microshop import paths
from microshop.domain.timeutil import format_local, utcnow
from microshop.errors import UserError
from microshop.i18n import tr
from microshop.services.delivery import DeliverySheet, Household

A4_MARGIN = 12.0
TINT = (232, 243, 236)


def _pdf(page: Any = "A4") -> Any:
    from fpdf import FPDF

    pdf = FPDF(unit="mm", format=page)
    pdf.add_font("noto", "", str(paths.font_path()))
    pdf.add_font("noto", "B", str(paths.font_path(bold=True)))
    pdf.set_font("noto", size=10)
    pdf.set_title(tr("派送单"))
    pdf.set_creator(tr("微店管家"))
    return pdf


def _printable(pdf: Any, text: str) -> str:
    """Only what the bundled font can draw (its cmap), so no glyph is missing in print."""
    cmap = pdf.fonts["noto"].cmap
    return "".join(ch for ch in text if ord(ch) in cmap or ch in "\n\t")


def _save(pdf: Any, path: Path) -> Path:
    try:
        pdf.output(str(path))
    except PermissionError as exc:
        raise UserError(tr("无法写入“{name}”：文件可能正在别的程序中打开，请关闭后重试。", name=path.name)) from exc
    except OSError as exc:
        raise UserError(tr("无法写入“{path}”：{reason}。", path=path, reason=exc.strerror)) from exc
    return path


def write_sheet_pdf(sheet: DeliverySheet, path: Path) -> Path:
    """A4 portrait: a heading, then per group a tinted bar and a table of households."""
    pdf = _pdf()
    pdf.set_margins(A4_MARGIN, A4_MARGIN, A4_MARGIN)
    pdf.set_auto_page_break(True, margin=A4_MARGIN + 4)
    footer = tr("第 {page} / {pages} 页", page="{page}", pages="{nb}")

    def on_footer() -> None:
        pdf.set_y(-A4_MARGIN - 2)
        pdf.set_font("noto", size=8)
        pdf.set_text_color(120)
        pdf.cell(0, 4, footer.replace("{page}", str(pdf.page_no())), align="C")
        pdf.set_text_color(0)

    pdf.footer = on_footer
    pdf.add_page()
    pdf.set_font("noto", "B", 16)
    pdf.cell(0, 9, _printable(pdf, tr("派送单  {title}", title=sheet.title)), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("noto", size=9)
    total = sum(h.quantity for h in sheet.households)
    pdf.cell(0, 5, tr("共 {households} 户，{qty} 件 · 打印于 {when}", households=len(sheet.households), qty=total,
                      when=format_local(utcnow())), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    headings = (tr("序号"), tr("楼号房号"), tr("收货人"), tr("手机"), tr("商品 × 数量"), tr("备注"))
    widths = (9, 30, 20, 24, 67, 36)
    number = 0
    for group in sheet.groups:
        if pdf.will_page_break(20):
            pdf.add_page()
        pdf.set_font("noto", "B", 11)
        pdf.set_fill_color(*TINT)
        pdf.cell(0, 7, _printable(pdf, tr("{name}  ·  {n} 户  ·  {qty} 件", name=group.name, n=len(group.households),
                                          qty=group.quantity)), fill=True, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("noto", size=9)
        with pdf.table(col_widths=widths, text_align=("CENTER", "LEFT", "LEFT", "LEFT", "LEFT", "LEFT"),
                       line_height=4.6, padding=1.2, repeat_headings=1,
                       headings_style=_heading_style()) as table:
            table.row([_printable(pdf, h) for h in headings])
            for h in group.households:
                number += 1
                table.row([str(number), _printable(pdf, h.place), _printable(pdf, h.name), h.phone,
                           _printable(pdf, h.items_text("\n")),
                           _printable(pdf, "；".join(h.notes + ([" ".join(h.refs)] if h.refs else [])))])
        pdf.ln(3)
    return _save(pdf, path)


def _heading_style() -> Any:
    from fpdf.fonts import FontFace

    return FontFace(emphasis="BOLD", fill_color=(245, 245, 245))


def write_labels(sheet: DeliverySheet, path: Path, size: tuple[float, float]) -> Path:
    """One page per household at ``size`` (width, height) mm; the text shrinks to fit."""
    width, height = size
    pdf = _pdf(page=(width, height))
    margin = max(2.0, min(width, height) * 0.06)
    pdf.set_margins(margin, margin, margin)
    pdf.set_auto_page_break(False)
    for group in sheet.groups:
        for household in group.households:
            pdf.add_page()
            _label(pdf, group.name, household, width - 2 * margin, height - 2 * margin, margin)
    return _save(pdf, path)


def _label(pdf: Any, group: str, h: Household, w: float, avail: float, margin: float) -> None:
    head = _printable(pdf, " ".join(p for p in (h.place, group if group != h.place else "") if p) or group)
    who = _printable(pdf, f"{h.name}  {h.phone}".strip())
    items = _printable(pdf, h.items_text("\n"))
    extra = _printable(pdf, "；".join(h.notes + ([" ".join(h.refs)] if h.refs else [])))
    size = min(16.0, avail / 4.5 * 2.4)
    while size > 5:
        needed = _height(pdf, w, head, size * 1.25, "B") + _height(pdf, w, who, size, "") \
            + _height(pdf, w, items, size, "") + (_height(pdf, w, extra, size * 0.8, "") if extra else 0) + 1.5
        if needed <= avail:
            break
        size -= 0.5
    pdf.set_xy(margin, margin)
    for text, points, style in ((head, size * 1.25, "B"), (who, size, ""), (items, size, ""),
                                (extra, size * 0.8, "")):
        if not text:
            continue
        pdf.set_font("noto", style, points)
        pdf.multi_cell(w, points * 0.42, text, new_x="LMARGIN", new_y="NEXT")
        if style == "B":
            y = pdf.get_y() + 0.6
            pdf.set_draw_color(160)
            pdf.line(margin, y, margin + w, y)
            pdf.set_y(y + 0.8)


def _height(pdf: Any, w: float, text: str, points: float, style: str) -> float:
    if not text:
        return 0.0
    pdf.set_font("noto", style, points)
    lines = pdf.multi_cell(w, points * 0.42, text, dry_run=True, output="LINES")
    return len(lines) * points * 0.42 + (1.4 if style == "B" else 0)
