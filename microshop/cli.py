"""The command line: ``python -m microshop [--db PATH] COMMAND`` over the same services as the GUI.

Exit codes: 0 success; 2 refused input or environment problem (a Chinese message on stderr,
never a traceback); 1 an unexpected bug (with a traceback, so it can be reported).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from contextlib import nullcontext
from pathlib import Path
from typing import Any

from microshop import __version__, paths
from microshop.domain.enums import PLATFORMS as PLATFORMS_KEYS
from microshop.domain.enums import STATEMENT_PLATFORMS, OrderStatus
from microshop.errors import UserError
from microshop.i18n import QT_TR_NOOP, localized, tr
from microshop.store.database import Database

ORDER_STATUSES = [s.value for s in OrderStatus]

Handler = Callable[[argparse.Namespace], int]


# argparse's own words (usage:, options, "the following arguments are required" …), which it looks
# up through ``argparse._`` each time it writes them: said in Chinese, and translatable like the rest.
ARGPARSE_WORDS = {
    "usage: ": QT_TR_NOOP("用法："),
    "positional arguments": QT_TR_NOOP("位置参数"),
    "options": QT_TR_NOOP("选项"),
    "show this help message and exit": QT_TR_NOOP("显示这段帮助并退出"),
    "show program's version number and exit": QT_TR_NOOP("显示版本号并退出"),
    "the following arguments are required: %s": QT_TR_NOOP("缺少必需的参数：%s"),
    "argument %(argument_name)s: %(message)s": QT_TR_NOOP("参数 %(argument_name)s：%(message)s"),
    "invalid choice: %(value)r (choose from %(choices)s)": QT_TR_NOOP("没有“%(value)s”这一项（可选：%(choices)s）"),
    "invalid %(type)s value: %(value)r": QT_TR_NOOP("“%(value)s”不是有效的值"),
    "unrecognized arguments: %s": QT_TR_NOOP("不认识的参数：%s"),
    "expected one argument": QT_TR_NOOP("后面要跟一个值"),
    "expected at least one argument": QT_TR_NOOP("后面至少要跟一个值"),
    "expected at most one argument": QT_TR_NOOP("后面最多跟一个值"),
    "expected %s argument": QT_TR_NOOP("后面要跟 %s 个值"),
    "expected %s arguments": QT_TR_NOOP("后面要跟 %s 个值"),
    "not allowed with argument %s": QT_TR_NOOP("不能和参数 %s 一起用"),
    "one of the arguments %s is required": QT_TR_NOOP("参数 %s 至少要给一个"),
    "ambiguous option: %(option)s could match %(matches)s": QT_TR_NOOP("选项 %(option)s 不明确，可能是：%(matches)s"),
    "ignored explicit argument %r": QT_TR_NOOP("多余的值 %r 已忽略"),
    "can't open '%(filename)s': %(error)s": QT_TR_NOOP("打不开“%(filename)s”：%(error)s"),
}


def _argparse_words(message: str) -> str:
    return localized(ARGPARSE_WORDS[message]) if message in ARGPARSE_WORDS else message


def _speak_chinese() -> None:
    """Have argparse say its own words through ``ARGPARSE_WORDS`` (it reads ``argparse._`` each time)."""
    argparse._ = _argparse_words  # type: ignore[attr-defined]
    argparse.ngettext = lambda singular, plural, n: _argparse_words(singular if n == 1 else plural)  # type: ignore[attr-defined]


class ChineseArgumentParser(argparse.ArgumentParser):
    """argparse with Chinese words, a Chinese error line and exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, tr("参数错误：{message}\n用 --help 查看用法。\n", message=message))


def emit(data: Any, as_json: bool) -> None:
    """Print a result: JSON for scripts, or readable ``key: value`` lines."""
    if as_json:
        print(json.dumps(data, ensure_ascii=False))
    elif isinstance(data, dict):
        for key, value in data.items():
            print(f"{key}: {value}")
    else:
        print(data)


def progress_of(args: argparse.Namespace) -> Any:
    """A progress handle printing ``{"done": N, "total": N}`` lines to stderr with ``--progress``."""
    if not getattr(args, "progress", False):
        return None
    from microshop.services.progress import Progress

    def show(done: int, total: int, _message: str) -> None:
        print(json.dumps({"done": done, "total": total}), file=sys.stderr, flush=True)

    return Progress(show)


def open_db(args: argparse.Namespace) -> Database:
    """The database named by ``--db`` (or the default one in the data folder)."""
    return Database.open(Path(args.db) if args.db else paths.default_db_path())


def in_session(args: argparse.Namespace, work: Callable[[Any], Any], *, operation: str | None = None,
               backup_first: str | None = None) -> int:
    """Open the database, run ``work(session)`` in one transaction, print its result, close.

    ``operation`` marks a long write as in progress (reported at the next start if killed);
    ``backup_first`` takes an automatic backup before the change.
    """
    db = open_db(args)
    try:
        if backup_first:
            db.backup(backup_first)
        with db.operation(operation) if operation else nullcontext(), db.session() as session:
            result = work(session)
    finally:
        db.close()
    emit(result, args.json)
    return 0


def with_db(args: argparse.Namespace, operation: Callable[[Any], Any]) -> int:
    """Open the database, run one operation (the same function the GUI runs), print its result."""
    db = open_db(args)
    try:
        result = operation(db)
    finally:
        db.close()
    emit(result, args.json)
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from microshop.services.stats import counts

    return in_session(args, counts)


def cmd_backup(args: argparse.Namespace) -> int:
    from microshop.store.backup import online_backup

    db = open_db(args)
    out = online_backup(db.path, Path(args.out))
    db.close()
    emit({"backup": str(out), "bytes": out.stat().st_size}, args.json)
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from microshop.services.backups import restore_file

    target = Path(args.db) if args.db else paths.default_db_path()
    safety = restore_file(Path(args.file), target)
    emit({"restored": str(target.resolve()), "previous_copy": str(safety) if safety else None}, args.json)
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from microshop.services.demo import load_into

    return with_db(args, load_into)


def year_arg(text: str) -> int:
    """``--year``: a four-digit year."""
    if not (text.isdigit() and len(text) == 4 and 1990 <= int(text) <= 2100):
        raise argparse.ArgumentTypeError(tr("年份要写成四位数，如 2026（收到“{text}”）", text=text))
    return int(text)


def cmd_orders_import(args: argparse.Namespace) -> int:
    from microshop.services.orders import import_book_file

    return with_db(args, lambda db: import_book_file(db, Path(args.file), progress_of(args), year=args.year))


def cmd_orders_import_ktt(args: argparse.Namespace) -> int:
    from microshop.services.ktt import import_file

    db = open_db(args)
    try:
        result = import_file(db, Path(args.file), progress_of(args))
    finally:
        db.close()
    emit(result, args.json)
    return 0


def _selection(args: argparse.Namespace) -> Any:
    from microshop.services.delivery import Selection, parse_day

    start = parse_day(args.date_from, "开始日期")
    end = parse_day(args.date_to, "结束日期") if args.date_to else start
    statuses = tuple(part.strip() for part in (args.status or "").split(",") if part.strip()) or None
    for status in statuses or ():
        if status not in ORDER_STATUSES:
            raise UserError(tr("订单状态“{status}”不对，可选：{choices}。", status=status, choices="、".join(ORDER_STATUSES)))
    return Selection(start, end, group_name=args.group or None, statuses=statuses)


def cmd_delivery(args: argparse.Namespace) -> int:
    from microshop.services.delivery import export_delivery, make_sheet, parse_label_size

    selection = _selection(args)
    labels = parse_label_size(args.labels)

    db = open_db(args)
    try:
        sheet = make_sheet(db, selection, args.group_by, full_phones=args.full_phones)
    finally:
        db.close()
    out = export_delivery(sheet, Path(args.out), labels)
    emit({"out": str(out), "households": len(sheet.households), "groups": len(sheet.groups),
          "qty": sum(h.quantity for h in sheet.households)}, args.json)
    return 0


def cmd_restock(args: argparse.Namespace) -> int:
    from microshop.services.delivery import export_restock_xlsx, restock_summary, restock_text

    selection = _selection(args)

    db = open_db(args)
    try:
        summary = restock_summary(db, selection)
    finally:
        db.close()
    if args.out:
        export_restock_xlsx(summary, selection.title, Path(args.out))
    emit(summary if args.json else restock_text(summary, selection.title), args.json)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from microshop.services.phone import PhoneServer

    db = open_db(args)
    try:
        server = PhoneServer(db, args.host, args.port, args.minutes)
        print(json.dumps({"url": server.url}, ensure_ascii=False), flush=True)
        server.serve_forever()
    finally:
        db.close()
    return 0


def cmd_statements_import(args: argparse.Namespace) -> int:
    from microshop.importers.statements import parse_status_map
    from microshop.services.statements import import_file

    status_map = parse_status_map(args.status_map)
    return with_db(args, lambda db: import_file(db, Path(args.file), args.platform, progress_of(args),
                                                status_map=status_map))


def cmd_statements_undo(args: argparse.Namespace) -> int:
    from microshop.services.statements import undo

    return with_db(args, lambda db: undo(db, args.import_id))


def cmd_reconcile(args: argparse.Namespace) -> int:
    from microshop.services.reconcile import month_summary, write_month_json

    if not args.json:
        return with_db(args, lambda db: month_summary(db, args.month, args.platform))
    db = open_db(args)
    try:
        write_month_json(db, sys.stdout, args.month, args.platform)
    finally:
        db.close()
    return 0


def read_text_file(path: str) -> str:
    """A text file in UTF-8 (with/without BOM), UTF-16 or GB18030/GBK."""
    from microshop.importers.table import decode_text

    file = Path(path)
    if not file.is_file():
        raise UserError(tr("找不到文件“{path}”。", path=path))
    return decode_text(file.read_bytes(), file.name)


def cmd_jielong_parse(args: argparse.Namespace) -> int:
    from microshop.importers.jielong import parse_jielong

    emit(parse_jielong(read_text_file(args.file)).as_json(), args.json)
    return 0


def cmd_sharetext_parse(args: argparse.Namespace) -> int:
    from microshop.importers.sharetext import parse_share_text

    emit(parse_share_text(read_text_file(args.file)).as_json(), args.json)
    return 0


def cmd_orders_import_jielong(args: argparse.Namespace) -> int:
    from microshop.domain.enums import OrderStatus
    from microshop.services.jielong import import_text, parse_price_map, parse_product_map

    text = read_text_file(args.file)
    product_map = parse_product_map(args.product_map)
    prices = parse_price_map(args.price)
    status = None
    if args.status:
        status = next((s for s in OrderStatus if args.status in (s.value, s.label)), None)
        if status is None:
            raise UserError(tr("不认识的订单状态“{status}”，可选：{choices}。", status=args.status,
                               choices="、".join(f"{s.value}（{s.label}）" for s in OrderStatus)))
    return with_db(args, lambda db: import_text(db, text, product_map, prices=prices, status=status,
                                                pickup_point=args.pickup, progress=progress_of(args),
                                                source=Path(args.file).name))


def cmd_products_add(args: argparse.Namespace) -> int:
    from microshop.domain.money import parse_yuan
    from microshop.services.products import ProductInput, add_image, parse_deadline, parse_rate, save_product

    try:
        price = parse_yuan(args.price) if args.price is not None else None
        original = parse_yuan(args.original_price) if args.original_price is not None else None
        coupon = parse_yuan(args.coupon) if args.coupon is not None else None
    except ValueError as exc:
        raise UserError(tr("金额写法不对：{error}，请写成 59.9 这样的数字。", error=exc)) from None
    data = ProductInput(title=args.title, platform_key=args.platform, platform_product_id=args.item_id,
                        link=args.link, price_fen=price, original_price_fen=original, coupon_fen=coupon,
                        commission_rate_bp=parse_rate(args.rate), category=args.category,
                        deadline=parse_deadline(args.deadline))
    db = open_db(args)
    tiny = False
    with db.session() as session:
        product_id = save_product(session, data)
        for image in args.image or []:
            tiny = add_image(session, product_id, image)[1] or tiny
    db.close()
    if tiny:
        print("提示：图片较小，海报上可能不够清晰。", file=sys.stderr)
    emit({"id": product_id}, args.json)
    return 0


def cmd_products_import(args: argparse.Namespace) -> int:
    from microshop.services.picks import import_file

    return with_db(args, lambda db: import_file(db, Path(args.file)))


def cmd_products_import_text(args: argparse.Namespace) -> int:
    from microshop.services.picks import import_text

    return with_db(args, lambda db: import_text(db, read_text_file(args.file)))


def cmd_poster(args: argparse.Namespace) -> int:
    from microshop.domain.enums import ShareKind
    from microshop.services.posters import make_poster
    from microshop.services.products import poster_data, record_share

    db = open_db(args)
    with db.session() as session:
        data = poster_data(session, args.id)
    written = make_poster(data, args.template, Path(args.out))
    with db.session() as session:
        record_share(session, args.id, ShareKind.POSTER, template=args.template, output_path=str(written[0]))
    db.close()
    emit({"id": args.id, "files": [str(p) for p in written]}, args.json)
    return 0


def cmd_posters(args: argparse.Namespace) -> int:
    from microshop.services.picks import make_posters

    try:
        ids = [int(x) for x in args.ids.replace("，", ",").split(",") if x.strip()]
    except ValueError:
        raise UserError(tr("--ids 写法不对：“{ids}”，应写成 1,2,3。", ids=args.ids)) from None
    if not ids:
        raise UserError(tr("请用 --ids 给出至少一个商品编号。"))
    db = open_db(args)
    results = make_posters(db, ids, args.template, Path(args.out_dir))
    db.close()
    emit({"posters": results, "count": len(results)}, args.json)
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from microshop.services.report import month_report

    return in_session(args, lambda s: month_report(s, args.month))


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every sub-command."""
    _speak_chinese()
    parser = ChineseArgumentParser(
        prog="python -m microshop",
        description="微店管家命令行：与图形界面使用同一套服务，适合脚本和批量处理。",
    )
    parser.add_argument("--db", metavar="PATH", help="数据库文件（默认：用户数据文件夹中的 microshop.sqlite3）")
    parser.add_argument("--version", action="version", version=f"微店管家 {__version__}")
    parser.add_argument("--progress", action="store_true",
                        help="长时间的导入在标准错误输出进度，每行一个 JSON：{\"done\": N, \"total\": N}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=ChineseArgumentParser)
    sub.required = True

    def add(name: str, handler: Handler, help_text: str, group: Any = sub) -> argparse.ArgumentParser:
        p = group.add_parser(name, help=help_text, description=help_text)
        p.add_argument("--json", action="store_true", help="以 JSON 输出")
        p.set_defaults(handler=handler)
        return p

    def group(name: str, help_text: str) -> Any:
        """A command with actions, e.g. ``orders import``."""
        parent = sub.add_parser(name, help=help_text, description=help_text)
        actions = parent.add_subparsers(dest=f"{name}_command", metavar="ACTION", parser_class=ChineseArgumentParser)
        actions.required = True
        return actions

    add("stats", cmd_stats, "显示各类数据的数量")
    p = add("backup", cmd_backup, "在线备份数据库（可在应用运行时进行）")
    p.add_argument("--out", required=True, metavar="FILE", help="备份文件路径")
    p = add("restore", cmd_restore, "从备份恢复（先检查备份完整，并保留当前数据库的副本）")
    p.add_argument("file", metavar="FILE", help="备份文件")
    add("demo", cmd_demo, "向空数据库加载演示数据")

    from microshop.domain.templates import TEMPLATES

    pr_sub = group("products", "选品库：新增、导入")
    p = add("add", cmd_products_add, "新增一个商品", pr_sub)
    p.add_argument("--title", required=True, help="商品标题")
    p.add_argument("--price", help="券后价（元）")
    p.add_argument("--original-price", help="原价（元）")
    p.add_argument("--coupon", help="优惠券（元）")
    p.add_argument("--rate", help="佣金比例，例如 20%%")
    p.add_argument("--link", help="商品/推广链接")
    p.add_argument("--platform", choices=list(PLATFORMS_KEYS), help="平台")
    p.add_argument("--item-id", help="平台商品ID")
    p.add_argument("--category", help="类目")
    p.add_argument("--deadline", metavar="DATE", help="活动截止，如 2026-12-31（到那天 24 点）")
    p.add_argument("--image", action="append", metavar="PATH", help="商品图片（可多次给出，第一张为封面）")
    p = add("import", cmd_products_import, "从表格（xlsx/xls/csv）导入商品", pr_sub)
    p.add_argument("file", metavar="FILE")
    p = add("import-text", cmd_products_import_text, "从一段分享文字导入商品（一段里列了几个商品时全部导入）", pr_sub)
    p.add_argument("file", metavar="FILE", help="文本文件")

    p = add("poster", cmd_poster, "为一个商品生成海报")
    p.add_argument("id", type=int, metavar="ID", help="商品编号")
    p.add_argument("--template", choices=list(TEMPLATES), default="portrait", help="海报模板")
    p.add_argument("--out", required=True, metavar="FILE", help="输出文件（.jpg/.png；九宫格为文件夹）")
    p = add("posters", cmd_posters, "批量生成海报（使用全部 CPU 核心）")
    p.add_argument("--ids", required=True, metavar="1,2,3", help="商品编号，逗号分隔")
    p.add_argument("--template", choices=list(TEMPLATES), default="portrait", help="海报模板")
    p.add_argument("--out-dir", required=True, metavar="DIR", help="输出文件夹")

    orders_sub = group("orders", "订单：导入订单表、导入接龙")
    p = add("import", cmd_orders_import, "从订单表（xlsx/xls/csv）导入订单", orders_sub)
    p.add_argument("file", metavar="FILE", help="订单表文件")
    p.add_argument("--year", type=year_arg, metavar="YYYY",
                   help="表里的日期都没写年份（如“11月3日”）时按哪一年导入（跨年的表往后顺延）")
    p = add("import-jielong", cmd_orders_import_jielong, "把接龙文本导入为订单", orders_sub)
    p.add_argument("file", metavar="FILE", help="接龙文本文件")
    p.add_argument("--product-map", metavar="LABEL=ID,...", help="接龙商品名与选品库商品编号的对应，例如 荔枝=3")
    p.add_argument("--price", metavar="LABEL=元,...", help="接龙里没写价格的商品的单价，例如 鲜肉包=3.5,豆浆=2")
    p.add_argument("--status", metavar="STATUS", help="这批订单的状态（默认 待付款），例如 paid 或 已付款")
    p.add_argument("--pickup", metavar="自提点", help="这批订单的自提点（默认用各客户自己的）")

    p = add("import-ktt", cmd_orders_import_ktt, "导入快团团导出的订单表（再次导入同一团的新导出只更新，不重复）", orders_sub)
    p.add_argument("file", metavar="FILE", help="快团团订单导出文件（xlsx/xls/csv）")

    def selection_args(p: argparse.ArgumentParser) -> None:
        p.add_argument("--from", dest="date_from", required=True, metavar="YYYY-MM-DD", help="开始日期（含）")
        p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="结束日期（含，默认同开始日期）")
        p.add_argument("--group", metavar="团名", help="只要这个团的订单（快团团导入时记下的团名）")
        p.add_argument("--status", metavar="STATUS,...", help="只要这些状态的订单，例如 paid,shipped")

    p = add("delivery", cmd_delivery, "派送单与标签：按自提点或小区楼号分组，导出 PDF 或 xlsx（已退款、已取消的不算）")
    selection_args(p)
    p.add_argument("--group-by", choices=["pickup", "building"], default="pickup",
                   help="pickup 按自提点（默认）；building 按小区 → 楼号 → 房号")
    p.add_argument("--full-phones", action="store_true", help="显示完整手机号（默认 138****5678）")
    p.add_argument("--out", required=True, metavar="FILE.pdf|FILE.xlsx", help="输出文件")
    p.add_argument("--labels", metavar="宽x高", help="每户一张标签（毫米），例如 60x40、100x70；只用于 PDF")
    p = add("restock", cmd_restock, "进货汇总：每个商品（和规格）的总数量与金额（已退款、已取消的不算）")
    selection_args(p)
    p.add_argument("--out", metavar="FILE.xlsx", help="同时导出为 xlsx")

    p = add("serve", cmd_serve, "发到手机：在本机网络上提供最近的海报、文案和今天的自提清单（只读，地址带随机口令）")
    p.add_argument("--host", default="127.0.0.1", help="监听的地址（默认 127.0.0.1，只有本机能打开；手机要用局域网地址）")
    p.add_argument("--port", type=int, default=0, help="端口（默认 0：自动选择一个空闲端口）")
    p.add_argument("--minutes", type=float, default=30, help="多少分钟后自动停止（默认 30）")

    p = add("parse", cmd_jielong_parse, "解析接龙文本（不保存）", group("jielong", "接龙：解析"))
    p.add_argument("file", metavar="FILE", help="接龙文本文件")

    p = add("parse", cmd_sharetext_parse, "解析平台分享文本：标题、链接、价格、平台、商品ID（不保存）",
            group("sharetext", "分享文本：解析"))
    p.add_argument("file", metavar="FILE", help="分享文本文件")

    st_sub = group("statements", "平台账单：导入、撤销")
    p = add("import", cmd_statements_import, "导入平台导出的订单/佣金明细", st_sub)
    p.add_argument("file", metavar="FILE", help="账单文件（xlsx/xls/csv）")
    p.add_argument("--platform", choices=STATEMENT_PLATFORMS, help="指定平台（默认按表头识别）")
    p.add_argument("--status-map", metavar="WORD=STATUS,...",
                   help="不认识的订单状态的意思（记住，下次不用再写），例如 待成团=paid,已发货=paid；"
                        "可选 unpaid、paid、received、settled、invalid")
    p = add("undo", cmd_statements_undo, "撤销一次账单导入", st_sub)
    p.add_argument("import_id", type=int, metavar="IMPORT_ID", help="导入记录编号（导入时输出的 import_id）")

    p = add("report", cmd_report, "月度统计：收入、热销商品、客户、分享转化、今天分享什么、回购提醒")
    p.add_argument("--month", required=True, metavar="YYYY-MM", help="月份，例如 2026-10")

    p = add("reconcile", cmd_reconcile, "按月对账：本地订单与平台账单逐条核对")
    p.add_argument("--month", required=True, metavar="YYYY-MM", help="月份，例如 2026-10")
    p.add_argument("--platform", choices=list(PLATFORMS_KEYS), help="只看一个平台")
    return parser


def command_names() -> frozenset[str]:
    """The top-level command words (``stats``, ``orders``, ``statements`` …)."""
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    return frozenset(sub.choices)


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return its exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    paths.make_files_private()
    try:
        return int(args.handler(args))
    except UserError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("已取消。", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug: its traceback on stderr and in the log, exit code 1
        import traceback

        from microshop.bugs import log_bug

        traceback.print_exc()
        try:
            print(f"程序出错了（这是程序的缺陷，不是你的操作问题）。详细信息已记录在 {log_bug(exc)}", file=sys.stderr)
        except OSError:
            pass
        return 1


if __name__ == "__main__":
    sys.exit(main())
