"""The comparison layer as a user queries it: conflicts, unique content and provenance
stored with each story, the plain-SQL views over them, the canned queries and
newsdiff_conflicts() through a real Datasette."""
import json
import sqlite3

import pytest
import sqlite_utils

from datasette_newsdiff.queries import QUERIES
from ingest import pipeline, store
from ingest.records import Figure

from .conftest import EXAMPLE, build, sql

STORY_VIEWS = ("story_overview", "coverage", "conflict_pairs", "unique_sentences", "missing_from",
               "quote_variants", "claim_figures", "likely_sources")


@pytest.fixture(scope="module")
def demo(demo_db):
    conn = sqlite3.connect(demo_db)
    conn.row_factory = sqlite3.Row
    rewrites = conn.execute("select story_id from articles where source like '%000_%'").fetchone()[0]
    return conn, rewrites


def names(conn, story):
    return {r["id"]: r["source"].rsplit("/", 1)[-1][:3] for r in conn.execute(
        "select id, source from articles where story_id = ?", [story])}


def test_the_four_disagreements_of_the_example_are_stored_and_few_others(demo):
    conn, story = demo
    rows = conn.execute("select * from conflict_pairs where story_id = ?", [story]).fetchall()
    assert 4 <= len(rows) <= 25
    by_kind = {}
    for r in rows:
        by_kind.setdefault(r["kind"], []).append(r)
    assert {r["value_a"] for r in by_kind["number"]} | {r["value_b"] for r in by_kind["number"]} >= {"third", "fourth"}
    assert any({r["value_a"], r["value_b"]} == {"Rutte", "Stoltenberg"} for r in by_kind["attribution"])
    purl = [r for r in by_kind["acronym"] if "PURL" in r["value_a"]]
    assert purl and "Reform and Leadership" in purl[0]["value_a"] + purl[0]["value_b"]
    assert "Long-Term Stability" in purl[0]["value_a"] + purl[0]["value_b"]
    quote = by_kind["quote"][0]
    assert {quote["value_a"], quote["value_b"]} >= {"It shows that we are serious"}
    # both sentences are reachable and say what the values say
    for r in rows:
        assert r["value_a"].split(" = ")[-1][:12] in r["text_a"] or r["kind"] in ("attribution", "spelling")
        assert r["detail"] and "\n" not in r["detail"]


def test_no_conflict_between_equal_figures(demo):
    conn, story = demo
    for r in conn.execute("select * from conflicts where story_id = ? and kind = 'number'", [story]):
        assert r["value_a"] != r["value_b"]
        a = conn.execute("select value from numbers where sentence_id = ? and surface like ?", [r["sentence_a"], f"%{r['value_a']}%"]).fetchall()
        b = conn.execute("select value from numbers where sentence_id = ? and surface like ?", [r["sentence_b"], f"%{r['value_b']}%"]).fetchall()
        assert {x[0] for x in a}.isdisjoint({x[0] for x in b})


def test_every_pair_of_rewrites_shares_the_rare_misspelling(demo):
    conn, story = demo
    rows = conn.execute("select * from provenance where story_id = ?", [story]).fetchall()
    n = conn.execute("select count(*) from articles where story_id = ?", [story]).fetchone()[0]
    assert n == 4 and len(rows) == n * (n - 1)
    assert all("Siyarto" in json.loads(r["shared_rare"]) for r in rows)
    assert all(r["derivation"] in ("wholly", "partially", "independent") and 0 <= r["containment"] <= 1 for r in rows)
    sources = conn.execute("select * from likely_sources where story_id = ?", [story]).fetchall()
    assert sources and all(s["evidence"] for s in sources)


def test_the_short_form_of_the_quotation_is_a_variant_not_new_content(demo):
    conn, story = demo
    short = conn.execute("select id from sentences where text like '%It shows that we are serious%'").fetchone()[0]
    unique = {r[0] for r in conn.execute("select sentence_id from unique_sentences where story_id = ?", [story])}
    assert unique and short not in unique
    # what 004 (another meeting, its own story) says is all its own
    other = conn.execute("select story_id from articles where source like '%004_%'").fetchone()[0]
    body = conn.execute("select count(*) from sentences s join articles a on a.id = s.article_id "
                        "where a.story_id = ? and s.role = 'body'", [other]).fetchone()[0]
    assert conn.execute("select count(*) from unique_sentences where story_id = ?", [other]).fetchone()[0] == body


def test_missing_from_lists_what_one_article_has_and_the_other_lacks(demo):
    conn, story = demo
    ids = sorted(names(conn, story))
    a, b = ids[0], ids[1]
    missing = {r[0] for r in conn.execute("select sentence_id from missing_from where article_id = ? and other_id = ?", [a, b])}
    body = {r[0] for r in conn.execute("select id from sentences where article_id = ? and role = 'body'", [a])}
    aligned_to_b = {r[0] for r in conn.execute(
        "select al.sentence_a from alignments al join sentences t on t.id = al.sentence_b where t.article_id = ? "
        "union select al.sentence_b from alignments al join sentences t on t.id = al.sentence_a where t.article_id = ?", [b, b])}
    assert missing and missing < body
    assert not missing & aligned_to_b


def test_story_overview_counts_add_up(demo):
    conn, story = demo
    rows = conn.execute("select * from story_overview where story_id = ?", [story]).fetchall()
    assert len(rows) == 4
    for r in rows:
        assert r["n_body"] >= r["n_shared"] + r["n_unique"] > 0
    assert sum(r["n_conflicts"] for r in rows) >= 2 * conn.execute(
        "select count(*) from conflicts where story_id = ?", [story]).fetchone()[0] > 0


def test_stored_amounts_in_sql_are_the_figures_amounts(demo):
    conn, _ = demo
    rows = conn.execute(f"select n.*, {Figure.AMOUNT_SQL.format(t='n')} as amount from numbers n").fetchall()
    assert len(rows) > 20
    for r in rows:
        figure = Figure(**{k: r[k] for k in r.keys() if k != "amount"})
        assert figure.amount() == r["amount"] or float(figure.amount()) == float(r["amount"])


@pytest.mark.parametrize("view", STORY_VIEWS)
def test_one_story_queries_never_scan_sentences_or_alignments(demo, view):
    conn, story = demo
    plan = [r[3] for r in conn.execute(f"explain query plan select * from {view} where story_id = ?", [story])]
    scans = [step for step in plan if step.startswith("SCAN") and
             any(f"SCAN {t}" in step for t in ("sentences", "alignments", "numbers", "claim_sentences", "conflicts"))]
    assert plan and not scans, plan


def test_views_are_plain_sql_that_any_sqlite_client_runs(demo_db):
    conn = sqlite3.connect(demo_db)   # no plugin functions registered here
    for view in STORY_VIEWS:
        conn.execute(f"select * from {view}").fetchall()


@pytest.mark.asyncio
@pytest.mark.parametrize("name", sorted(QUERIES))
async def test_canned_queries_run_on_the_demo(ds, name, demo):
    conn, story = demo
    article = conn.execute("select min(id) from articles where story_id = ?", [story]).fetchone()[0]
    params = {"story": story, "q": "Rutte", "article": article}
    needed = {p: v for p, v in params.items() if f":{p}" in QUERIES[name]["sql"]}
    rows = await sql(ds, QUERIES[name]["sql"], **needed)
    # the demo's changed figures sit in sentences that are not aligned as wholes: the
    # conflicts find them, this query cannot (tests/test_ingest.py gives it a case it can)
    assert bool(rows) == (name != "figure_disagreements"), name


@pytest.mark.asyncio
async def test_newsdiff_conflicts_in_sql_is_the_code_ingest_uses(ds):
    rows = await sql(ds, "select newsdiff_conflicts(:a, :b) as c, newsdiff_conflicts(null, :b) as n",
                     a="As the war enters its third year, the alliance met.",
                     b="As the war enters its fourth year, the alliance met.")
    found = json.loads(rows[0]["c"])
    assert [(c["kind"], c["value_a"], c["value_b"]) for c in found] == [("number", "third", "fourth")]
    assert rows[0]["n"] is None


def test_a_new_article_replaces_its_story_analysis_atomically(tmp_path):
    files = sorted(EXAMPLE.glob("*.txt"))
    path = tmp_path / "news.db"
    build(path, [f for f in files if f.name[:3] in ("000", "001")])
    db = sqlite_utils.Database(path)
    story = db.execute("select story_id from articles limit 1").fetchone()[0]
    first = db.execute("select count(*) from provenance where story_id = ?", [story]).fetchone()[0]
    assert first == 2
    build(path, [f for f in files if f.name[:3] == "002"])
    assert db.execute("select count(distinct story_id) from articles where source not like '%004_%'").fetchone()[0] == 1
    assert db.execute("select count(*) from provenance where story_id = ?", [story]).fetchone()[0] == 6
    # recomputed, not appended: one row per ordered pair, each conflict once
    assert db.execute("select count(*) from (select article_id, source_id from provenance group by 1, 2 having count(*) > 1)").fetchone()[0] == 0
    assert db.execute("select count(*) from (select kind, value_a, value_b from conflicts group by 1, 2, 3 having count(*) > 1)").fetchone()[0] == 0
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_merging_stories_drops_the_old_storys_comparison(tmp_path):
    files = sorted(EXAMPLE.glob("*.txt"))
    db = store.open_db(str(tmp_path / "news.db"))
    pipeline.ingest(db, [str(f) for f in files if f.name[:3] in ("000", "001", "004")], workers=1)
    old, new = sorted({r[0] for r in db.conn.execute("select story_id from articles")})
    assert db.conn.execute("select count(*) from provenance where story_id = ?", [old]).fetchone()[0] == 2
    store.merge_stories(db, {old: new})
    for table in ("conflicts", "provenance"):
        assert db.conn.execute(f"select count(*) from {table} where story_id = ?", [old]).fetchone()[0] == 0
