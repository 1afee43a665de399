"""The built-in platforms' statement importers (淘宝联盟 new/legacy/维权, 京东联盟, 多多进宝,
抖音精选联盟), each a declaration of its columns and status words (see shared/reference/platforms.md)."""

from __future__ import annotations

from datetime import UTC
from typing import ClassVar

from microshop.domain.enums import LineStatus
from microshop.i18n import QT_TR_NOOP, tr
from microshop.importers.columns import Date8, Id, Int, Money, Text, Time
from microshop.importers.statements.columns import Adjustment, Batch, Importer, LineColumns, fen_or_zero


class TaobaoImporter(Importer):
    """淘宝联盟 new 订单明细 export: key 淘宝子订单号; incomes already net of 技术服务费."""

    key, platform, label = "taobao", "taobao", QT_TR_NOOP("淘宝联盟 订单明细")
    columns = (
        Time("created", ("创建时间", "订单创建时间", "下单时间")),
        Time("settled_at", ("结算时间", "订单结算时间"), required=False),
        Text("title", ("商品标题", "商品名称", "商品信息"), required=False),
        Id("product_id", ("商品ID", "商品id", "商品编号", "item_id"), required=False),
        Int("quantity", ("商品数量", "商品数"), required=False),
        Money("paid", ("付款金额", "实际付款金额", "实付金额", "alipay_total_price")),
        Id("order_no", ("淘宝订单编号", "淘宝父订单编号", "淘宝父订单号", "订单编号", "父订单编号", "trade_parent_id")),
        Id("sub_order_no", ("淘宝子订单号", "淘宝子订单编号", "子订单号", "子订单编号", "trade_id")),
        Text("status", ("订单状态", "tk_status")),
        Money("estimated", ("付款预估收入", "预估收入", "pub_share_pre_fee")),
        Money("settled", ("结算预估收入", "结算收入", "pub_share_fee"), required=False),
    )
    statuses: ClassVar[dict[str, str]] = {"已付款": LineStatus.PAID, "已收货": LineStatus.RECEIVED, "已结算": LineStatus.SETTLED, "已失效": LineStatus.INVALID,
                "订单付款": LineStatus.PAID, "订单成功": LineStatus.RECEIVED, "订单结算": LineStatus.SETTLED, "订单失效": LineStatus.INVALID,
                "付款": LineStatus.PAID, "结算": LineStatus.SETTLED, "成功": LineStatus.RECEIVED, "失效": LineStatus.INVALID,
                "12": LineStatus.PAID, "13": LineStatus.INVALID, "14": LineStatus.RECEIVED, "3": LineStatus.SETTLED}  # tk_status codes of the API

    def convert_batch(self, b: Batch) -> LineColumns:
        sub = b.need("sub_order_no", "淘宝子订单号")
        return self.lines(b, "淘宝订单编号", key=sub, sub=sub)


class TaobaoLegacyImporter(Importer):
    """淘宝联盟 legacy TaokeDetail export: no sub-order id, key (订单编号, 商品ID)."""

    key, platform, label = "taobao_legacy", "taobao", QT_TR_NOOP("淘宝联盟 TaokeDetail（旧版）")
    columns = (
        Time("created", ("创建时间",)),
        Text("title", ("商品信息", "商品名称"), required=False),
        Id("product_id", ("商品ID", "商品id")),
        Int("quantity", ("商品数", "商品数量"), required=False),
        Text("status", ("订单状态",)),
        Money("paid", ("付款金额",)),
        Money("estimated", ("效果预估",)),
        Money("settled", ("预估收入",), required=False),
        Time("settled_at", ("结算时间",), required=False),
        Id("order_no", ("订单编号",)),
    )
    statuses = TaobaoImporter.statuses

    def convert_batch(self, b: Batch) -> LineColumns:
        return self.lines(b, "订单编号")


class TaobaoRefundImporter(Importer):
    """淘宝联盟 维权 export: refund claims that claw commission back."""

    key, platform, label = "taobao_refund", "taobao", QT_TR_NOOP("淘宝联盟 维权订单")
    columns = (
        Id("sub_order_no", ("淘宝子订单编号", "淘宝子订单号", "子订单编号")),
        Id("order_no", ("淘宝订单编号", "淘宝父订单编号"), required=False),
        Text("status", ("维权状态",)),
        Money("settled_amount", ("结算金额",), required=False),
        Money("refund", ("维权退款金额",)),
        Money("clawback", ("应返商家金额",), required=False),
        Time("settled_at", ("订单结算时间",), required=False),
    )

    def convert_batch(self, b: Batch) -> list[Adjustment]:
        sub = b.need("sub_order_no", "淘宝子订单编号")
        status = b.need("status", "维权状态")
        order_no, refund, clawback, settled_at = (b.get(f) for f in ("order_no", "refund", "clawback", "settled_at"))
        return [
            Adjustment(self.platform, order_no[i] or "", sub[i], status[i], refund[i], clawback[i],
                       None if settled_at[i] is None else settled_at[i].replace(tzinfo=UTC), b.numbers[i])
            for i in range(len(b)) if i not in b.errors
        ]


class JdImporter(Importer):
    """京东联盟: key (订单号, 商品ID); settled on 预估结算时间 (yyyyMMdd, 0 = not yet)."""

    key, platform, label = "jd", "jd", QT_TR_NOOP("京东联盟 推广订单明细")
    columns = (
        Id("order_no", ("订单号", "订单ID", "子单号", "orderId")),
        Id("parent", ("父单号", "主单号", "父订单号", "parentId"), required=False),
        Time("created", ("下单时间", "下单日期", "orderTime")),
        Date8("settle_date", ("预估结算时间", "结算日期", "payMonth"), required=False),
        Id("product_id", ("商品ID", "skuId", "SKU ID", "SKUID", "商品编号", "sku编号"), required=False),
        Text("title", ("商品名称", "商品名", "SKU名称", "skuName"), required=False),
        Int("quantity", ("商品数量", "商品数", "SKU数量", "skuNum"), required=False),
        Text("status", ("订单状态", "validCode")),
        Money("paid", ("预估计佣金额", "计佣金额", "estimateCosPrice")),
        Money("estimated", ("预估佣金", "预估收入", "estimateFee")),
        Money("settled", ("实际佣金", "实际收入", "actualFee"), required=False),
    )
    statuses: ClassVar[dict[str, str]] = {"待付款": LineStatus.UNPAID, "已付款": LineStatus.PAID, "已完成": LineStatus.RECEIVED, "已结算": LineStatus.SETTLED,
                "付款": LineStatus.PAID, "完成": LineStatus.RECEIVED, "结算": LineStatus.SETTLED, "已签收": LineStatus.RECEIVED,
                # validCode of the JD union API: 15 待付款, 16 已付款, 17 已完成, 18 已结算, 2–14 无效-…
                "15": LineStatus.UNPAID, "16": LineStatus.PAID, "17": LineStatus.RECEIVED, "18": LineStatus.SETTLED,
                **{str(code): "invalid" for code in range(2, 15)}}

    def convert_batch(self, b: Batch) -> LineColumns:
        parent = [p if p not in (None, "0") else None for p in b.get("parent")]
        title = b.get("title")
        if "product_id" in b.values:
            key = b.need("product_id", "商品ID")
        else:  # exports without a 商品ID column: the line is keyed on order number + product name
            key = ["name:" + t if t else None for t in title]
            for i, k in enumerate(key):
                if k is None:
                    b.errors.setdefault(i, tr("缺少{label}", label="商品名称"))
        return self.lines(b, "订单号", key=key, parent=parent, settled_at_field="settle_date")


class PddImporter(Importer):
    """多多进宝: 订单编号 is always text; settled = 预估佣金收入 when 已结算."""

    key, platform, label = "pdd", "pdd", QT_TR_NOOP("多多进宝 推广订单")
    columns = (
        Id("order_no", ("订单编号", "订单号", "order_sn")),
        Id("product_id", ("商品ID", "商品id", "商品编号", "goods_id")),
        Text("title", ("商品信息", "商品名称", "商品标题", "goods_name"), required=False),
        Int("quantity", ("商品数", "商品数量", "购买数量", "goods_quantity"), required=False),
        Money("paid", ("订单金额", "实付金额", "order_amount")),
        Money("estimated", ("预估佣金收入", "预估佣金", "预估收入", "推广佣金", "promotion_amount")),
        Time("created", ("创建时间", "下单时间", "订单创建时间", "order_create_time")),
        Time("settled_at", ("结算时间", "订单结算时间", "order_settle_time"), required=False),
        Text("status", ("订单状态描述", "订单状态", "order_status_desc")),
    )
    statuses: ClassVar[dict[str, str]] = {"未支付": LineStatus.UNPAID, "已支付": LineStatus.PAID, "已成团": LineStatus.PAID, "待成团": LineStatus.PAID, "确认收货": LineStatus.RECEIVED,
                "审核通过": LineStatus.RECEIVED, "审核成功": LineStatus.RECEIVED, "已结算": LineStatus.SETTLED, "已经结算": LineStatus.SETTLED,
                "审核失败": LineStatus.INVALID, "已处罚": LineStatus.INVALID, "非多多进宝商品": LineStatus.INVALID, "已取消": LineStatus.INVALID}

    def status(self, raw: str) -> str:
        compact = raw.replace("，", ",")
        if compact.startswith("未支付") and "取消" in compact:
            return LineStatus.INVALID.value
        return super().status(raw)

    def convert_batch(self, b: Batch) -> LineColumns:
        return self.lines(b, "订单编号", settled=fen_or_zero(b.get("estimated")))  # settled = estimated when 已结算


class DouyinImporter(Importer):
    """抖音精选联盟: the 10 % 技术服务费 is not yet deducted in the file; we deduct it."""

    key, platform, label = "douyin", "douyin", QT_TR_NOOP("抖音精选联盟 订单明细")
    columns = (
        Id("order_no", ("订单ID", "订单号", "订单编号", "子订单ID", "子订单号", "子订单编号", "order_id")),
        Id("product_id", ("商品ID", "商品id", "product_id")),
        Text("title", ("商品名称", "商品标题", "product_name"), required=False),
        Int("quantity", ("商品数量", "商品数", "item_num"), required=False),
        Money("paid", ("支付金额", "订单支付金额", "total_pay_amount")),
        Money("estimated", ("预估佣金收入", "达人预估佣金收入", "预估佣金", "estimated_commission")),
        Money("settled", ("实际佣金收入", "达人实际佣金收入", "结算佣金收入", "实际佣金", "real_commission"), required=False),
        Money("est_fee", ("预估技术服务费", "达人预估技术服务费", "estimated_tech_service_fee"), required=False),
        Money("settled_fee", ("结算技术服务费", "实际技术服务费", "达人结算技术服务费", "settled_tech_service_fee"), required=False),
        Text("status", ("订单状态", "flow_point")),
        Time("created", ("付款时间", "支付时间", "下单时间", "支付完成时间", "订单支付时间", "pay_success_time")),
        Time("settled_at", ("结算时间", "结算完成时间", "settle_time"), required=False),
    )
    statuses: ClassVar[dict[str, str]] = {"已付款": LineStatus.PAID, "已收货": LineStatus.RECEIVED, "已结算": LineStatus.SETTLED, "已退款": LineStatus.INVALID,
                "已失效": LineStatus.INVALID, "待付款": LineStatus.UNPAID, "支付完成": LineStatus.PAID, "确认收货": LineStatus.RECEIVED, "结算": LineStatus.SETTLED,
                "已完成": LineStatus.RECEIVED, "退款": LineStatus.INVALID, "PAY_SUCC": LineStatus.PAID, "CONFIRM": LineStatus.RECEIVED, "SETTLE": LineStatus.SETTLED,
                "REFUND": LineStatus.INVALID}

    def convert_batch(self, b: Batch) -> LineColumns:
        estimated = [a - f for a, f in zip(fen_or_zero(b.get("estimated")), fen_or_zero(b.get("est_fee")))]
        settled = [a - f for a, f in zip(fen_or_zero(b.get("settled")), fen_or_zero(b.get("settled_fee")))]
        return self.lines(b, "订单ID", estimated=estimated, settled=settled)


IMPORTERS: tuple[Importer, ...] = (
    TaobaoImporter(), TaobaoLegacyImporter(), TaobaoRefundImporter(), JdImporter(), PddImporter(),
    DouyinImporter(),
)
