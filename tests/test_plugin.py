import html
import json
import re

import pytest
from datasette.app import Datasette

from ingest import diff, numbers, segment, similarity

from .conftest import sql

@pytest.mark.asyncio
async def test_sql_functions_return_what_ingest_computes(ds):
    text = "«If there is no success, it is necessary,» he said. Allies plan to spend 1 billion euros per month."
    a, b = "As the war enters its third year, talks stall.", "The war enters its fourth year, talks stall."
    [row] = await sql(
        ds,
        "select newsdiff_sentences(:t) as s, newsdiff_numbers(:t) as n, newsdiff_similarity(:a, :b) as sim, newsdiff_diff(:a, :b) as d",
        t=text, a=a, b=b,
    )
    assert json.loads(row["s"]) == [s["text"] for s in segment.segment(text)] == [
        "«If there is no success, it is necessary,» he said.",
        "Allies plan to spend 1 billion euros per month.",
    ]
    assert json.loads(row["n"]) == numbers.extract(text)
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
    assert '<div class="newsdiff-article"><p>Rutte &lt;script&gt;window.pwned = 1&lt;/script&gt; warns Moscow</p>' in page
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
@pytest.mark.parametrize("name", ["search_sentences", "story_figures", "figure_disagreements", "shared_claims", "unique_sentences"])
async def test_canned_queries_are_registered_by_the_plugin(ds, name):
    database = await ds.client.get("/newsdiff-demo")
    assert f"/newsdiff-demo/{name}" in database.text
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


@pytest.mark.asyncio
async def test_aligned_pairs_page_shows_word_diffs(ds):
    [pair] = await sql(ds, "select id, text_a, text_b from aligned_pairs where text_a != text_b order by id limit 1")
    page = (await ds.client.get("/newsdiff-demo/aligned_pairs", params={"id": pair["id"]})).text
    assert f'<span class="newsdiff-diff">{diff.diff_html(pair["text_a"], pair["text_b"])}</span>' in page
    assert "<del>" in page and "<ins>" in page
