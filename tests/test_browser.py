"""What a person sees, in a real browser (Debian's chromium driven by Playwright)."""

import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from .conftest import ROOT
from .test_pages import hostile_pair_db  # noqa: F401  (a fixture)

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
playwright = pytest.importorskip("playwright.sync_api")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(demo_db, hostile_db, hostile_pair_db):
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "datasette", "serve", "-i", str(demo_db), "-i", str(hostile_db), "-i", str(hostile_pair_db),
         "-m", str(ROOT / "metadata.yml"), "-p", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    # A first start in a fresh venv compiles and imports for several seconds: wait for it,
    # and fail here, not in a page test, if it never comes up.
    deadline = time.monotonic() + 90
    while True:
        try:
            urllib.request.urlopen(url + "/-/versions.json")
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"datasette serve did not start (exit code {process.poll()})")
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
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.errors = []
        page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        yield page
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


# Each run saves its screenshots here (not committed: a test run leaves the checkout clean);
# docs/screenshots holds the ones the README shows, copied from a run by hand.
SCREENSHOTS = ROOT / ".pytest_cache" / "screenshots"


def serious_violations(page):
    """axe-core (shipped inside axe-playwright-python's wheel, so it runs offline):
    the serious and critical violations of the page."""
    axe = pytest.importorskip("axe_playwright_python.sync_playwright")
    try:
        results = axe.Axe().run(page)
    except playwright.Error as error:
        # axe-core 4.12 fails inside Datasette 1.0a41's own page chrome ("e[to] is not a
        # function": a node without matches()), on Datasette's own table pages too. The
        # page's content, everything inside <main>, is still checked.
        assert "is not a function" in str(error)
        results = axe.Axe().run(page, context="main")
    return [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
            for v in results.response["violations"] if v["impact"] in ("serious", "critical")]


def test_story_page_shows_conflicts_matrix_and_provenance(server, page):
    page.errors.clear()
    page.goto(server + "/-/newsdiff/newsdiff-demo/story/1")
    conflicts = page.locator(".nd-conflict")
    assert conflicts.count() == 4
    assert all(conflicts.nth(i).is_visible() for i in range(4))
    assert "fourth" in conflicts.all_inner_texts()[2] or "fourth" in " ".join(conflicts.all_inner_texts())
    matrix = page.locator("table.nd-matrix").first
    assert matrix.is_visible()
    assert page.locator("table.nd-matrix td.nd-s4").first.is_visible()
    # A shaded cell is not colour alone: a symbol and a number, and a label in words.
    cell = page.locator("table.nd-matrix td.nd-s4 a").first
    assert cell.inner_text().startswith("● ")
    assert "similarity" in cell.get_attribute("aria-label")
    assert page.locator("svg[role=img] .nd-bar-shared").count() == 5
    assert page.get_by_text("Siyarto", exact=True).first.is_visible()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    # The top of the page (articles, chart, conflicts, the start of the matrix), for the README.
    page.screenshot(path=str(SCREENSHOTS / "story.png"), full_page=True, clip={"x": 0, "y": 0, "width": 1280, "height": 2400})
    assert page.errors == []
    violations = serious_violations(page)
    assert not violations, violations


def test_compare_page_highlights_changes_side_by_side(server, page):
    page.errors.clear()
    page.goto(server + "/-/newsdiff/newsdiff-demo/compare/2/4")
    table = page.locator("table.nd-compare")
    assert table.is_visible()
    assert page.locator("table.nd-compare td.nd-diff-a del").first.is_visible()
    assert page.locator("table.nd-compare td.nd-diff-b ins").first.is_visible()
    assert page.locator("tr.nd-inline-conflict").first.is_visible()
    assert page.locator("tr.nd-only-b").count() > 3
    # Another pair is one click away.
    page.locator("table.nd-pairs a[aria-label='Compare #1 with #3']").click()
    page.wait_for_url("**/compare/1/3")
    assert page.locator("h1").inner_text() == "Compare #1 and #3"
    page.goto(server + "/-/newsdiff/newsdiff-demo/compare/2/4")
    page.screenshot(path=str(SCREENSHOTS / "compare.png"), full_page=True, clip={"x": 0, "y": 0, "width": 1280, "height": 2000})
    assert page.errors == []
    violations = serious_violations(page)
    assert not violations, violations


def test_story_page_of_one_article(server, page):
    page.errors.clear()
    page.goto(server + "/-/newsdiff/newsdiff-demo/story/2")
    assert page.get_by_text("nothing to compare it with yet").is_visible()
    assert page.errors == []
    violations = serious_violations(page)
    assert not violations, violations


def test_hostile_titles_and_text_on_the_pages_run_nothing(server, page):
    page.errors.clear()
    for path in ("/-/newsdiff/hostile_pair/story/1", "/-/newsdiff/hostile_pair/compare/1/2"):
        page.goto(server + path)
        assert page.evaluate("window.pwned") is None
        text = page.locator("main").inner_text()
        assert "<script>window.pwned = 1</script>" in text or "<script>window.pwned = 4</script>" in text
        assert 'onerror="window.pwned = 3"' in text
        assert page.locator("main script, main img, main svg:not([role=img]), main iframe, main b").count() == 0
    page.goto(server + "/-/newsdiff/hostile_pair/story/1")
    assert 'Rutte <script>window.pwned = 1</script> warns <img src=x onerror="window.pwned = 2">' in page.locator(".nd-articles").inner_text()
    page.screenshot(path=str(SCREENSHOTS / "hostile.png"), full_page=True)
    assert page.evaluate("window.pwned") is None
    assert page.errors == []
