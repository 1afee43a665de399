"""Month-end in one pass: the files a reseller picks at once in 对账 → 导入账单 may be the platforms'
statements and her own order book (导出的订单表). Each is recognised here — a statement first, and a
file no statement importer claims is tried as an order book — previewed without writing, and then
imported, each in its own transaction.

A preview is tagged ``kind``: ``"statement"`` (the statement preview) or ``"orders"`` (the order-book
preview). A file that is neither raises the statement's own error, which says what to do.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from microshop.importers.orderbook import NotAnOrderBook
from microshop.importers.statements import UnrecognisedStatement
from microshop.services import orders, statements
from microshop.services.progress import Progress


def preview(db: Any, path: Path, progress: Progress | None = None) -> dict[str, Any]:
    """What importing ``path`` would do (nothing written), tagged with its ``kind``."""
    path = Path(path)
    read = statements.preview_file_apart if statements.worth_a_process(path) else statements.preview_file
    try:
        return {**read(db, path, None, progress), "kind": "statement"}
    except UnrecognisedStatement as not_a_statement:
        try:
            return dict(orders.preview_book_file(db, path))
        except NotAnOrderBook:
            raise not_a_statement from None


def import_(db: Any, path: Path, preview: dict[str, Any], progress: Progress | None = None) -> dict[str, Any]:
    """Import ``path`` as its ``preview`` recognised it; the result carries ``kind`` and ``file``."""
    path = Path(path)
    if preview.get("kind") == "orders":
        result: dict[str, Any] = dict(orders.import_book_file(db, path, progress))
        return {**result, "kind": "orders", "file": path.name, "month": preview.get("month")}
    run = statements.import_file_apart if statements.worth_a_process(path) else statements.import_file
    result = run(db, path, preview["platform"], progress)
    return {**result, "kind": "statement", "file": path.name, "month": preview.get("month")}

