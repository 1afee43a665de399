"""Write the hostile-input corpus into tests/data/hostile/ (small files; each names what it tries).

Run again after changing a case: ``python scripts/make_hostile.py``. The files are committed, so the
tests never depend on this script's output matching a library version.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "hostile"

TB = ("创建时间,付款时间,结算时间,商品标题,掌柜旺旺,店铺名称,商品ID,商品数量,商品单价,付款金额,类目名称,"
      "淘宝订单编号,淘宝子订单号,订单状态,订单类型,结算金额,佣金比率,佣金金额,付款预估收入,结算预估收入,技术服务费,推广位名称")


def tb_line(**over: str) -> str:
    cells = dict(created="2026-10-05 12:00:00", title="商品", pid="P1", qty="1", paid="59.90", order="1768131813739844009",
                 sub="1768131813739844010", status="已付款", est="5.99", settled="0")
    cells.update(over)
    return (f"{cells['created']},{cells['created']},--,{cells['title']},店,店,{cells['pid']},{cells['qty']},59.9,{cells['paid']},"
            f"食品,{cells['order']},{cells['sub']},{cells['status']},天猫,0,{cells.get('rate', '20.00 %')},0,{cells['est']},"
            f"{cells['settled']},0.6,群")


def csv_cases() -> dict[str, str]:
    return {
        "statement_amount_1e999999999.csv": "\n".join([TB, tb_line(paid="1e999999999"), tb_line(sub="2", est="-1e999999999")]),
        "statement_date_year_1.csv": "\n".join([TB, tb_line(created="0001-01-01 00:00:00")]),
        "statement_epoch_20_digits.csv": "\n".join([TB, tb_line(created="12345678901234567890")]),
        "statement_epoch_24_digits.csv": "\n".join([TB, tb_line(created="123456789012345678901234")]),
        "statement_year_9999.csv": "\n".join([TB, tb_line(created="9999-12-31 23:59:59")]),
        "statement_quantity_1e30.csv": "\n".join([TB, tb_line(qty="1" + "0" * 30), tb_line(sub="3", qty="12345678901234567890")]),
        "statement_nan_amounts.csv": "\n".join([TB, tb_line(paid="nan", est="sNaN"), tb_line(sub="4", paid="inf")]),
        "statement_every_row_skipped.csv": "\n".join([TB] + [tb_line(sub=str(n), paid="五十") for n in range(5)]),
        "statement_header_only.csv": TB,
        "statement_totals_only.csv": "\n".join([TB, "总计,,,,,,,,,59.9", "合计：3 笔"]),
        "statement_nul_bytes.csv": "\n".join([TB, tb_line(title="商\x00品")]),
        "statement_three_million_columns.csv": "a," * 3_000_000 + "\n1,2\n",
        "orders_amount_overflow.csv": "下单时间,客户,商品,数量,金额\n2026-10-05 12:00,张三,荔枝,1,1e999999999\n"
                                      "2026-10-05 12:00,李四,荔枝,100000000000000000000,9.9\n0001-01-01,王五,荔枝,1,9.9\n",
        "picks_nan_rate.csv": "商品标题,链接,券后价,佣金比例\n荔枝,https://u.jd.com/x,9.9,nan%\n芒果,https://u.jd.com/y,1e999999999,sNaN\n",
        "jielong_huge_price.txt": "#接龙\n荔枝 12345678901234元\n芒果 99999999999999.99元\n1. 张三 荔枝2\n2. 李四 芒果1\n",
        "jielong_long_label.txt": "#接龙\n" + "好" * 100_000 + " 39元\n1. 张三 好好2\n",
        "jielong_nul_bytes.txt": "#接龙\n荔枝 39元\n1. 张\x00三 2\n",
    }


def xlsx(sheet_xml: bytes, shared: bytes | None = None) -> bytes:
    ns = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel = b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    files = {
        "[Content_Types].xml": b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        b'<Default Extension="xml" ContentType="application/xml"/>'
        b'<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        b'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        + (b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' if shared else b"")
        + b"</Types>",
        "_rels/.rels": b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": b'<?xml version="1.0"?><workbook ' + ns + b" " + rel + b'><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        + (b'<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' if shared else b"")
        + b"</Relationships>",
        "xl/worksheets/sheet1.xml": b'<?xml version="1.0"?><worksheet ' + ns + b"><sheetData>" + sheet_xml + b"</sheetData></worksheet>",
    }
    if shared:
        files["xl/sharedStrings.xml"] = shared
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(name, data)
    return buf.getvalue()


def xlsx_cases() -> dict[str, bytes]:
    ns = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    return {
        "sheet_cell_at_XFD1048576.xlsx": xlsx(b'<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>'
                                              b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'),
        "shared_strings_uniquecount_2147483647.xlsx": xlsx(
            b'<row r="1"><c r="A1" t="s"><v>0</v></c></row>',
            b'<?xml version="1.0"?><sst ' + ns + b' count="2147483647" uniqueCount="2147483647"><si><t>x</t></si></sst>'),
        # The reader places a cell by its own reference, whatever its row's r says: these aborted it.
        "sheet_cell_row_999999999_in_row_2.xlsx": xlsx(b'<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>'
                                                       b'<row r="2"><c r="A999999999"><v>1</v></c></row>'),
        "sheet_cell_ref_13_digits.xlsx": xlsx(b'<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>'
                                              b'<row r="2"><c r="B9999999999999"><v>1</v></c></row>'),
        "sheet_cell_ref_ten_letters.xlsx": xlsx(b'<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>'
                                                b'<row r="2"><c r="ABCDEFGHIJ2"><v>1</v></c></row>'),
        "sheet_malformed_xml.xlsx": xlsx('<row r="1"><c r="A1" t="inlineStr"><is><t>订单号</t></is></c><row>'.encode()),
    }


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, text in csv_cases().items():
        (OUT / name).write_text(text, encoding="utf-8")
    for name, data in xlsx_cases().items():
        (OUT / name).write_bytes(data)
    (OUT / "utf32_statement.csv").write_bytes(("\ufeff" + TB + "\n" + tb_line()).encode("utf-32"))
    (OUT / "double_bom_statement.csv").write_bytes(b"\xef\xbb\xbf\xef\xbb\xbf" + (TB + "\n" + tb_line()).encode("utf-8"))
    print(f"{len(list(OUT.iterdir()))} files in {OUT}")


if __name__ == "__main__":
    main()
