"""Reading a platform share text: today's app share lines, old 淘口令 texts, rebate-bot messages,
resellers' copy templates and bare item links.

The text is tokenised, then decided:

* **Links** end where a URL cannot go on (any non-ASCII character, a space, a quote or bracket), so
  ``https://u.jd.com/Ab3CdE9「维达…」`` gives ``https://u.jd.com/Ab3CdE9``; query strings are kept whole.
  The platform comes from the link's host; item links also give the item id.
* **Title**: what stands inside 「」 (verbatim, brackets inside included); else a 【…】 that is neither
  a platform tag (【淘宝】【抖音商城】) nor a label (【原价】【券后】【优惠券】); else the first line
  left when links, 口令, labelled figures, share codes and the 点击/复制/打开/搜索 boilerplate (word by
  word) are taken out, with 抖音's leading score and link codes (``7.43`` ``i@P.kc``), #topics#, slogan
  clauses (``9.9元包邮！``) and lines of only platform names and headings skipped. A text that names no
  product leaves the title empty.
* **Prices**: labelled figures (``【券后】39.9元`` ``到手价 19.9`` ``拼单价¥19.9``) decide: the final
  price (券后/到手/拼单…) before 现价/在售价, then an unlabelled ¥ figure; 原价/商品原价 is the original
  price; a coupon figure is the coupon. Rebate, 返现 and 佣金 figures are never a price.

Never raises on odd input: what cannot be found is left empty.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise
from urllib.parse import parse_qs, urlsplit

from microshop.domain.money import MAX_FEN, parse_yuan
from microshop.domain.wechat import without_stickers

MAX_TEXT = 20_000  # characters read of one paste

# Full-width ASCII to ASCII, one character for one, so positions in the folded copy are positions
# in the original (the title is cut from the original, verbatim).
_FOLD = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)} | {0x3000: 0x20, 0xFFE5: 0xA5}

URL = re.compile(r"(?:https?://|(?<![\w.])(?=(?:[a-z0-9-]+\.)+(?:com|cn|hk|net)/))[A-Za-z0-9\-._~:/?#@!$&*+,;=%]+",
                 re.IGNORECASE)
KOULING = re.compile(r"([¥$€₤₳¢₴₰₵])\s*[A-Za-z0-9]{6,16}\s*\1|[(（/]\s*[A-Za-z0-9]{10,13}\s*[)）/]")
SHARE_CODE = re.compile(r"(?<![A-Za-z0-9])[A-Z]{1,3}\d{2,5}(?![A-Za-z0-9])")
CORNER = re.compile(r"「([^「」]*(?:「[^「」]*」[^「」]*)*)」")
BRACKET = re.compile(r"【([^【】]*)】")
NUMBER = r"(\d{1,9}(?:\.\d{1,2})?)"

FINAL_LABELS = ("叠加券后到手价", "叠加券后到手", "叠加券后", "券后到手价", "券后到手", "领券后", "拍下价", "下单价",
                "券后价", "券后", "到手价", "到手", "拼单价", "拼团价", "秒杀价", "活动价", "折后价", "优惠价", "特价", "会员价", "店主价",
                "团购价", "惊爆价", "只要", "仅需", "仅")
CURRENT_LABELS = ("在售价", "现价", "售价", "京东价", "淘宝价", "天猫价", "价格", "单价", "价")
ORIGINAL_LABELS = ("商品原价", "原价", "优惠前", "折前价", "划线价", "专柜价", "市场价", "吊牌价", "日常价")
COUPON_LABELS = ("优惠券", "券额", "领券减", "领券立减", "券减", "领券", "券")
OTHER_LABELS = ("返现", "返利", "佣金", "预估佣金", "奖励", "补贴", "红包", "返", "销量", "月销", "已售", "满", "减", "省",
                "立减", "包邮", "购买方法", "下单方式", "推荐理由",
                *(f"折合{per}" for per in ("", "每包", "每瓶", "每卷", "每片", "每个", "每件", "每斤", "每袋", "每盒", "每支",
                                          "每抽", "每提", "每箱", "单包", "单瓶", "单件")))
_ALL = sorted({*FINAL_LABELS, *CURRENT_LABELS, *ORIGINAL_LABELS, *COUPON_LABELS, *OTHER_LABELS}, key=len, reverse=True)
LABELLED = re.compile(
    r"(?:【\s*|\[\s*)?(" + "|".join(map(re.escape, _ALL)) + r")\s*(?:】|\])?\s*[:：]?\s*[¥￥]?\s*" + NUMBER
    + r"\s*(?:元|块)?"
)
_DAY = r"(?:\d{4}\s*[-/.年]\s*)?(?:1[0-2]|0?[1-9])\s*[-/.月]\s*(?:3[01]|[12]\d|0?[1-9])(?!\d)\s*[日号]?"
# "有效期至12月31日" "截止时间：2026-12-31" "12月18日 前有效" "12.31截止": when the offer ends
ENDS = re.compile(r"(?:有效期至|有效期到|活动截止|券截止|截止(?:时间|日期)?)\s*[:：]?\s*(?P<a>" + _DAY + r")"
                  r"|(?<![\d.¥￥])(?P<b>" + _DAY + r")\s*(?:前有效|前可用|截止|结束|到期)")
COUPON_AFTER = re.compile(NUMBER + r"\s*元\s*(?:优惠)?券")
YUAN_SIGN = re.compile(r"[¥￥]\s*" + NUMBER + r"(?![\dA-Za-z])\s*(?:元)?")
YUAN_WORD = re.compile(r"(?<![\d.])" + NUMBER + r"\s*元(?!券)")

PLATFORM_TAGS = ("淘宝", "天猫", "手机淘宝", "淘口令", "京东", "拼多多", "多多进宝", "抖音", "抖音商城", "抖音精选", "快手",
                 "快团团", "云集", "淘宝联盟", "京东联盟")
LABEL_TAGS = {*_ALL, "优惠券", "购买方法", "下单链接", "购买链接", "商品链接", "链接", "推荐理由", "推荐", "文案", "口令",
              "淘口令", "温馨提示", "注意", "福利", "限时", "秒杀", "好物推荐", "今日推荐", "爆款", "包邮", "热卖",
              "商品", "商品名", "商品名称", "名称", "标题", "宝贝", "商品标题"}
BOILERPLATE = ("复制", "复·制", "復·制", "復制", "打开", "咑閞", "打開", "点击", "點擊", "长按", "搜索", "查看", "浏览器",
               "链接", "口令", "领券", "下单", "商品详情", "去看看", "去逛逛", "分享给你", "推荐给你", "发现了",
               "好东西", "这条消息", "此条消息", "本条", "信息后", "观看视频", "直接观看", "或者",
               "看看吧", "来看看", "赶快来", "快来", "拼着买", "更便宜", "一起拼")
HEADINGS = ("优惠推荐", "好物推荐", "今日推荐", "限时秒杀", "好价推荐", "推荐", "今日好价", "爆款推荐", "福利", "捡漏", "好价",
            "超值", "必抢", "速抢", "手慢无", "冲", "闭眼入", "已降价", "历史低价", "好物分享", "精选好物", "精选", "好物",
            "商城", "直播间", "种草", "宝藏好物", "新品", "上新", "补货", "返场", "百亿补贴", "这个商品太赞了", "太赞了", "强烈推荐",
            "超好用", "回购无数次", "必入", "快来看看吧", "万人团", "限时抢购", "品牌特卖",
            "秒杀", "今日必买", "官方补贴", "今日开团", "开团", "开团啦", "今日团购", "团购", "今日特价", "特价", "新团",
            "今日上新", "限量", "抢购")
# a word of no product's name: platform names, headings, labels ("抖音商城 精选好物", "9.9元包邮！" less its price)
_CAPTION_WORDS = sorted({*PLATFORM_TAGS, *HEADINGS, *LABEL_TAGS}, key=len, reverse=True)
CAPTION = re.compile("|".join(map(re.escape, _CAPTION_WORDS)))
CODE_TOKEN = re.compile(r"^[^\u4e00-\u9fff]*[@:/][^\u4e00-\u9fff]*$")  # 抖音's "8@5.com :7pm", "Mjc:/"


def _is_caption(text: str) -> bool:
    """Nothing but platform names, headings and labels (and punctuation)."""
    return len(re.findall(r"[\u4e00-\u9fffA-Za-z]", CAPTION.sub("", text))) < 2
# a name written in Latin letters alone: "Apple AirPods Pro 2", "Nike Air Force 1" (two words or more, one a real word)
LATIN_NAME = re.compile(r"(?=.*[A-Za-z]{3})[A-Za-z][A-Za-z0-9'&+.-]*(?:\s+[A-Za-z0-9][A-Za-z0-9'&+.-]*)+")
SHOP_TAG = re.compile(r"的(?:商品|小店|店铺|橱窗|好物)$")
DECORATION = re.compile(r"([一\-—=*~_·.…#＊])\1{2,}")
CLAUSE = re.compile(r"[，,。！!；;？?：:]")
HOSTS = {
    "taobao": ("taobao.com", "tmall.com", "tb.cn", "tmall.hk", "taobao.hk"),
    "jd": ("jd.com", "3.cn", "jd.hk", "jingxi.com"),
    "pdd": ("yangkeduo.com", "pinduoduo.com", "pdd.cn"),
    "douyin": ("douyin.com", "iesdouyin.com", "jinritemai.com", "douyinec.com"),
    "ktt": ("kuaituantuan.com", "ktt.cn"),
    "yunji": ("yunjiglobal.com", "yunjiweidian.com"),
}
WORDS = (("taobao", ("淘宝", "天猫", "淘口令", "淘♂寳", "淘寳", "tao宝")), ("jd", ("京东",)), ("pdd", ("拼多多", "多多进宝")),
         ("douyin", ("抖音",)), ("ktt", ("快团团",)), ("yunji", ("云集",)))


@dataclass
class ShareInfo:
    """What a share text told us."""

    title: str = ""
    link: str | None = None
    price_fen: int | None = None
    original_price_fen: int | None = None
    coupon_fen: int | None = None
    platform_key: str | None = None
    item_id: str | None = None
    ends: str | None = None  # the offer's last day as written (12月31日, 2026-12-31); not in the CLI's JSON

    def as_json(self) -> dict[str, object]:
        """The CLI contract: every key always present."""
        return {"title": self.title, "link": self.link, "price_fen": self.price_fen,
                "original_price_fen": self.original_price_fen, "coupon_fen": self.coupon_fen,
                "platform": self.platform_key, "item_id": self.item_id}


def fold(text: str) -> str:
    """Full-width letters, digits, punctuation and ￥ as their half-width selves (what the patterns read)."""
    return text.translate(_FOLD)


def parse_share_text(text: str) -> ShareInfo:
    """Extract title, link, prices, platform and item id from a pasted share text."""
    info = ShareInfo()
    original = (text or "").replace("\r\n", "\n").replace("\r", "\n").replace("\u200b", "")[:MAX_TEXT]
    folded = original.translate(_FOLD)
    if not folded.strip():
        return info
    spans: list[tuple[int, int]] = []  # taken out of the text before the title is looked for
    for match in URL.finditer(folded):
        link = match.group(0).rstrip(".,;:!?*")
        if "." not in link.split("//", 1)[-1].split("/", 1)[0]:
            continue
        spans.append((match.start(), match.start() + len(link)))
        if info.link is None:
            info.link = link
            info.platform_key = platform_of(link)
            info.item_id = item_id_of(link)
    for match in KOULING.finditer(folded):
        spans.append(match.span())
    ends = ENDS.search(folded)
    if ends is not None and _free(spans, *ends.span()):
        info.ends = re.sub(r"\s+", "", ends.group("a") or ends.group("b"))
        spans.append(ends.span())
    _prices(folded, info, spans)
    if info.platform_key is None:
        for key, words in WORDS:
            if any(w in folded for w in words):
                info.platform_key = key
                break
    info.title = _title(original, folded, spans)
    return info


_LISTED = re.compile(r"^\s*(?:\d{1,2}\s*[.、)）]|[①-⑳]|\d\ufe0f?\u20e3)")


def products_in(text: str) -> int:
    """How many products a paste lists: numbered lines that each carry their own link (a reseller's
    “1. 维达抽纸 ¥19.9 链接 / 2. 蓝月亮 ¥39.9 链接”); 1 for an ordinary share text."""
    return max(1, len(split_products(text)))


def split_products(text: str) -> list[str]:
    """A paste listing several products, one text per product (each numbered line with its own
    link, and the lines under it up to the next); a paste of one product as it is."""
    lines = (text or "")[:MAX_TEXT].splitlines()
    starts: list[int] = []
    links: set[str] = set()
    for k, line in enumerate(lines):
        link = URL.search(line.translate(_FOLD)) if _LISTED.match(line) else None
        if link is None:
            continue
        words = line[:link.start()] + line[link.end():]
        for word in (*BOILERPLATE, *_CAPTION_WORDS):  # "1. 领券：链接 / 2. 下单：链接" is one product's two links
            words = words.replace(word, "")
        address = link.group(0).rstrip(".,;:!?*")
        if len(re.findall(r"[\u4e00-\u9fff]", words)) >= 2 and address not in links:
            links.add(address)
            starts.append(k)
    if len(starts) < 2:
        return [text]
    bounds = [*starts, len(lines)]
    return ["\n".join(lines[a:b]).strip() for a, b in pairwise(bounds)]


def platform_of(link: str) -> str | None:
    """The platform a link belongs to, by its host."""
    host = _host(link)
    for key, hosts in HOSTS.items():
        if any(host == h or host.endswith("." + h) for h in hosts):
            return key
    return None


def item_id_of(link: str) -> str | None:
    """The item id a product link names (淘宝/天猫 ``id=``, 京东 ``/ID.html``, 拼多多 ``goods_id=``)."""
    try:
        parts = urlsplit(link if "//" in link else "https://" + link)
    except ValueError:
        return None
    host, query = (parts.hostname or "").lower(), parse_qs(parts.query)
    key = platform_of(link)
    value: str | None
    if key == "taobao" and ("item" in host or "detail" in host):
        value = next(iter(query.get("id") or []), None)
    elif key == "jd":
        found = re.search(r"/(?:product/)?(\d{5,})\.html", parts.path)
        value = found.group(1) if found and host.startswith("item") else None
    elif key == "pdd":
        value = next(iter(query.get("goods_id") or []), None)
    elif key == "douyin" and "product" in parts.path:
        value = next(iter(query.get("id") or []), None)
    elif key == "yunji":  # …/index.html#/detail?itemId=1234567: the id is in the fragment
        found = re.search(r"[?&]itemId=(\d+)", parts.query + "&" + parts.fragment)
        value = found.group(1) if found else None
    else:
        value = None
    return value if value and value.isdigit() else None


def _host(link: str) -> str:
    try:
        return (urlsplit(link if "//" in link else "https://" + link).hostname or "").lower()
    except ValueError:
        return ""


def _fen(value: str) -> int | None:
    try:
        fen = parse_yuan(value)
    except ValueError:
        return None
    return fen if fen is not None and 0 < fen < MAX_FEN else None


def _free(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return all(end <= a or start >= b for a, b in spans)


def _prices(text: str, info: ShareInfo, spans: list[tuple[int, int]]) -> None:
    final = current = None
    for match in LABELLED.finditer(text):
        if not _free(spans, *match.span()):
            continue
        label, fen = match.group(1), _fen(match.group(2))
        spans.append(match.span())
        if fen is None:
            continue
        if label in FINAL_LABELS and final is None:
            final = fen
        elif label in CURRENT_LABELS and current is None:
            current = fen
        elif label in ORIGINAL_LABELS and info.original_price_fen is None:
            info.original_price_fen = fen
        elif label in COUPON_LABELS and info.coupon_fen is None:
            info.coupon_fen = fen
    for match in COUPON_AFTER.finditer(text):
        if _free(spans, *match.span()):
            spans.append(match.span())
            if info.coupon_fen is None:
                info.coupon_fen = _fen(match.group(1))
    loose = None
    for pattern in (YUAN_SIGN, YUAN_WORD):
        for match in pattern.finditer(text):
            if not _free(spans, *match.span()):
                continue
            spans.append(match.span())
            if loose is None:
                loose = _fen(match.group(1))
    info.price_fen = final if final is not None else current if current is not None else loose
    if final is not None and current is not None and current > final and info.original_price_fen is None:
        info.original_price_fen = current  # 京东价 69.90 beside 券后价 49.90: the price struck through


def _is_tag(content: str) -> bool:
    bare = content.strip().replace(" ", "")
    return (not bare or SHOP_TAG.search(bare) is not None or bare in PLATFORM_TAGS or bare in LABEL_TAGS or bare in HEADINGS
            or any(bare.startswith(t) and len(bare) <= len(t) + 3 for t in PLATFORM_TAGS))


def _title(original: str, folded: str, spans: list[tuple[int, int]]) -> str:
    corner = CORNER.search(folded)
    if corner and corner.group(1).strip():
        return original[corner.start(1):corner.end(1)].strip()[:120]
    for match in BRACKET.finditer(folded):
        content = match.group(1)
        if _is_tag(content) or not (re.search(r"[\u4e00-\u9fff]", content) or LATIN_NAME.fullmatch(content.strip())) \
                or len(content.strip()) < 2:
            continue
        if not _free(spans, *match.span()):
            continue
        rest = folded[match.end():match.end() + 12].lstrip(" :：")
        if re.match(r"[¥￥]?\s*\d", rest):
            continue  # a label followed by its figure
        if re.match(r"[\u4e00-\u9fff]", folded[match.end():match.end() + 1]) and not _is_caption(rest[:4]):
            continue  # “【良品铺子】肉松饼 1000g”: the brand, glued to the name that follows (read below, whole)
        return original[match.start(1):match.end(1)].strip()[:120]
    keep = [True] * len(folded)

    def drop(a: int, b: int) -> None:
        for k in range(a, min(b, len(keep))):
            keep[k] = False

    for a, b in spans:
        drop(a, b)
    offset = 0
    latin: str | None = None
    for line in folded.split("\n"):
        start, offset = offset, offset + len(line) + 1
        if DECORATION.search(line):
            rest = DECORATION.sub("", line)
            if len(re.findall(r"[\u4e00-\u9fff]", rest)) <= 6:  # "一一一一优 惠 推 荐一一一一", "————"
                drop(start, start + len(line))
                continue
            for match in DECORATION.finditer(line):  # "三只松鼠每日坚果30袋 ...": only the dots go
                drop(start + match.start(), start + match.end())
        for match in BRACKET.finditer(line):
            if _is_tag(match.group(1)):
                drop(start + match.start(), start + match.end())
            else:  # a brand in brackets before its name: its words stay, the brackets go
                drop(start + match.start(), start + match.start() + 1)
                drop(start + match.end() - 1, start + match.end())
        clause_start = 0
        for cut in [*(m.start() for m in CLAUSE.finditer(line)), len(line)]:
            clause = line[clause_start:cut]
            if BRACKET.sub("", clause).strip(" 👉👈🔥").replace(" ", "") in HEADINGS:
                drop(start + clause_start, start + cut + 1)
            else:  # "雅诗兰黛小棕瓶精华50ml 复制此链接": the words of the boilerplate go, the name stays
                for word in re.finditer(r"[^\s【】「」]+", clause):  # "复制打开抖音👀【好物推荐】三只松鼠…"
                    if any(b in word.group() for b in BOILERPLATE):
                        drop(start + clause_start + word.start(), start + clause_start + word.end() + 1)
                if any(b in clause for b in BOILERPLATE) and cut < len(line):
                    drop(start + cut, start + cut + 1)
            clause_start = cut + 1
        for match in SHARE_CODE.finditer(line):
            before = start + match.start() - 1
            while before >= start and keep[before] and folded[before] == " ":
                before -= 1
            if before < start or not keep[before]:  # "…?tk=Ab3dE9 CZ0001": 淘宝's code after the link, never HD15 of a name
                drop(start + match.start(), start + match.end())
        kept = "".join(original[k] if keep[k] else " " for k in range(start, start + len(line)))
        kept = re.sub(r"\s+", " ", kept)
        kept = re.sub(r"^\s*(?:\d{1,3}\.\d{2}(?=\s))?\s*(?:看看|快看|速看)?", "", kept)  # 抖音's leading "7.43"
        kept = re.sub(r"#[^#\s]{1,20}#", " ", kept)  # a topic tag: #淘宝好物#
        kept = re.sub(r"(?<![\dA-Za-z])#\s*([^\s#]{1,20})",  # "… # 抖音商城", "#好物推荐": a caption as a tag
                      lambda m: " " if _is_caption(m.group(1)) else m.group(0), kept)
        kept = without_stickers(kept)  # WeChat's [红包] [强] as copied from the desktop app
        kept = " ".join(w for w in kept.split() if not CODE_TOKEN.match(w))
        cut = 0
        for mark in CLAUSE.finditer(kept):  # "包邮！雀巢咖啡…": the slogan clauses before the name go
            if not (_is_caption(kept[cut:mark.start()]) and kept[mark.end():].strip()):
                break
            cut = mark.end()
        kept = kept[cut:]
        words = kept.split()
        while len(words) > 1 and _is_caption(words[0]):  # "推荐 维达抽纸…": a heading word before the name
            words.pop(0)
        kept = " ".join(words)
        kept = kept.strip(" 「」【】\"'“”‘’:：-—~·|/，,。！!？?、;；()（）👉👈🔥")
        if kept.replace(" ", "") in HEADINGS or kept in PLATFORM_TAGS or _is_caption(kept):
            continue
        if len(re.findall(r"[\u4e00-\u9fff]", kept)) >= 2 and len(kept) >= 4:
            return kept[:120]
        if latin is None and LATIN_NAME.fullmatch(kept):
            latin = kept[:120]  # "Apple AirPods Pro 2": unless a line with a Chinese name follows
    return latin or ""
