"""Reading tables from what users have: xlsx/xls/ods (python-calamine) and CSV in any common
encoding, plus the cell rules every importer shares (ids, times, money, quantities).

Everything here raises ``UserError`` with a Chinese message that says what is wrong and what
to do; nothing here touches the database.

In three parts: ``reading`` (files in, rows out), ``safety`` (what a spreadsheet must not do to the
reader) and ``cells`` (the per-cell and per-column rules); this package offers their names as one.
"""

from __future__ import annotations

from microshop.importers.table.cells import (
    BLANKS,
    MAX_QUANTITY,
    MAX_YEAR,
    MIN_YEAR,
    cell_id,
    cell_int,
    cell_money,
    cell_text,
    cell_time,
    column_id,
    column_int,
    column_money,
    column_text,
    column_time,
    find_header,
    norm_header,
)
from microshop.importers.table.reading import (
    MAX_CSV_COLUMNS,
    MAX_TEXT_BYTES,
    SPREADSHEET_SUFFIXES,
    Table,
    csv_encoding,
    decode_text,
    iter_table,
    read_table,
    row_count_hint,
)
from microshop.importers.table.safety import (
    MAX_RATIO,
    MAX_SHEET_CELLS,
    MAX_SHEET_COLUMNS,
    MAX_UNZIPPED_BYTES,
    SCAN_CHUNK,
    WHOLE_SHEET_SCAN,
    XML_SCAN_BYTES,
    check_zip_container,
)

__all__ = [
    "BLANKS",
    "MAX_CSV_COLUMNS",
    "MAX_QUANTITY",
    "MAX_RATIO",
    "MAX_SHEET_CELLS",
    "MAX_SHEET_COLUMNS",
    "MAX_TEXT_BYTES",
    "MAX_UNZIPPED_BYTES",
    "MAX_YEAR",
    "MIN_YEAR",
    "SCAN_CHUNK",
    "SPREADSHEET_SUFFIXES",
    "WHOLE_SHEET_SCAN",
    "XML_SCAN_BYTES",
    "Table",
    "cell_id",
    "cell_int",
    "cell_money",
    "cell_text",
    "cell_time",
    "check_zip_container",
    "column_id",
    "column_int",
    "column_money",
    "column_text",
    "column_time",
    "csv_encoding",
    "decode_text",
    "find_header",
    "iter_table",
    "norm_header",
    "read_table",
    "row_count_hint",
]
