"""Reading a platform share text: 淘口令-style text, a JD or PDD share line, or a bare URL.

Gives the title, the link and (when the text has one) the price and platform; the user completes
the rest. Never raises on odd input: what cannot be found is left empty.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from microshop.domain.money import parse_yuan

URL = re.compile(r"https?://[^\s\u3000，。！、”“\"'<>（）()【】\[\]]+", re.IGNORECASE)
TITLE_BRACKETS = re.compile(r"[【\[]([^【】\[\]]{4,})[】\]]")
PRICE = re.compile(r"(?:券后价?|到手价?|售价|价格|现价|拼团价|秒杀价|特价|只要|仅需|原价)?\s*[:：]?\s*[¥￥]\s*(\d+(?:\.\d{1,2})?)"
                   r"|(\d+(?:\.\d{1,2})?)\s*元")
ORIGINAL = re.compile(r"(?:原价|划线价|专柜价)\s*[:：]?\s*[¥￥]?\s*(\d+(?:\.\d{1,2})?)")
COUPON = re.compile(r"(\d+(?:\.\d{1,2})?)\s*元(?:优惠)?券|券\s*[:：]?\s*[¥￥]?\s*(\d+(?:\.\d{1,2})?)")
TAOKOULING = re.compile(r"[¥￥$€₤₳¢₴₰₵]\s*[A-Za-z0-9]{8,14}\s*[¥￥$€₤₳¢₴₰₵]|[(（/]\s*[A-Za-z0-9]{10,13}\s*[)）/]")
NOISE = ("复制这条", "打开手机淘宝", "打开淘宝", "打开【", "打开京东", "打开拼多多", "点击链接", "长按复制",
         "复制本条", "信息后打开", "去逛逛", "快来", "我在拼多多", "我在京东", "淘口令", "【淘宝】", "【京东】",
         "【拼多多】", "【抖音】", "直接打开", "下单链接", "购买链接", "发现了这个好东西", "发现了一个好东西",
         "这个好东西", "好物推荐", "分享给你", "推荐给你", "或者淘宝搜索", "淘宝搜索")
LABELS = re.compile(r"[,，:：\s]*(券后价?|到手价?|拼团价|秒杀价|特价|售价|价格|现价|只要|仅需)\s*$")
HOSTS = {
    "taobao": ("taobao.com", "tb.cn", "tmall.com", "m.tb.cn", "uland.taobao"),
    "jd": ("jd.com", "3.cn", "u.jd.com", "jd.hk"),
    "pdd": ("yangkeduo.com", "pinduoduo.com", "pdd", "p.pinduoduo"),
    "douyin": ("douyin.com", "iesdouyin.com", "v.douyin", "haohuo.jinritemai", "jinritemai.com"),
    "ktt": ("kuaituantuan", "ktt"),
}


@dataclass
class ShareInfo:
    """What a share text told us."""

    title: str = ""
    link: str | None = None
    price_fen: int | None = None
    original_price_fen: int | None = None
    coupon_fen: int | None = None
    platform_key: str | None = None


def parse_share_text(text: str) -> ShareInfo:
    """Extract title, link, price and platform from a pasted share text."""
    info = ShareInfo()
    text = unicodedata.normalize("NFKC", text or "").replace("\u200b", "").strip()
    if not text:
        return info
    url = URL.search(text)
    if url:
        info.link = url.group(0).rstrip(".,;:!?")
        info.platform_key = platform_of(info.link)
    lowered = text.lower()
    if info.platform_key is None:
        for key, words in (("taobao", ("淘宝", "天猫", "淘口令")), ("jd", ("京东",)), ("pdd", ("拼多多",)),
                           ("douyin", ("抖音",))):
            if any(w in lowered for w in words):
                info.platform_key = key
                break
    if (m := ORIGINAL.search(text)) is not None:
        info.original_price_fen = parse_yuan(m.group(1))
    if (m := COUPON.search(text)) is not None:
        info.coupon_fen = parse_yuan(m.group(1) or m.group(2))
    for m in PRICE.finditer(text):
        if ORIGINAL.match(text, m.start()) or COUPON.match(text, m.start()):
            continue
        value = m.group(1) or m.group(2)
        if value and not TAOKOULING.search(text[max(0, m.start() - 1): m.end() + 14]):
            info.price_fen = parse_yuan(value)
            break
    info.title = _title(text)
    return info


def platform_of(link: str) -> str | None:
    """The platform a link belongs to, by its host."""
    low = link.lower()
    for key, hosts in HOSTS.items():
        if any(h in low for h in hosts):
            return key
    return None


def _title(text: str) -> str:
    bracket = [m.group(1).strip() for m in TITLE_BRACKETS.finditer(text)
               if not any(n.strip("【】") == m.group(1).strip() for n in NOISE)]
    candidates = bracket or []
    if not candidates:
        for line in re.split(r"[\n\r]+", text):
            line = URL.sub(" ", line)
            line = TAOKOULING.sub(" ", line)
            for noise in NOISE:
                line = line.replace(noise, " ")
            line = PRICE.sub(" ", line)
            line = re.sub(r"\s+", " ", line).strip(" 「」\"'，。,.:：!！~-—")
            line = LABELS.sub("", line).strip(" ,，:：")
            if ":" in line and re.search(r"[\u4e00-\u9fff]", line.split(":", 1)[1]):
                line = line.split(":", 1)[1].strip()
            if len(line) >= 4 and re.search(r"[\u4e00-\u9fff]", line):
                candidates.append(line)
    title = max(candidates, key=len) if candidates else ""
    return title[:120]
