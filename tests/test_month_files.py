"""Month-end files in one selection: statements and the order book told apart, previewed without
writing, imported each in its own transaction."""

from __future__ import annotations

import pytest
from conftest import FIXTURES, write_xlsx
from sqlalchemy import func, select

from microshop.importers.statements import UnrecognisedStatement
from microshop.services import month_files
from microshop.store.models import Order, StatementLine

BOOK = FIXTURES / "orders" / "orders_2026-10.xlsx"
TAOBAO = FIXTURES / "statements" / "taobao_2026-10.xlsx"


def count(db, model) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_a_statement_and_the_order_book_are_told_apart_and_previewed_without_writing(db) -> None:
    statement = month_files.preview(db, TAOBAO)
    book = month_files.preview(db, BOOK)
    assert statement["kind"] == "statement" and statement["platform"] == "taobao" and statement["added"] > 0
    assert book["kind"] == "orders"
    assert (book["orders"], book["repeats"], book["skipped"], book["month"]) == (80, 0, [], "2026-10")
    assert count(db, Order) == 0 and count(db, StatementLine) == 0  # a preview writes nothing


def test_after_importing_the_order_book_its_preview_says_every_order_is_a_repeat(db) -> None:
    result = month_files.import_(db, BOOK, month_files.preview(db, BOOK))
    assert (result["kind"], result["file"], result["orders"], result["month"]) == ("orders", BOOK.name, 80, "2026-10")
    assert count(db, Order) == 80
    again = month_files.preview(db, BOOK)
    assert (again["orders"], again["repeats"]) == (0, 80)
    month_files.import_(db, BOOK, again)
    assert count(db, Order) == 80  # nothing written twice


def test_a_statement_is_imported_as_its_preview_recognised_it(db) -> None:
    result = month_files.import_(db, TAOBAO, month_files.preview(db, TAOBAO))
    assert result["kind"] == "statement" and result["platform"] == "taobao"
    assert count(db, StatementLine) == result["added"] > 0


def test_a_file_that_is_neither_gets_the_statement_message(db, tmp_path) -> None:
    path = tmp_path / "购物清单.xlsx"
    write_xlsx(path, [["名称", "颜色"], ["杯子", "红"]])
    with pytest.raises(UnrecognisedStatement) as refused:
        month_files.preview(db, path)
    assert "购物清单.xlsx" in refused.value.message and "自定义列映射" in refused.value.message
