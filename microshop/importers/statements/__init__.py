"""Platform statement importers (淘宝联盟 new/legacy/维权, 京东联盟, 多多进宝, 抖音精选联盟).

Built the beangulp way: each importer declares its columns with alias sets and one parse rule per
column type, says whether a header row is its own (``identify``), and turns rows into canonical
lines (see shared/reference/platforms.md). Rows are parsed a chunk and a column at a time
(``Batch`` → ``LineColumns``), because a statement can hold 100,000 lines; the per-cell rules in
``table`` decide every cell the fast paths do not. Two importers claiming one file, or none, is a
question for the user, never a guess.

In four parts: ``columns`` (declarations, records, the ``Importer`` base), ``platforms`` (the
built-in importers), ``mapping`` (the user's column mapping for any other platform), ``detection`` (which importer a file is) and ``reader`` (parsing a file);
this package offers their names as one.
"""

from __future__ import annotations

from microshop.importers.statements.columns import (
    HEADER_SCAN_ROWS,
    LINE_FIELDS,
    STATUS_CHOICES,
    Adjustment,
    AmbiguousStatement,
    Batch,
    Chunk,
    Importer,
    Line,
    LineColumns,
    ParsedStatement,
    RowError,
    RowIssue,
    UnknownStatus,
    UnknownStatuses,
    UnrecognisedStatement,
    fen_or_zero,
    norm_status,
    parse_column,
    parse_status_map,
    plain_statuses,
)
from microshop.importers.statements.detection import (
    PLATFORM_CHOICES,
    TOTAL_WORDS,
    detect,
)
from microshop.importers.statements.platforms import (
    IMPORTERS,
    DouyinImporter,
    JdImporter,
    PddImporter,
    TaobaoImporter,
    TaobaoLegacyImporter,
    TaobaoRefundImporter,
)
from microshop.importers.statements.reader import (
    CHUNK_ROWS,
    StatementReader,
    _data_rows,
    _is_data_row,
    parse_statement,
)

__all__ = [
    "CHUNK_ROWS",
    "HEADER_SCAN_ROWS",
    "IMPORTERS",
    "LINE_FIELDS",
    "PLATFORM_CHOICES",
    "STATUS_CHOICES",
    "TOTAL_WORDS",
    "Adjustment",
    "AmbiguousStatement",
    "Batch",
    "Chunk",
    "DouyinImporter",
    "Importer",
    "JdImporter",
    "Line",
    "LineColumns",
    "ParsedStatement",
    "PddImporter",
    "RowError",
    "RowIssue",
    "StatementReader",
    "TaobaoImporter",
    "TaobaoLegacyImporter",
    "TaobaoRefundImporter",
    "UnknownStatus",
    "UnknownStatuses",
    "UnrecognisedStatement",
    "_data_rows",
    "_is_data_row",
    "detect",
    "fen_or_zero",
    "norm_status",
    "parse_column",
    "parse_statement",
    "parse_status_map",
    "plain_statuses",
]
