"""Writing styled xlsx files with openpyxl, safely: no cell is left to run as a formula."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # openpyxl loads only when a file is written (start-up does not pay for it)
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

from microshop.domain.money import fen_to_decimal
from microshop.errors import UserError
from microshop.i18n import tr

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
MONEY_FORMAT = '"¥"#,##0.00;[Red]-"¥"#,##0.00'
HEADER_COLOUR = "E8F3EC"


class Money(int):
    """Marks an integer of fen to be written as a yuan number with a money format."""


def safe_text(value: str) -> str:
    """Neutralise text that Excel would treat as a formula (OWASP CSV/formula injection)."""
    return "'" + value if value.startswith(FORMULA_START) else value


def write_sheet(ws: Worksheet, headers: Sequence[str], rows: Iterable[Sequence[Any]],
                widths: Sequence[int] | None = None) -> None:
    """A header row (bold, tinted, frozen) and data rows; Money cells get the money format."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    ws.append(list(headers))
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_COLOUR)
        cell.alignment = Alignment(horizontal="center")
    for row in rows:
        ws.append([_value(v) for v in row])
        for cell, value in zip(ws[ws.max_row], row):
            if isinstance(value, Money):
                cell.number_format = MONEY_FORMAT
            elif isinstance(value, str):
                cell.data_type = "s"  # never a formula, whatever the text starts with
    ws.freeze_panes = "A2"
    for i, header in enumerate(headers, start=1):
        width = widths[i - 1] if widths and i - 1 < len(widths) else max(10, len(str(header)) * 2 + 2)
        ws.column_dimensions[get_column_letter(i)].width = width


def _value(value: Any) -> Any:
    if isinstance(value, Money):
        return fen_to_decimal(int(value))
    if isinstance(value, str):
        return safe_text(value)
    return value


def save(workbook: Workbook, path: Path) -> Path:
    """Save, with a Chinese message when the file is open in Excel or the folder is read-only."""
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        path = path.with_suffix(".xlsx")
    try:
        workbook.save(path)
    except PermissionError as exc:
        raise UserError(tr("无法写入“{name}”：文件可能正在 Excel 中打开，请关闭后重试。", name=path.name)) from exc
    except OSError as exc:
        raise UserError(tr("无法写入“{path}”：{reason}。", path=path, reason=exc.strerror)) from exc
    return path
