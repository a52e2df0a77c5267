"""What a person sees, in a real browser (Debian's chromium driven by Playwright)."""

import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from .conftest import ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
playwright = pytest.importorskip("playwright.sync_api")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(demo_db, hostile_db):
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "datasette", "serve", "-i", str(demo_db), "-i", str(hostile_db),
         "-m", str(ROOT / "metadata.yml"), "-p", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(url + "/-/versions.json")
            break
        except OSError:
            time.sleep(0.1)
    yield url
    process.terminate()
    process.wait()


@pytest.fixture(scope="module")
def page():
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )
        yield browser.new_page()
        browser.close()


def test_untrusted_article_html_is_shown_as_text_and_never_runs(server, page):
    page.goto(server + "/hostile/articles/1")
    article = page.locator(".newsdiff-article p")
    assert article.nth(0).inner_text() == "Rutte <script>window.pwned = 1</script> warns Moscow"
    assert "<img src=x" in article.nth(1).inner_text()
    assert page.evaluate("window.pwned") is None


def test_article_text_reads_as_paragraphs(server, page):
    page.goto(server + "/newsdiff-demo/articles/4")
    paragraphs = page.locator(".newsdiff-article p")
    lines = [line for line in next((ROOT / "ingest" / "example").glob("003_*.txt")).read_text().split("\n") if line.strip()]
    assert paragraphs.count() == len(lines)
    assert paragraphs.nth(4).inner_text().startswith("NATO Secretary General Mark Rutte has delivered a stark warning to Moscow")
    page.screenshot(path=str(ROOT / ".pytest_cache" / "article.png"), full_page=True)


def test_full_text_search_on_sentences(server, page):
    page.goto(server + "/newsdiff-demo/sentences")
    page.fill("input[name=_search]", "Siyarto")
    page.keyboard.press("Enter")
    page.wait_for_url("**_search=Siyarto**")
    rows = page.locator("table.rows-and-columns tbody tr")
    assert rows.count() == 5
    assert all("Siyarto" in rows.nth(i).inner_text() for i in range(5))
