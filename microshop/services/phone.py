"""发到手机: a small read-only web page on the home network with the recent posters (real JPEG
files, so long-press → 保存图片 works), each pick's 文案 with a 复制文案 button, and today's pickup
list with masked phones.

Starlette serves it under uvicorn on a thread of its own (GUI) or in the foreground (CLI). Every
path starts with a random token (128+ bits, new at each start, compared in constant time);
without it every path is 404. Nothing outside the app's own data is ever read from disk, and no
full phone number or address leaves through the page.
"""

from __future__ import annotations

import html
import io
import secrets
import socket
import threading
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from microshop.domain.enums import ShareKind
from microshop.domain.money import format_fen
from microshop.domain.templates import SHORT_NAMES, short_name
from microshop.domain.timeutil import format_local, local, utcnow
from microshop.errors import UserError
from microshop.i18n import tr

if TYPE_CHECKING:
    from microshop.store.database import Database

RECENT_DAYS = 7
MAX_PICKS = 30
DEFAULT_MINUTES = 30
TEMPLATE_NAMES = SHORT_NAMES


def new_token() -> str:
    """A fresh URL-safe token of 192 random bits."""
    return secrets.token_urlsafe(24)


# ---------------------------------------------------------------- what the page shows

@dataclass
class PhonePick:
    """One recent poster: the pick, its template and its 文案."""

    key: str  # "<product id>-<template>"
    product_id: int
    template: str
    title: str
    price: str
    text: str
    images: int  # 1, or for 九宫格 the pick's pictures (up to 8) and its QR tile


def recent_picks(db: Database, days: int = RECENT_DAYS) -> list[PhonePick]:
    """Posters made in the last ``days`` days, newest first, one per pick and template."""
    from sqlalchemy import func, select

    from microshop.services.products import copy_text
    from microshop.store.models import Product, Share

    since = utcnow() - timedelta(days=days)
    with db.session() as session:
        rows = session.execute(
            select(Share.product_id, Share.template, func.max(Share.shared_at).label("last"))
            .join(Product, Product.id == Share.product_id)
            .where(Share.kind == ShareKind.POSTER.value, Share.shared_at >= since, Product.link.is_not(None))
            .group_by(Share.product_id, Share.template)
            .order_by(func.max(Share.shared_at).desc())
            .limit(MAX_PICKS)
        ).all()
        picks = []
        for product_id, template, _last in rows:
            product = session.get(Product, product_id)
            if product is None:
                continue
            template = template if template in TEMPLATE_NAMES else "portrait"
            picks.append(PhonePick(
                f"{product_id}-{template}", product_id, template, product.title,
                format_fen(product.price_fen) if product.price_fen is not None else "",
                copy_text(session, product_id), min(8, len(product.images)) + 1 if template == "grid9" else 1,
            ))
        return picks


def pickup_today(db: Database) -> Any:
    """Today's 自提 list (by 自提点; phones and addresses masked)."""
    from microshop.services.delivery import Selection, make_sheet

    today = local(utcnow()).date()
    return make_sheet(db, Selection(today, today), "pickup", full_phones=False)


class PosterCache:
    """Rendered posters kept in memory (JPEG bytes), made on first request, per pick and template."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.lock = threading.Lock()
        self.images: dict[tuple[str, int], bytes] = {}

    def get(self, key: str, number: int) -> bytes | None:
        with self.lock:
            found = self.images.get((key, number))
            if found is not None:
                return found
            product_id, _, template = key.partition("-")
            if not product_id.isdigit() or template not in TEMPLATE_NAMES:
                return None
            from microshop.services.posters import JPEG_QUALITY, render
            from microshop.services.products import poster_data

            try:
                with self.db.session() as session:
                    data = poster_data(session, int(product_id))
                rendered = render(data, template)
            except UserError:
                return None
            for n, image in enumerate(rendered, start=1):
                out = io.BytesIO()
                image.convert("RGB").save(out, "JPEG", quality=JPEG_QUALITY, subsampling=0)
                self.images[(key, n)] = out.getvalue()
            return self.images.get((key, number))


# ---------------------------------------------------------------- the page

PAGE_CSS = """
*{box-sizing:border-box}body{margin:0;font-family:-apple-system,"PingFang SC","Noto Sans SC","Microsoft YaHei",sans-serif;
background:#f4f6f5;color:#1f2a24;font-size:16px}header{background:#2f7d57;color:#fff;padding:14px 16px}
header h1{margin:0;font-size:20px}header p{margin:4px 0 0;font-size:13px;opacity:.9}
.wechat{background:#fff3cd;color:#6b4e00;padding:12px 16px;font-size:15px;border-bottom:1px solid #ecd9a0}
section{padding:8px 12px}h2{font-size:17px;margin:14px 4px 8px}
.pick{background:#fff;border-radius:10px;padding:12px;margin:0 0 14px;box-shadow:0 1px 3px rgba(0,0,0,.08)}
.pick h3{margin:0 0 8px;font-size:16px}.pick img{width:100%;height:auto;display:block;border-radius:6px}
.grid{display:grid;grid-template-columns:repeat(3,1fr);gap:4px}.grid img{border-radius:2px}
.hint{font-size:13px;color:#66736c;margin:6px 0}
pre{white-space:pre-wrap;word-break:break-all;background:#f7f7f7;border-radius:6px;padding:8px;font:inherit;font-size:14px;margin:8px 0}
button{width:100%;padding:12px;font-size:16px;border:0;border-radius:8px;background:#2f7d57;color:#fff}
button.done{background:#8fbfa6}table{width:100%;border-collapse:collapse;background:#fff;font-size:14px}
td,th{border-bottom:1px solid #e5e9e7;padding:6px 4px;text-align:left;vertical-align:top}
.point{background:#e8f3ec;font-weight:bold}.empty{color:#66736c;padding:12px 4px}
"""

PAGE_JS = """
function copyText(id, button){
  var text = document.getElementById(id).textContent;
  window.lastCopied = text;
  function done(){ button.textContent = '已复制，去微信粘贴'; button.classList.add('done'); }
  function fallback(){
    var area = document.createElement('textarea');
    area.value = text; area.setAttribute('readonly', ''); area.style.position = 'fixed'; area.style.opacity = '0';
    document.body.appendChild(area); area.select(); area.setSelectionRange(0, text.length);
    try { document.execCommand('copy'); } catch (e) {}
    document.body.removeChild(area); done();
  }
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(text).then(done, fallback);
  } else { fallback(); }
}
"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def render_page(db: Database, token: str, user_agent: str) -> str:
    """The whole page as HTML (no external resources)."""
    picks = recent_picks(db)
    sheet = pickup_today(db)
    base = f"/{token}"
    parts = [
        "<!doctype html><html lang='zh-CN'><head><meta charset='utf-8'>",
        "<meta name='viewport' content='width=device-width,initial-scale=1'>",
        f"<title>{_e(tr('微店管家 · 发到手机'))}</title><style>{PAGE_CSS}</style></head><body>",
    ]
    if "micromessenger" in user_agent.lower():
        parts.append(f"<div class='wechat' id='wechat-hint'>{_e(tr('微信里不能保存这里的图片：请点右上角 ··· → 在浏览器打开。'))}</div>")
    parts.append(f"<header><h1>{_e(tr('微店管家 · 发到手机'))}</h1><p>"
                 f"{_e(tr('长按图片 → 保存图片或发送给朋友；点“复制文案”后去微信粘贴。更新于 {when}', when=format_local(utcnow())))}</p></header>")
    parts.append(f"<section id='posters'><h2>{_e(tr('最近 {days} 天的海报', days=RECENT_DAYS))}</h2>")
    if not picks:
        parts.append(f"<p class='empty'>{_e(tr('最近还没有做过海报。在电脑上的“海报”页做一张，再刷新本页。'))}</p>")
    for n, pick in enumerate(picks):
        kind = short_name(pick.template)
        parts.append(f"<div class='pick' data-key='{_e(pick.key)}'><h3>{_e(pick.title)} {_e(pick.price)}</h3>")
        if pick.images > 1:
            parts.append(f"<p class='hint'>{_e(tr('九宫格：按 1→{n} 的顺序逐张保存，发朋友圈时按同样顺序选图。', n=pick.images))}</p><div class='grid'>")
            for i in range(1, pick.images + 1):
                parts.append(f"<img src='{base}/p/{_e(pick.key)}/{i}.jpg' alt='{_e(kind)} {i}' loading='lazy'>")
            parts.append("</div>")
        else:
            parts.append(f"<img src='{base}/p/{_e(pick.key)}/1.jpg' alt='{_e(pick.title)}（{_e(kind)}）' loading='lazy'>")
        parts.append(f"<pre id='text-{n}'>{_e(pick.text)}</pre>"
                     f"<button type='button' class='copy' onclick=\"copyText('text-{n}', this)\">{_e(tr('复制文案'))}</button></div>")
    parts.append("</section>")
    parts.append(f"<section id='pickup'><h2>{_e(tr('今天的自提清单'))}</h2>")
    if not sheet.households:
        parts.append(f"<p class='empty'>{_e(tr('今天没有要自提的订单。'))}</p>")
    else:
        parts.append(f"<table><tr><th>{_e(tr('客户'))}</th><th>{_e(tr('手机'))}</th><th>{_e(tr('商品'))}</th></tr>")
        for group in sheet.groups:
            parts.append(f"<tr><td class='point' colspan='3'>{_e(group.name)}（{len(group.households)}）</td></tr>")
            for h in group.households:
                parts.append(f"<tr><td>{_e(h.name)}</td><td>{_e(h.phone)}</td><td>{_e(h.items_text('；'))}</td></tr>")
        parts.append("</table>")
    parts.append(f"</section><script>{PAGE_JS}</script></body></html>")
    return "".join(parts)


def build_app(db: Database, token: str) -> Any:
    """The Starlette app: the page and its images under ``/<token>/``; everything else 404."""
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import HTMLResponse, PlainTextResponse, Response
    from starlette.routing import Route

    cache = PosterCache(db)
    not_found = PlainTextResponse("404", status_code=404)
    headers = {"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
               "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; "
                                          "script-src 'unsafe-inline'"}

    def allowed(request: Request) -> bool:
        given = str(request.path_params.get("token", ""))
        return secrets.compare_digest(given.encode("utf-8"), token.encode("utf-8"))

    async def page(request: Request) -> Response:
        if not allowed(request):
            return not_found
        from starlette.concurrency import run_in_threadpool

        body = await run_in_threadpool(render_page, db, token, request.headers.get("user-agent", ""))
        return HTMLResponse(body, headers=headers)

    async def image(request: Request) -> Response:
        if not allowed(request):
            return not_found
        from starlette.concurrency import run_in_threadpool

        found = await run_in_threadpool(cache.get, str(request.path_params["key"]), int(request.path_params["n"]))
        if found is None:
            return not_found
        name = f"microshop-{request.path_params['key']}-{request.path_params['n']}.jpg"
        return Response(found, media_type="image/jpeg",
                        headers={**headers, "Content-Disposition": f"inline; filename=\"{name}\""})

    async def fallback(_request: Request) -> Response:
        return not_found

    routes = [
        Route("/{token}/", page),
        Route("/{token}/p/{key}/{n:int}.jpg", image),
        Route("/{rest:path}", fallback),
    ]
    return Starlette(routes=routes)


# ---------------------------------------------------------------- the server

def lan_addresses() -> list[str]:
    """IPv4 addresses a phone on the same network could reach, the default route's first; never loopback."""
    found: list[str] = []
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("192.0.2.1", 9))  # no packet is sent: this only asks which interface the default route uses
        found.append(probe.getsockname()[0])
    except OSError:
        pass
    finally:
        probe.close()
    try:
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            found.append(str(info[4][0]))
    except OSError:
        pass
    out: list[str] = []
    for address in found:
        if address not in out and not address.startswith(("127.", "0.", "169.254.")):
            out.append(address)
    return out


class PhoneServer:
    """uvicorn serving ``build_app`` on (host, port) until ``stop()`` or ``minutes`` pass."""

    def __init__(self, db: Database, host: str = "127.0.0.1", port: int = 0, minutes: float = DEFAULT_MINUTES) -> None:
        import uvicorn

        if not 0 <= port <= 65535:
            raise UserError(tr("端口 {port} 不对，应在 0 到 65535 之间（0 表示自动选择）。", port=port))
        if not 0 < minutes <= 24 * 60:
            raise UserError(tr("时长 {minutes} 分钟不对，应在 1 到 1440 之间。", minutes=minutes))
        self.token = new_token()
        self.minutes = minutes
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            self.sock.bind((host, port))
            self.sock.listen(128)  # connections wait in the queue until uvicorn accepts: the URL works once printed
        except OSError as exc:
            self.sock.close()
            raise UserError(tr("无法在 {host}:{port} 上启动：{reason}。换一个端口或网络后再试。", host=host, port=port,
                               reason=exc.strerror or exc)) from exc
        self.host, self.port = self.sock.getsockname()[:2]
        config = uvicorn.Config(build_app(db, self.token), log_level="warning", access_log=False, lifespan="off",
                                timeout_graceful_shutdown=2)
        self.server = uvicorn.Server(config)
        self.thread: threading.Thread | None = None
        self.timer = threading.Timer(minutes * 60, self.stop)
        self.timer.daemon = True
        self.stopped = threading.Event()

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}/{self.token}/"

    def serve_forever(self) -> None:
        """Serve in this thread until stopped or the time limit passes (the CLI)."""
        self.timer.start()
        try:
            self.server.run(sockets=[self.sock])
        finally:
            self._finish()

    def start(self) -> None:
        """Serve on a background thread (the GUI)."""
        self.timer.start()

        def run() -> None:
            try:
                self.server.run(sockets=[self.sock])
            finally:
                self._finish()

        self.thread = threading.Thread(target=run, name="microshop-phone", daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.server.should_exit = True
        self.timer.cancel()

    def wait(self, timeout: float | None = None) -> bool:
        return self.stopped.wait(timeout)

    def _finish(self) -> None:
        self.timer.cancel()
        try:
            self.sock.close()
        finally:
            self.stopped.set()
