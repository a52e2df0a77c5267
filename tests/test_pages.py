"""The story and compare pages, through the real Datasette (datasette.client)."""

import html
import json
import re

import pytest
import yaml
from datasette.app import Datasette
from datasette.utils import PrefixedUrlString

from .conftest import HOSTILE, ROOT, build

STORY = "/-/newsdiff/newsdiff-demo/story/1"

# Two articles of one story whose titles and texts carry HTML and script payloads.
HOSTILE_PAIR = [
    {"title": 'Rutte <script>window.pwned = 1</script> warns <img src=x onerror="window.pwned = 2">',
     "outlet": "<b>Evil</b> Outlet",
     "text": "NATO said <b>bold</b> & <img src=x onerror=\"window.pwned = 3\"> things as the war enters its third year. "
             "Allies bought American weapons worth 4 billion euros <script>window.pwned = 4</script> so far. "
             "Only this article says <svg onload=\"window.pwned = 5\"> anything about the weather in Brussels."},
    {"title": "Second <script>window.pwned = 6</script> take",
     "outlet": "Other & Co",
     "text": "NATO said <b>bold</b> & <img src=x onerror=\"window.pwned = 3\"> things as the war enters its fourth year. "
             "Allies bought American weapons worth 4 billion euros <script>window.pwned = 4</script> so far. "
             "A sentence <iframe src=javascript:window.pwned=7></iframe> only the second article carries, about ports."},
]


@pytest.fixture(scope="session")
def hostile_pair_db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile_pair")
    (folder / "pair.json").write_text(json.dumps(HOSTILE_PAIR))
    path = folder / "hostile_pair.db"
    report = build(path, [folder / "pair.json"], story="Hostile <script>window.pwned = 8</script> story")
    assert report.added == 2 and not report.errors
    return path


def datasette(*paths, **kwargs):
    metadata = yaml.safe_load((ROOT / "metadata.yml").read_text())
    return Datasette(immutables=[str(p) for p in paths], metadata=metadata, **kwargs)


@pytest.fixture
def demo(demo_db):
    return datasette(demo_db)


def text_of(page):
    """What a reader sees: tags dropped, entities decoded, whitespace folded."""
    body = re.sub(r"(?s)<(script|style)\b.*?</\1>", " ", page)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def links(page):
    return [html.unescape(h) for h in re.findall(r'<a [^>]*href="([^"#]*)(?:#[^"]*)?"', page)]


async def get(ds, path):
    response = await ds.client.get(path)
    assert response.status_code == 200, (path, response.status_code, response.text[-2000:])
    return response.text


@pytest.mark.asyncio
async def test_story_page_shows_where_the_sources_disagree(demo):
    page = await get(demo, STORY)
    seen = text_of(page)
    # The articles, with a label for the one without a headline.
    assert "KLAS News" in seen and "2025-12-03" in seen
    assert "Behind Closed Doors: NATO’s Exclusive Strategy" in seen
    assert "No headline: “NATO Secretary General Mark Rutte has issued a stark warning" in seen
    # The four conflicts with their explanations.
    assert re.search(r"001_cd5647c306864531 says fourth .* say third", seen)
    assert "credited differently: 001_cd5647c306864531 to Rutte; 002_58733491b3223549 to Stoltenberg" in seen
    assert "Partnership for Ukraine’s Reform and Leadership" in seen
    assert "Partnership for Ukraine’s Reconstruction and Long-Term Stability" in seen
    assert "It is also necessary to continue sanctions against Russia, as it demonstrates that NATO countries are serious" in seen
    assert "It shows that we are serious" in seen
    # Provenance: the rare string every rewrite shares.
    assert re.search(r'<code class="nd-rare"[^>]*>Siyarto</code>', page)
    # Links to both sentences of a conflict, and to the compare page of the pair.
    assert "/newsdiff-demo/sentences/37" in page and "/newsdiff-demo/sentences/72" in page
    assert "/-/newsdiff/newsdiff-demo/compare/2/4" in page


@pytest.mark.asyncio
async def test_story_page_coverage_matrix_is_shaded_with_symbols_and_labels(demo):
    page = await get(demo, STORY)
    matrix = page[page.index('id="coverage"'):page.index('id="unique"')]
    # Each shaded cell carries a symbol and a number, and says in words what it means.
    cells = re.findall(r'<td class="nd-cell nd-match nd-s(\d)"[^>]*><a href="[^"]+" aria-label="([^"]+)"><span aria-hidden="true">(\S) ([0-9.]+)</span>', matrix)
    assert len(cells) > 15
    assert {level for level, *_ in cells} >= {"2", "3", "4"}
    assert all("similarity" in label for _, label, _, _ in cells)
    assert 'aria-label="#3 002_58733491b3223549: does not carry this claim"' in matrix or "does not carry this claim" in matrix
    assert "the only article with this claim" in matrix  # one-article claims, in their own table
    # The claim that all four carry: a cell in each column.
    row = re.search(r"(?s)<tr><th scope=\"row\" class=\"nd-claim\"><a [^>]+>On December 3, Hungary’s Foreign Minister.*?</tr>", matrix).group(0)
    assert row.count("nd-match") == 4


@pytest.mark.asyncio
async def test_story_page_unique_sentences_figures_and_chart(demo):
    page = await get(demo, STORY)
    seen = text_of(page)
    assert "The implications of Rutte’s remarks are profound." in seen  # a sentence only KLAS News has
    assert re.search(r"KLAS News: \d+ unique sentences", seen)
    # Figures side by side: the year of the war differs.
    figures = page[page.index('id="figures"'):page.index('id="compare"')]
    assert re.search(r"⚠ differs</span> <code>ordinal:year</code>", figures)
    # Every article gives 4 and 5 billion euros: the same values, no disagreement.
    assert "<code>money:EUR</code>" in figures and "⚠ differs</span> <code>money:EUR</code>" not in figures
    assert re.search(r"(?s)ordinal:year.*?fourth.*?</tr>", figures) and re.search(r"(?s)ordinal:year.*?third.*?</tr>", figures)
    # The chart: one group of bars per article, labelled, and the vega chart builder links.
    assert page.count('class="nd-bar-shared"') == 4 + 1  # four bars and the legend
    assert "#g.mark=bar&amp;g.x_column=name" in page
    # The chart builder's page: the story_overview view of this story.
    [chart] = re.findall(r'href="([^"]*/story_overview\?[^"]*)"', html.unescape(page))
    assert chart.split("#")[1].startswith("g.mark=bar&g.x_column=name")
    assert re.search(r"\?story_id=1#", chart)
    overview = await get(demo, PrefixedUrlString(chart.split("#")[0]))
    assert "KLAS News" in overview and "002_58733491b3223549" in overview


@pytest.mark.asyncio
async def test_every_link_on_the_story_and_compare_pages_resolves(demo):
    for start in (STORY, "/-/newsdiff/newsdiff-demo/compare/1/4"):
        page = await get(demo, start)
        targets = sorted({h for h in links(page) if h.startswith("/")})
        assert len(targets) > 20
        for href in targets:
            response = await demo.client.get(PrefixedUrlString(href))
            assert response.status_code == 200, (start, href, response.status_code)


@pytest.mark.asyncio
async def test_compare_page_marks_changes_unique_sentences_and_conflicts(demo):
    page = await get(demo, "/-/newsdiff/newsdiff-demo/compare/2/4")
    seen = text_of(page)
    assert "<del>" in page and "<ins>" in page
    assert re.search(r"<del>[^<]*\bfourth\b[^<]*</del>", page) and re.search(r"<ins>[^<]*\bthird\b[^<]*</ins>", page)
    # Unmatched sentences, from missing_from.
    assert "only in A" in seen and "only in B" in seen
    assert "The implications of Rutte’s remarks are profound." in seen
    # Conflicts flagged inline beside the sentences.
    assert page.count('class="nd-inline-conflict"') >= 1
    assert "001_cd5647c306864531 says fourth" in seen
    # Links to the rows behind every item, and to other pairs.
    assert "/newsdiff-demo/alignments/" in page and "/newsdiff-demo/conflicts/1" in page
    assert 'aria-current="page"' in page
    assert "/-/newsdiff/newsdiff-demo/compare/1/3" in page


@pytest.mark.asyncio
async def test_a_story_of_one_article_gets_a_useful_page(demo):
    page = await get(demo, "/-/newsdiff/newsdiff-demo/story/2")
    seen = text_of(page)
    assert "NATO Pushes for Military Aid Over Peace Talks in Ukraine Crisis" in seen
    assert "one article: there is nothing to compare it with yet" in seen
    assert "No conflicts found" in seen
    assert re.search(r"004_e9dcdd7098f6f7c6: \d+ unique sentences", seen)


@pytest.mark.asyncio
@pytest.mark.parametrize("path", [
    "/-/newsdiff/newsdiff-demo/story/99",
    "/-/newsdiff/newsdiff-demo/compare/1/5",   # two stories
    "/-/newsdiff/newsdiff-demo/compare/1/1",
    "/-/newsdiff/newsdiff-demo/compare/1/99",
    "/-/newsdiff/nosuchdb/story/1",
    "/-/newsdiff/blog/story/1",                # a database that is not newsdiff's
    "/-/newsdiff/blog/compare/1/2",
])
async def test_unknown_ids_and_other_databases_are_404(demo_db, tmp_path, path):
    import sqlite3

    blog = tmp_path / "blog.db"
    conn = sqlite3.connect(blog)
    conn.executescript("create table stories (id integer primary key, label text);"
                       "create table articles (id integer primary key, story_id integer, title text);"
                       "insert into stories values (1, 'x'); insert into articles values (1, 1, 'a'), (2, 1, 'b');")
    conn.close()
    ds = datasette(demo_db, blog)
    assert (await ds.client.get(path)).status_code == 404


@pytest.mark.asyncio
async def test_pages_respect_base_url(demo_db):
    ds = datasette(demo_db, settings={"base_url": "/prefix/"})
    for path in (STORY, "/-/newsdiff/newsdiff-demo/compare/1/4"):
        response = await ds.client.get(path)  # the client adds base_url
        assert response.status_code == 200
        page = response.text
        hrefs = [h for h in links(page) if h.startswith("/")]
        assert hrefs and all(h.startswith("/prefix/") for h in hrefs), [h for h in hrefs if not h.startswith("/prefix/")]
        assert "/prefix/-/static-plugins/datasette_newsdiff/pages.css" in page
        for href in sorted(set(hrefs))[:40]:
            assert (await ds.client.get(PrefixedUrlString(href))).status_code == 200, href


@pytest.mark.asyncio
async def test_links_into_the_pages_from_datasette(demo):
    story = "/-/newsdiff/newsdiff-demo/story/1"
    # The stories table: the label cell links to the story page; the action menu too.
    assert story in await get(demo, "/newsdiff-demo/stories")
    # A row of a table with a story_id (a foreign key) and a view (a plain integer).
    assert story in await get(demo, "/newsdiff-demo/conflicts/1")
    assert story in await get(demo, "/newsdiff-demo/conflict_pairs")
    # The database page's action menu.
    assert story in await get(demo, "/newsdiff-demo")
    # The stories row page.
    assert story in await get(demo, "/newsdiff-demo/stories/1")


@pytest.mark.asyncio
async def test_hostile_titles_and_text_render_escaped(hostile_pair_db, hostile_db):
    ds = datasette(hostile_pair_db, hostile_db)
    import sqlite3

    conn = sqlite3.connect(hostile_pair_db)
    [(story,)] = conn.execute("select id from stories").fetchall()
    conn.close()
    pages = [await get(ds, f"/-/newsdiff/hostile_pair/story/{story}"), await get(ds, "/-/newsdiff/hostile_pair/compare/1/2"),
             await get(ds, "/-/newsdiff/hostile/story/1")]
    for page in pages:
        assert "<script>window.pwned" not in page
        assert "onerror=\"window" not in page and "<img src=x" not in page
        assert "<svg onload" not in page and "<iframe" not in page and "<b>bold" not in page
    assert "&lt;script&gt;window.pwned = 1&lt;/script&gt;" in pages[0]  # the title, shown as text
    assert "&lt;img src=x onerror=" in pages[1]
    assert HOSTILE.split("\n")[0].split(" <")[0] in text_of(pages[2])


@pytest.mark.asyncio
async def test_the_demo_home_page_reaches_a_story_page_in_one_click(tmp_path_factory):
    # `make demo` serves the demo database with metadata.yml: its home page links the
    # story page and a compare page, and both open.
    from .conftest import EXAMPLE
    folder = tmp_path_factory.mktemp("home")
    path = folder / "newsdiff-demo.db"
    build(path, [EXAMPLE])
    ds = Datasette(immutables=[str(path)], metadata=yaml.safe_load((ROOT / "metadata.yml").read_text()))
    home = (await ds.client.get("/")).text
    targets = re.findall(r'href="(-/newsdiff/[^"]+)"', home)
    assert len(targets) == 2
    for href in targets:
        page = await ds.client.get("/" + href)
        assert page.status_code == 200
    story = (await ds.client.get("/" + targets[0])).text
    assert "Siyarto" in story and "PURL" in story


@pytest.mark.asyncio
async def test_page_cache_serves_immutable_pages_and_never_a_mutable_databases_stale_page(demo_db, tmp_path):
    import shutil
    import sqlite3

    from datasette_newsdiff import pages

    # Immutable: rendered once, then served from the cache.
    ds = datasette(demo_db)
    first = await get(ds, STORY)
    assert any(key[0] == "newsdiff-demo" and key[2] == STORY for key in pages._pages)
    assert await get(ds, STORY) == first
    # Mutable: every request renders, so a write shows on the next page.
    path = tmp_path / "newsdiff-demo.db"
    shutil.copy(demo_db, path)
    mutable = Datasette([str(path)], metadata=yaml.safe_load((ROOT / "metadata.yml").read_text()))
    before = await get(mutable, STORY)
    assert "Relabelled story" not in before
    with sqlite3.connect(path) as conn:
        conn.execute("update stories set label = 'Relabelled story' where id = 1")
    conn.close()
    assert "Relabelled story" in await get(mutable, STORY)
    assert not any(key[1] == str(path) for key in pages._pages)
