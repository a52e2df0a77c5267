import html
import json
import os
import re
import sqlite3

import pytest
import yaml
from datasette.app import Datasette

from datasette_newsdiff import render
from datasette_newsdiff.queries import QUERIES
from ingest import diff, numbers, segment, similarity

from .conftest import ROOT, build, sql


async def query_listing(ds, database):
    """The pages listing a database's canned queries: its own page, and on the 1.0 alphas,
    which list only the first few there, /DB/-/queries."""
    pages = [await ds.client.get(f"/{database}")]
    if f"/{database}/-/queries" in pages[0].text:
        pages.append(await ds.client.get(f"/{database}/-/queries"))
    assert all(p.status_code == 200 for p in pages)
    return "".join(p.text for p in pages)

@pytest.mark.asyncio
async def test_sql_functions_return_what_ingest_computes(ds):
    text = "«If there is no success, it is necessary,» he said. Allies plan to spend 1 billion euros per month."
    a, b = "As the war enters its third year, talks stall.", "The war enters its fourth year, talks stall."
    [row] = await sql(
        ds,
        "select newsdiff_sentences(:t) as s, newsdiff_numbers(:t) as n, newsdiff_similarity(:a, :b) as sim, newsdiff_diff(:a, :b) as d",
        t=text, a=a, b=b,
    )
    assert json.loads(row["s"]) == [s.text for s in segment.segment(text)] == [
        "«If there is no success, it is necessary,» he said.",
        "Allies plan to spend 1 billion euros per month.",
    ]
    assert json.loads(row["n"]) == [f.reading() for f in numbers.extract(text)]
    assert any(n["value"] == 1e9 and n["unit"] == "EUR" and n["rate"] == "month" for n in json.loads(row["n"]))
    assert row["sim"] == pytest.approx(similarity.similarity(a, b)) and 0 < row["sim"] < 1
    assert row["d"] == diff.diff_html(a, b)
    assert "<del>third</del><ins>fourth</ins>" in row["d"]


@pytest.mark.asyncio
async def test_stored_numbers_equal_the_sql_function(ds):
    # One home for number parsing: ad-hoc SQL and stored rows must agree.
    sentences = await sql(ds, "select id, text, start, newsdiff_numbers(text) as n from sentences")
    stored = await sql(ds, 'select sentence_id, surface, value, unit, kind, key, start, "end" from numbers order by id')
    by_sentence = {}
    for n in stored:
        by_sentence.setdefault(n["sentence_id"], []).append(n)
    for s in sentences:
        computed = [
            {"surface": n["surface"], "value": n["value"], "unit": n["unit"], "kind": n["kind"], "key": n["key"],
             "start": s["start"] + n["start"], "end": s["start"] + n["end"]}
            for n in json.loads(s["n"])
        ]
        assert computed == [{k: v for k, v in n.items() if k != "sentence_id"} for n in by_sentence.get(s["id"], [])]


@pytest.mark.asyncio
@pytest.mark.parametrize("call", [
    "newsdiff_sentences(null)", "newsdiff_numbers(null)", "newsdiff_similarity(null, 'a')", "newsdiff_diff('a', null)",
])
async def test_functions_return_null_for_null(ds, call):
    assert await sql(ds, f"select {call} as v") == [{"v": None}]


@pytest.mark.asyncio
@pytest.mark.parametrize("arg", ["''", "x'00ff10'", "12345", "3.5", "'   '", "char(0, 1, 2)", "'?!.'"])
async def test_functions_are_safe_on_junk(ds, arg):
    [row] = await sql(
        ds,
        f"select newsdiff_sentences({arg}) as s, newsdiff_numbers({arg}) as n, newsdiff_similarity({arg}, {arg}) as sim, newsdiff_diff({arg}, 'x') as d",
    )
    assert isinstance(json.loads(row["s"]), list) and isinstance(json.loads(row["n"]), list)
    assert 0.0 <= row["sim"] <= 1.0
    assert "<ins>x</ins>" in row["d"]


@pytest.mark.asyncio
@pytest.mark.parametrize("a, b", [
    ("<script>alert(1)</script> said", "<b>x</b> said"),
    ("Rutte said «we are serious» & more.", "Rutte said: “we are serious” <i>&amp;</i> more!"),
])
async def test_diff_escapes_article_html_and_keeps_both_texts(ds, a, b):
    [row] = await sql(ds, "select newsdiff_diff(:a, :b) as d", a=a, b=b)
    assert "<script" not in row["d"] and "<b>" not in row["d"] and "<i>" not in row["d"]
    # Dropping the insertions gives back a, dropping the deletions gives back b.
    assert html.unescape(re.sub(r"<ins>.*?</ins>|</?del>", "", row["d"])) == a
    assert html.unescape(re.sub(r"<del>.*?</del>|</?ins>", "", row["d"])) == b


@pytest.mark.asyncio
async def test_article_page_shows_escaped_paragraphs(hostile_db):
    ds = Datasette(immutables=[str(hostile_db)])
    response = await ds.client.get("/hostile/articles/1")
    assert response.status_code == 200
    page = response.text
    assert '<div class="newsdiff-article"><p>Rutte &lt;script&gt;window.pwned = <mark class="newsdiff-figure" title="number: 1">1</mark>&lt;/script&gt; warns Moscow</p>' in page
    assert ' things about <mark class="newsdiff-figure" title="money: 5,000,000,000 EUR">5 billion euros</mark> today.</p>' in page
    assert "<script>window.pwned" not in page and "<img src=x" not in page
    assert "newsdiff.css" in page


@pytest.mark.asyncio
async def test_demo_pages_with_metadata_and_vega_charts(ds):
    home = await ds.client.get("/")
    assert "newsdiff demo: five articles on one NATO statement" in home.text
    table = await ds.client.get("/newsdiff-demo/numbers")
    assert table.status_code == 200
    assert "/-/static-plugins/datasette_vega/" in table.text  # the chart widget ships on table pages
    search = await ds.client.get("/newsdiff-demo/sentences", params={"_search": "Siyarto"})
    assert search.text.count("Siyarto") >= 4


@pytest.mark.asyncio
@pytest.mark.parametrize("name", QUERIES)
async def test_canned_queries_are_registered_by_the_plugin(ds, name):
    assert f"/newsdiff-demo/{name}" in await query_listing(ds, "newsdiff-demo")
    params = {"q": "Siyarto", "story": "1"}
    response = await ds.client.get(f"/newsdiff-demo/{name}.json", params={**params, "_shape": "array"}, follow_redirects=True)
    assert response.status_code == 200, response.text
    assert isinstance(response.json(), list)


@pytest.mark.asyncio
async def test_story_figures_put_third_and_fourth_year_side_by_side(ds):
    [story] = await sql(ds, "select story_id from articles where source like '%000_%'")
    response = await ds.client.get(
        "/newsdiff-demo/story_figures.json", params={"story": story["story_id"], "_shape": "array"}, follow_redirects=True
    )
    rows = {r["key"]: r for r in response.json()}
    assert rows["ordinal:year"]["n_values"] == 2
    assert "third" in rows["ordinal:year"]["figures_by_article"] and "fourth" in rows["ordinal:year"]["figures_by_article"]
    assert rows["money:EUR:month"]["n_articles"] == 4 and rows["money:EUR:month"]["n_values"] == 1


@pytest.mark.asyncio
async def test_figure_disagreements_are_aligned_sentences_with_different_values(ds):
    response = await ds.client.get("/newsdiff-demo/figure_disagreements.json", params={"_shape": "array"}, follow_redirects=True)
    rows = response.json()
    aligned = {(r["sentence_a"], r["sentence_b"]) for r in await sql(ds, "select sentence_a, sentence_b from alignments")}
    texts = {r["text"]: r["id"] for r in await sql(ds, "select id, text from sentences")}
    for r in rows:
        assert r["figure_a"] != r["figure_b"] and r["article_a"] != r["article_b"]
        assert (texts[r["sentence_a"]], texts[r["sentence_b"]]) in aligned


@pytest.mark.asyncio
async def test_sentence_pages_mark_figures_and_escape_the_rest(hostile_db):
    ds = Datasette(immutables=[str(hostile_db)])
    page = (await ds.client.get("/hostile/sentences/2")).text
    assert "NATO said &lt;b&gt;bold&lt;/b&gt; &amp; &lt;img src=x onerror=&#34;window.pwned = " in page
    assert ' things about <mark class="newsdiff-figure" title="money: 5,000,000,000 EUR">5 billion euros</mark> today.' in page
    assert "<img" not in page and "<b>bold" not in page


def test_stored_marks_equal_what_the_numbers_rows_say(hostile_db, demo_db):
    # sentences.marks is written with the numbers rows: marking a sentence from either
    # gives the same HTML, for every sentence.
    for path in (hostile_db, demo_db):
        conn = sqlite3.connect(path)
        conn.row_factory = sqlite3.Row
        sentences = conn.execute("select id, text, marks from sentences").fetchall()
        assert sentences and all(s["marks"] is not None for s in sentences)
        for s in sentences:
            figures = [dict(r) for r in conn.execute(render.STORED_FIGURES, {"sentence": s["id"]})]
            assert render.stored_marks(s["text"], s["marks"]) == render.mark_figures(s["text"], figures)
        assert any("<mark" in render.stored_marks(s["text"], s["marks"]) for s in sentences)
        conn.close()


def test_stored_diffs_equal_the_diff_of_the_two_texts(demo_db):
    conn = sqlite3.connect(demo_db)
    pairs = conn.execute("select text_a, text_b, diff from aligned_pairs").fetchall()
    conn.close()
    assert pairs and all(d == diff.diff_html(a, b) for a, b, d in pairs)


@pytest.mark.asyncio
async def test_aligned_pairs_page_shows_word_diffs(ds):
    [pair] = await sql(ds, "select id, text_a, text_b from aligned_pairs where text_a != text_b order by id limit 1")
    page = (await ds.client.get("/newsdiff-demo/aligned_pairs", params={"id": pair["id"]})).text
    # Both sentences are shown as they are, and the diff under the second.
    assert f'<span class="newsdiff-text">{html.escape(pair["text_b"], quote=False)}</span>' in page.replace("&#39;", "'")
    assert f'<span class="newsdiff-diff">{diff.diff_html(pair["text_a"], pair["text_b"])}</span>' in page
    assert "<del>" in page and "<ins>" in page


@pytest.mark.asyncio
@pytest.mark.parametrize("target, call", [
    ("ingest.numbers.extract", "newsdiff_numbers('Allies spend 5 billion euros.')"),
    ("ingest.segment.segment", "newsdiff_sentences('One. Two.')"),
    ("ingest.similarity.Scorer", "newsdiff_similarity('the war enters its third year', 'the war enters its fourth year')"),
])
async def test_an_error_inside_the_analysis_code_is_null_in_sql(ds, monkeypatch, target, call):
    def broken(*args, **kwargs):
        raise RuntimeError("internal error")

    monkeypatch.setattr(target, broken)
    # The query still runs, over a whole table too: the broken call is NULL on every row.
    assert await sql(ds, f"select {call} as v") == [{"v": None}]
    rows = await sql(ds, f"select {call} as v, id from sentences limit 3")
    assert [r["v"] for r in rows] == [None, None, None]


def test_ingest_reports_an_article_whose_analysis_fails(tmp_path, monkeypatch):
    # Where SQL says NULL, ingest must say "error": never an article silently stored without figures.
    (tmp_path / "a.txt").write_text("Allies plan to spend 5 billion euros on weapons for Ukraine this year.")

    def broken(text):
        raise RuntimeError("internal error")

    monkeypatch.setattr("ingest.numbers.extract", broken)
    report = build(tmp_path / "a.db", [tmp_path / "a.txt"])
    assert report.added == 0
    assert len(report.errors) == 1 and "a.txt" in str(report.errors[0]) and "internal error" in str(report.errors[0])


@pytest.mark.asyncio
async def test_sentence_pages_show_the_stored_figures(hostile_db, tmp_path):
    # The marks come from the numbers table, not from extracting again: in a file without
    # stored marks (sentences.marks null, as in an older file) change the rows and the
    # page follows them.
    path = tmp_path / "edited.db"
    with sqlite3.connect(hostile_db) as source, sqlite3.connect(path) as copy:
        source.backup(copy)
    with sqlite3.connect(path) as conn:
        conn.execute("update sentences set marks = null")
        assert conn.execute("update numbers set kind = 'count', unit = null where surface = '5 billion euros'").rowcount == 1
    conn.close()
    ds = Datasette(immutables=[str(path)])
    page = (await ds.client.get("/edited/sentences/2")).text
    assert '<mark class="newsdiff-figure" title="count: 5,000,000,000">5 billion euros</mark>' in page
    with sqlite3.connect(path) as conn:
        conn.execute("delete from numbers")
    conn.close()
    ds = Datasette(immutables=[str(path)])
    page = (await ds.client.get("/edited/sentences/2")).text
    assert "newsdiff-figure" not in page
    assert " things about 5 billion euros today." in page and "&lt;img src=x" in page


# A database that is not newsdiff's, with the same table and column names: a blog.
BLOG = {
    "articles": ("create table articles (id integer primary key, title text, text text)",
                 "insert into articles values (1, 'Hello', 'First line <b>bold</b>\nWe raised 5 billion euros.')"),
    "sentences": ('create table sentences (id integer primary key, article_id integer, text text, start integer, "end" integer)',
                  "insert into sentences values (1, 1, 'We raised 5 billion euros <i>today</i>.', 0, 39)"),
    "numbers": ('create table numbers (id integer primary key, sentence_id integer, surface text, value real, unit text, kind text, rate text, iso text, start integer, "end" integer)',
                "insert into numbers values (1, 1, '5 billion euros', 5e9, 'EUR', 'money', null, null, 10, 25)"),
    "aligned_pairs": ("create table aligned_pairs (id integer primary key, text_a text, text_b text)",
                      "insert into aligned_pairs values (1, 'the third year', 'the fourth year')"),
}
BLOG_PAGES = ["/blog", "/blog/articles", "/blog/articles/1", "/blog/sentences", "/blog/sentences/1", "/blog/aligned_pairs"]
QUERY_NAMES = list(QUERIES)


@pytest.fixture(scope="module")
def blog_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("blog") / "blog.db"
    with sqlite3.connect(path) as conn:
        for create, insert in BLOG.values():
            conn.execute(create)
            conn.execute(insert)
    conn.close()
    return path


@pytest.fixture
def ds_with_blog(demo_db, blog_db):
    # One Datasette serving both, as datasette-cluster-map tests a map-less table beside a map.
    metadata = yaml.safe_load((ROOT / "metadata.yml").read_text())
    return Datasette([str(blog_db)], immutables=[str(demo_db)], metadata=metadata)


@pytest.mark.asyncio
@pytest.mark.parametrize("path", BLOG_PAGES)
async def test_a_database_with_the_same_table_names_is_left_alone(ds_with_blog, path):
    response = await ds_with_blog.client.get(path)
    assert response.status_code == 200
    page = response.text
    for newsdiff_markup in ("newsdiff.css", "newsdiff-article", "newsdiff-figure", "newsdiff-diff", "<mark", "<del>", "<ins>"):
        assert newsdiff_markup not in page
    listing = await query_listing(ds_with_blog, "blog")
    for name in QUERY_NAMES:
        assert f"/blog/{name}" not in page and f"/blog/{name}" not in listing
    # The cells are Datasette's own: escaped text.
    if path == "/blog/articles/1":
        assert "First line &lt;b&gt;bold&lt;/b&gt;" in page
    if path == "/blog/sentences/1":
        assert "We raised 5 billion euros &lt;i&gt;today&lt;/i&gt;." in page


@pytest.mark.asyncio
@pytest.mark.parametrize("name", QUERY_NAMES)
async def test_no_newsdiff_canned_queries_on_other_databases(ds_with_blog, name):
    assert (await ds_with_blog.client.get(f"/blog/{name}")).status_code == 404
    assert (await ds_with_blog.client.get(f"/newsdiff-demo/{name}", params={"q": "NATO", "story": "1"})).status_code == 200


@pytest.mark.asyncio
@pytest.mark.parametrize("path, markup", [
    ("/newsdiff-demo/articles/1", '<div class="newsdiff-article">'),
    ("/newsdiff-demo/sentences", '<mark class="newsdiff-figure"'),
    ("/newsdiff-demo/aligned_pairs", '<span class="newsdiff-diff">'),
    ("/newsdiff-demo", "/newsdiff-demo/story_figures"),
])
async def test_the_newsdiff_database_beside_it_keeps_its_pages(ds_with_blog, path, markup):
    page = (await ds_with_blog.client.get(path)).text
    assert markup in page and "newsdiff.css" in page


@pytest.mark.asyncio
async def test_no_newsdiff_css_outside_a_newsdiff_database(ds_with_blog):
    for path in ("/", "/-/versions", "/blog/articles"):
        assert "newsdiff.css" not in (await ds_with_blog.client.get(path)).text


# What a first visitor meets: searches, hints, names, descriptions, titles (the pages issue).

def test_no_canned_query_is_named_like_a_table_or_view():
    # Datasette serves one thing at /DB/NAME: a query named like a view hides one of them.
    from ingest.store import VIEWS
    from ingest.records import TABLES
    assert not set(QUERIES) & (set(VIEWS) | {t.TABLE for t in TABLES})


@pytest.mark.asyncio
@pytest.mark.parametrize("q, found", [
    ("", 0), ("   ", 0), ('"', 0), ("NEAR(", 0), ("*", 0), ("-", 0), ("a\"b OR", 0),
    ("Siyarto", 4), ("siyarto refusal", 3), ("Rutte's", 1),
])
async def test_search_never_fails_on_what_a_user_types(ds, q, found):
    response = await ds.client.get("/newsdiff-demo/search_sentences.json", params={"q": q, "_shape": "array"},
                                   follow_redirects=True)
    assert response.status_code == 200, response.text
    assert len(response.json()) >= found and (found or response.json() == [])
    page = (await ds.client.get("/newsdiff-demo/search_sentences", params={"q": q})).text
    assert "fts5" not in page and "syntax error" not in page
    assert "Type one or more words" in page


@pytest.mark.asyncio
@pytest.mark.parametrize("name", [n for n, q in QUERIES.items() if q.get("parameter") in ("story", "article")])
async def test_a_query_needing_a_story_or_article_links_them_when_empty(ds, name):
    parameter = QUERIES[name]["parameter"]
    page = (await ds.client.get(f"/newsdiff-demo/{name}")).text
    assert "Error" not in page.split("<h1", 1)[1].split("</form>", 1)[0]
    assert f'<a href="?{parameter}=1">' in page and f'<a href="?{parameter}=2">' in page
    first = (await ds.client.get(f"/newsdiff-demo/{name}.json", params={parameter: "1", "_shape": "array"},
                                 follow_redirects=True)).json()
    assert first, f"{name} lists nothing for {parameter}=1"


@pytest.mark.asyncio
@pytest.mark.parametrize("name", QUERIES)
async def test_query_pages_are_titled_by_the_query_not_its_sql(ds, name):
    page = (await ds.client.get(f"/newsdiff-demo/{name}", params={"story": "1", "article": "1", "q": "NATO"})).text
    assert f"document.title = {json.dumps(QUERIES[name]['title'] + ' · newsdiff-demo')};" in page


@pytest.mark.asyncio
async def test_articles_are_named_not_numbered_or_none(ds):
    rows = await sql(ds, "select id, name, title, source from articles order by id")
    assert all(r["name"] for r in rows) and "KLAS News" in {r["name"] for r in rows}
    # The label of an article wherever it is a foreign key: its name, never "None".
    page = (await ds.client.get("/newsdiff-demo/sentences", params={"_size": "200"})).text
    assert ">KLAS News</a>" in page and ">None</a>" not in page
    [figures] = [r for r in (await ds.client.get("/newsdiff-demo/story_figures.json", params={"story": 1, "_shape": "array"},
                                                 follow_redirects=True)).json() if r["key"] == "ordinal:year"]
    assert "KLAS News: " in figures["figures_by_article"] and "#" not in figures["figures_by_article"]


@pytest.mark.asyncio
async def test_the_article_page_links_its_story_comparisons_and_rows(ds):
    [article] = await sql(ds, "select id, story_id from articles where name = 'KLAS News'")
    others = await sql(ds, "select id, name from articles where story_id = :s and id != :a", s=article["story_id"], a=article["id"])
    page = (await ds.client.get(f"/newsdiff-demo/articles/{article['id']}")).text
    assert f'href="/-/newsdiff/newsdiff-demo/story/{article["story_id"]}"' in page
    for other in others:
        a, b = sorted((article["id"], other["id"]))
        assert f'href="/-/newsdiff/newsdiff-demo/compare/{a}/{b}">compare with {other["name"]}</a>' in page
    for href in (f"/newsdiff-demo/figures?article_id={article['id']}", f"/newsdiff-demo/article_alignments?article={article['id']}",
                 f"/newsdiff-demo/coverage?article_id={article['id']}"):
        assert f'href="{href}' in page
    # The whole text is there, its stored figures marked.
    [text] = await sql(ds, "select text from articles where id = :a", a=article["id"])
    assert page.count('<mark class="newsdiff-figure"') >= (await sql(ds, "select count(*) as n from numbers where article_id = :a", a=article["id"]))[0]["n"]
    assert html.escape(text["text"].splitlines()[-1], quote=False)[:60] in page.replace("&#39;", "'")


@pytest.mark.asyncio
async def test_article_alignments_show_both_texts_and_their_diff(ds):
    rows = (await ds.client.get("/newsdiff-demo/article_alignments.json", params={"article": 1, "_shape": "array"},
                                follow_redirects=True)).json()
    assert rows and all(r["diff"] == diff.diff_html(r["text_a"], r["text_b"]) for r in rows)
    page = (await ds.client.get("/newsdiff-demo/article_alignments", params={"article": 1})).text
    assert f'<span class="newsdiff-diff">{rows[0]["diff"]}</span>' in page


@pytest.mark.asyncio
async def test_a_diff_column_that_is_not_the_diff_of_its_texts_stays_escaped(ds):
    page = (await ds.client.get("/newsdiff-demo/-/query" if hasattr(ds, "add_query") else "/newsdiff-demo", params={
        "sql": "select 'a' as text_a, 'b' as text_b, '<img src=x onerror=alert(1)>' as diff"})).text
    assert "<img src=x" not in page and "&lt;img src=x" in page


@pytest.mark.asyncio
async def test_claims_show_their_sentence_once(ds):
    [claim] = await sql(ds, "select id, sentence_id, text from claims order by id limit 1")
    page = (await ds.client.get(f"/newsdiff-demo/claims/{claim['id']}")).text
    # Once as a cell (1.0 alphas also name the row by it in a data- attribute, unseen).
    assert page.count(">" + html.escape(claim["text"][:40], quote=False).replace("'", "&#39;")) == 1
    assert f'>sentence {claim["sentence_id"]}</a>' in page


@pytest.mark.parametrize("value, kind, unit, shown", [
    (5e9, "money", "EUR", "5 billion"), (1.25e9, "money", "EUR", "1.25 billion"), (4000.0, "count", None, "4,000"),
    (3.5, "percent", "%", "3.5%"), (2025.0, "year", None, "2025"), (4.0, "ordinal", None, "4"), (2e6, "count", None, "2 million"),
    (0.5, "fraction", None, "0.5"), (-3e9, "money", "USD", "-3 billion"), (float("inf"), "number", None, None), (None, "number", None, None),
])
def test_figures_are_shown_as_people_write_them(value, kind, unit, shown):
    from datasette_newsdiff.render import human_number

    assert human_number(value, kind, unit) == shown


@pytest.mark.asyncio
@pytest.mark.parametrize("path", ["/newsdiff-demo/numbers", "/newsdiff-demo/figures"])
async def test_figure_values_read_as_numbers_not_floats(ds, path):
    page = (await ds.client.get(path)).text
    assert "5000000000.0" not in page.replace("title=\"5000000000.0\"", "")
    assert ">5 billion<" in page


# Descriptions come from the plugin, for any newsdiff database, with or without metadata.yml.

@pytest.fixture(scope="module")
def own_db(tmp_path_factory):
    """A user's own newsdiff database, not named like the demo."""
    folder = tmp_path_factory.mktemp("own")
    (folder / "a.txt").write_text("Allies plan to spend 5 billion euros on arms.\n\nThe war enters its third year.")
    path = folder / "news.db"
    build(path, [folder / "a.txt"])
    return path


@pytest.mark.asyncio
async def test_any_newsdiff_database_gets_descriptions_but_not_the_demos_metadata(own_db):
    ds = Datasette(immutables=[str(own_db)])
    home = (await ds.client.get("/")).text
    assert "NATO statement" not in home and "Quoted for research" not in home
    table = (await ds.client.get("/news/articles")).text
    assert "One row per article." in table and "SHA-256 of the text" in table
    assert "One row per distinct statement" in (await ds.client.get("/news/claims")).text
    # The article's name labels it where it is a foreign key.
    assert ">a</a>" in (await ds.client.get("/news/sentences")).text


@pytest.mark.asyncio
async def test_a_users_own_metadata_wins_over_the_plugins(own_db):
    metadata = {"databases": {"news": {"tables": {"articles": {"description": "My articles", "columns": {"text": "Body"}}}}}}
    ds = Datasette(immutables=[str(own_db)], metadata=metadata)
    page = (await ds.client.get("/news/articles")).text
    assert "My articles" in page and "One row per article." not in page
    assert "Body" in page


@pytest.mark.asyncio
async def test_no_descriptions_on_other_databases(ds_with_blog):
    page = (await ds_with_blog.client.get("/blog/articles")).text
    assert "One row per article." not in page


@pytest.mark.asyncio
@pytest.mark.parametrize("path", ["/newsdiff-demo", "/newsdiff-demo/articles", "/newsdiff-demo/articles/1",
                                  "/newsdiff-demo/aligned_pairs"])
async def test_the_demo_licence_and_source_are_on_every_page(ds, path):
    page = (await ds.client.get(path)).text
    assert "Quoted for research, criticism and review" in page
    assert "Five articles collected from news websites" in page
    if path == "/newsdiff-demo/articles/1":
        assert "One row per article." in page  # the table description, on the row page too


@pytest.mark.asyncio
async def test_the_demo_home_page_promises_only_what_is_there(ds):
    home = (await ds.client.get("/")).text
    assert "canned queries below" not in home and 'href="https://github.com/"' not in home
    listing = await query_listing(ds, "newsdiff-demo")
    for title in ("Where the sources disagree", "Figures of a story, side by side by article", "What each article adds"):
        assert title in home and title in listing


def test_the_demo_stores_sources_relative_to_its_corpus(tmp_path):
    from click.testing import CliRunner

    from ingest.cli import cli

    result = CliRunner().invoke(cli, ["demo", "--build-only", "--dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    with sqlite3.connect(tmp_path / "newsdiff-demo.db") as conn:
        sources = [r[0] for r in conn.execute("select source from articles order by id")]
    conn.close()
    assert sources[0] == "000_8adcdc99af5f697a.txt"
    assert all("/" not in s and "\\" not in s for s in sources) and len(sources) == 5


def test_ingest_keeps_a_relative_path_relative(tmp_path, monkeypatch):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Allies plan to spend 5 billion euros on arms this year.")
    monkeypatch.chdir(tmp_path)
    build(tmp_path / "r.db", ["in/a.txt"])
    build(tmp_path / "f.db", ["in"])
    for name in ("r.db", "f.db"):
        with sqlite3.connect(tmp_path / name) as conn:
            [(source,)] = conn.execute("select source from articles").fetchall()
        conn.close()
        assert source == os.path.join("in", "a.txt")


@pytest.mark.asyncio
async def test_articles_table_shows_excerpts_and_the_row_page_the_whole_text(ds):
    [article] = await sql(ds, "select id, text from articles order by length(text) desc limit 1")
    last = html.escape(article["text"].splitlines()[-1], quote=False)[:60]
    table = (await ds.client.get("/newsdiff-demo/articles")).text.replace("&#39;", "'")
    assert "newsdiff-excerpt" in table and "whole article (" in table and last not in table
    row = (await ds.client.get(f"/newsdiff-demo/articles/{article['id']}")).text.replace("&#39;", "'")
    assert last in row and "newsdiff-excerpt" not in row
