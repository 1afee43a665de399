"""Write the 快团团-style sample exports under tests/data/ktt/ (made by us, in the shapes the
export takes: see README 快团团).

- ``幸福里水果团_1118.xlsx``: one row per order, a 团 title above the header, several products in
  one 商品 cell, a full refund, a partial refund, a cancelled order, a pickup point and addresses.
- ``幸福里水果团_1120.xlsx``: the same 团 exported two days later, columns in another order and
  named by other aliases (订单退款, 服务小区/楼号/房号): statuses moved on, one order refunded,
  one new order.
- ``帮卖_按商品.csv``: one row per product (跟团号 repeated, blank under a merged cell),
  规格/数量/商品金额 columns, 省/市/区 + 详细地址, 快递单号, UTF-8 with BOM.

Run: ``python scripts/make_ktt_samples.py`` (deterministic; the files are committed).
"""

from __future__ import annotations

import csv
from pathlib import Path

from openpyxl import Workbook

OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "ktt"

HEADER_V1 = ["跟团号", "下单人", "团员备注", "支付时间", "团长备注", "商品", "订单金额", "退款金额", "订单状态",
             "自提点", "收货人", "联系电话", "详细地址"]
ROWS_V1 = [
    [1, "王阿姨", "放门口", "2026-11-18 09:01:12", "", "赣南脐橙 5斤装 ×2", "59.80", "0", "已支付",
     "", "王丽", "13800001111", "浙江省杭州市西湖区幸福里小区10栋2单元1201"],
    [2, "小李🍓", "", "2026-11-18 09:15:40", "老顾客", "麒麟西瓜（1个约8斤）×1\n阳光玫瑰葡萄 2斤 ×3", "101.70", "", "已支付",
     "", "李强", "13900002222", "浙江省杭州市西湖区幸福里小区2栋1单元302"],
    [3, "张姐", "", "2026-11-18 10:02:00", "", "赣南脐橙 5斤装 ×1；鲜鸡蛋 30枚 ×1", "54.80", "54.80", "已退款",
     "", "张敏", "13700003333", "幸福里小区3栋502"],
    [4, "老陈", "晚上送", "2026-11-18 11:30:00", "", "阳光玫瑰葡萄 2斤 ×2", "47.80", "10.00", "已支付",
     "", "陈刚", "13600004444", "幸福里小区10号楼1101"],
    [5, "周周", "", "2026-11-18 12:00:00", "", "鲜鸡蛋 30枚 ×2", "50.00", "", "已取消",
     "", "周洁", "13500005555", "幸福里小区2栋1单元601"],
    [6, "赵大哥", "", "2026-11-18 13:20:00", "", "赣南脐橙 5斤装 ×1", "29.90", "", "待发货",
     "东门快递柜旁", "赵军", "13400006666", ""],
    [7, "钱多多", "要大个的", "2026-11-18 14:45:00", "", "麒麟西瓜（1个约8斤）×2", "79.80", "", "已支付",
     "", "钱芳", "13300007777", "幸福里小区2栋2单元1502"],
    [8, "王阿姨", "", "2026-11-18 16:10:00", "", "鲜鸡蛋 30枚 ×1", "25.00", "", "已支付",
     "", "王丽", "13800001111", "浙江省杭州市西湖区幸福里小区10栋2单元1201"],
]

HEADER_V2 = ["订单状态", "跟团号", "下单人", "支付时间", "商品", "订单金额", "订单退款", "收货人", "联系电话",
             "服务小区", "楼号", "房号", "详细地址", "团员备注", "团长备注", "自提点"]


def v2_rows() -> list[list[object]]:
    status = {1: "已完成", 2: "已发货（部分退款）", 3: "已退款", 4: "已完成", 5: "已取消", 6: "已完成", 7: "已退款", 8: "已发货"}
    refund = {2: "5.00", 3: "54.80", 4: "10.00", 7: "79.80"}
    out = []
    for row in ROWS_V1:
        (no, buyer, note, paid, leader, product, amount, _refund, _status, pickup, recipient, phone, address) = row
        building, room = {1: ("10", "1201"), 2: ("2", "302"), 3: ("3", "502"), 4: ("10", "1101"), 5: ("2", "601"),
                          6: ("", ""), 7: ("2", "1502"), 8: ("10", "1201")}[int(no)]
        out.append([status[int(no)], no, buyer, paid, product, amount, refund.get(int(no), ""), recipient, phone,
                    "幸福里小区" if building else "", building, room, address, note, leader, pickup])
    out.append(["已支付", 9, "孙奶奶", "2026-11-19 08:30:00", "阳光玫瑰葡萄 2斤 ×1", "23.90", "", "孙梅",
                "13200008888", "幸福里小区", "1", "101", "幸福里小区1栋101", "", "", ""])
    return out


CSV_HEADER = ["跟团号", "订单号", "支付时间", "商品", "规格", "数量", "商品金额", "订单状态", "收货人", "联系电话",
              "省", "市", "区", "详细地址", "快递公司", "快递单号"]
CSV_ROWS = [
    ["101", "KTT2026111900101", "2026/11/19 20:01", "云南蓝莓", "125g*4盒", "1", "39.90", "已发货", "刘洋", "15100001111",
     "江苏省", "南京市", "鼓楼区", "翠苑一区7幢3单元401室", "中通快递", "78812345678901"],
    ["", "", "", "丹东草莓", "500g", "2", "59.80", "", "", "", "", "", "", "", "", ""],
    ["102", "KTT2026111900102", "2026/11/19 20:30", "云南蓝莓", "125g*4盒", "2", "79.80", "已支付", "黄蓉", "15200002222",
     "江苏省", "南京市", "鼓楼区", "翠苑一区12幢1单元1102室", "", ""],
    ["103", "KTT2026111900103", "2026/11/19 21:05", "丹东草莓", "500g", "1", "29.90", "交易关闭", "郭靖", "15300003333",
     "江苏省", "南京市", "鼓楼区", "翠苑一区7幢1单元201室", "", ""],
    ["104", "KTT2026111900104", "2026/11/19 22:00", "云南蓝莓", "125g*4盒", "1", "39.90", "待成团", "杨过", "15400004444",
     "江苏省", "南京市", "鼓楼区", "翠苑一区7幢3单元1001室", "", ""],
    ["104", "KTT2026111900104", "2026/11/19 22:00", "丹东草莓", "500g", "1", "29.90", "待成团", "杨过", "15400004444",
     "江苏省", "南京市", "鼓楼区", "翠苑一区7幢3单元1001室", "", ""],
    ["105", "KTT2026111900105", "2026/11/19 22:10", "丹东草莓", "500g", "1", "29.90", "拼团失败", "小龙女", "15500005555",
     "江苏省", "南京市", "鼓楼区", "翠苑一区2幢101室", "", ""],
]


def write_xlsx(path: Path, title: str | None, header: list[str], rows: list[list[object]]) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "订单"
    if title:
        ws.append([title])
    ws.append(header)
    for row in rows:
        ws.append(row)
    wb.save(path)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    write_xlsx(OUT / "幸福里水果团_1118.xlsx", "团购：幸福里社区水果团 导出时间：2026-11-18 20:00", HEADER_V1, ROWS_V1)
    write_xlsx(OUT / "幸福里水果团_1120.xlsx", "团购：幸福里社区水果团 导出时间：2026-11-20 09:00", HEADER_V2, v2_rows())
    with open(OUT / "帮卖_按商品.csv", "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(CSV_HEADER)
        writer.writerows(CSV_ROWS)
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
