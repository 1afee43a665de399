"""发到手机: the page in a real headless Chromium at a phone viewport, the token, the time limit."""

from __future__ import annotations

import http.client
import json
import shutil
import subprocess
import sys
from datetime import UTC
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import FIXTURES

from microshop.domain.enums import ShareKind
from microshop.services.phone import PhoneServer, lan_addresses, render_page
from microshop.services.products import ProductInput, add_image, copy_text, poster_data, record_share, save_product

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
LINK = "https://item.jd.com/100012043978.html"
WECHAT_UA = ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
             "Mobile/15E148 MicroMessenger/8.0.44(0x18002c2f) NetType/WIFI Language/zh_CN")


@pytest.fixture
def shared_db(db):
    with db.session() as s:
        mango = save_product(s, ProductInput(title="台农芒果 5斤 现摘现发", link=LINK, price_fen=3990))
        add_image(s, mango, FIXTURES / "images" / "mask_square.jpg")
        tissue = save_product(s, ProductInput(title="维达抽纸 24包", link="https://u.jd.com/abc123", price_fen=3690))
        for picture in ("mask_square.jpg", "tea_cmyk.jpg", "orange_transparent.png"):
            add_image(s, tissue, FIXTURES / "images" / picture)
        record_share(s, mango, ShareKind.POSTER, template="portrait")
        record_share(s, tissue, ShareKind.POSTER, template="grid9")
    return db, mango, tissue


@pytest.fixture
def server(shared_db):
    db, _mango, _tissue = shared_db
    running = PhoneServer(db, "127.0.0.1", 0, minutes=10)
    running.start()
    yield running
    running.stop()
    assert running.wait(30)


def status_of(server: PhoneServer, raw_path: str) -> int:
    """The status for a path sent exactly as written (no client-side ``..`` folding)."""
    conn = http.client.HTTPConnection(server.host, server.port, timeout=30)
    try:
        conn.putrequest("GET", raw_path, skip_accept_encoding=True)
        conn.endheaders()
        return conn.getresponse().status
    finally:
        conn.close()


def test_every_path_without_the_token_is_refused(server: PhoneServer) -> None:
    token = server.token
    assert len(token) >= 32  # 24 random bytes, URL-safe
    wrong = token[:-1] + ("A" if token[-1] != "A" else "B")
    for path in ["/", "/index.html", "/p/1-portrait/1.jpg", f"/{wrong}/", f"/{wrong}/p/1-portrait/1.jpg",
                 f"/{token[:-4]}/", f"/{token}x/", "/../etc/passwd", f"/{token}/../../etc/passwd",
                 f"/{token}/p/..%2F..%2Fetc%2Fpasswd/1.jpg", f"/{token}/p/1-portrait/../../../../etc/passwd",
                 f"/{token}/p/1-evil/1.jpg", f"/{token}/p/99999-portrait/1.jpg", "/favicon.ico"]:
        assert status_of(server, path) in (403, 404), path
    assert status_of(server, f"/{token}/") == 200


def test_each_start_has_a_new_token(shared_db) -> None:
    db = shared_db[0]
    first, second = PhoneServer(db), PhoneServer(db)
    try:
        assert first.token != second.token and first.url != second.url
    finally:
        first.sock.close()
        second.sock.close()


def test_no_full_phone_or_address_leaves(shared_db) -> None:
    from datetime import datetime

    from microshop.store.models import Customer, Order, OrderItem

    db = shared_db[0]
    with db.session() as s:
        c = Customer(name="王阿姨", phone="13812345678")
        s.add(Order(customer=c, ordered_at=datetime(2026, 11, 20, 2, 0, tzinfo=UTC), pickup_point="3栋门口",
                    address="浙江省杭州市西湖区幸福里10栋1201", status="paid",
                    items=[OrderItem(title="台农芒果", quantity=2, amount_fen=7980)]))
    page = render_page(db, "t", "")
    assert "王阿姨" in page and "138****5678" in page and "3栋门口" in page
    assert "13812345678" not in page and "10栋1201" not in page


def test_time_limit_stops_the_server(shared_db) -> None:
    running = PhoneServer(shared_db[0], minutes=0.01)
    running.start()
    assert running.wait(60)  # stopped by its own timer (0.6 s), awaited as an event
    with pytest.raises(OSError):
        http.client.HTTPConnection(running.host, running.port, timeout=5).request("GET", "/")


def test_cli_serve_prints_its_url_and_serves(shared_db, tmp_path: Path) -> None:
    db = shared_db[0]
    proc = subprocess.Popen([sys.executable, "-m", "microshop", "--db", str(db.path), "serve", "--minutes", "5"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline() if proc.stdout else ""
        url = json.loads(line)["url"]
        parts = urlsplit(url)
        assert parts.hostname == "127.0.0.1"  # the CLI default binds loopback only
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        conn.request("GET", parts.path)
        response = conn.getresponse()
        # (the subprocess runs on the real clock, so which posters count as recent is not asserted here)
        assert response.status == 200 and "今天的自提清单" in response.read().decode("utf-8")
    finally:
        proc.terminate()
        proc.wait(30)


def test_lan_addresses_never_offer_loopback() -> None:
    assert all(not a.startswith("127.") for a in lan_addresses())


# ---------------------------------------------------------------- in a real browser

@pytest.fixture
def browser():
    if CHROMIUM is None:
        pytest.skip("Chromium is not installed here (.ci/run installs Debian's chromium when it can)")
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        yield launched
        launched.close()


def test_phone_page_in_chromium(browser, server: PhoneServer, shared_db, tmp_path: Path) -> None:
    import zxingcpp
    from PIL import Image

    db, mango, tissue = shared_db
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True,
                                  has_touch=True, locale="zh-CN")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=f"http://{server.host}:{server.port}")
    page = context.new_page()
    page.goto(server.url)
    assert page.locator("#wechat-hint").count() == 0
    pick = page.locator(f".pick[data-key='{mango}-portrait']")
    poster = pick.locator("img")
    poster.scroll_into_view_if_needed()
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=poster.element_handle())
    assert poster.evaluate("img => img.naturalWidth") == 1080
    src = poster.get_attribute("src")
    response = context.request.get(f"http://{server.host}:{server.port}{src}")
    assert response.ok and response.headers["content-type"] == "image/jpeg"
    saved = tmp_path / "saved.jpg"
    saved.write_bytes(response.body())
    with db.session() as s:
        expected_link = poster_data(s, mango).link
        expected_text = copy_text(s, mango)
    decoded = [r.text for r in zxingcpp.read_barcodes(Image.open(saved))]
    assert expected_link in decoded
    grid = page.locator(f".pick[data-key='{tissue}-grid9'] .grid img")
    assert grid.count() == 4  # its three pictures and the QR tile, nothing made up
    assert [grid.nth(i).get_attribute("src").rsplit("/", 1)[1] for i in range(4)] == [f"{i}.jpg" for i in range(1, 5)]
    button = pick.locator("button.copy")
    button.click()
    page.wait_for_function("b => b.classList.contains('done')", arg=button.element_handle())
    assert page.evaluate("window.lastCopied") == expected_text
    assert page.evaluate("navigator.clipboard.readText()") == expected_text
    assert "已复制" in button.inner_text()
    page.screenshot(path=str(tmp_path / "phone.png"), full_page=False)
    context.close()

    wechat = browser.new_context(viewport={"width": 390, "height": 844}, user_agent=WECHAT_UA, is_mobile=True)
    wpage = wechat.new_page()
    wpage.goto(server.url)
    hint = wpage.locator("#wechat-hint")
    assert hint.is_visible() and "在浏览器打开" in hint.inner_text()
    wechat.close()
