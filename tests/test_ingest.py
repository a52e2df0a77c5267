import pathlib
import sqlite3

import pytest
import sqlite_utils
from click.testing import CliRunner

from ingest import pipeline, records, stories, store
from ingest.cli import cli
from ingest.records import RawArticle

from .conftest import EXAMPLE, build


def dump(path):
    conn = sqlite3.connect(path)
    return list(conn.iterdump())


def test_ingest_twice_leaves_the_same_database(tmp_path):
    path = tmp_path / "news.db"
    runner = CliRunner()
    first = runner.invoke(cli, ["ingest", str(path), str(EXAMPLE)])
    assert first.exit_code == 0, first.output
    assert "5 articles added" in first.output
    before = dump(path)
    second = runner.invoke(cli, ["ingest", str(path), str(EXAMPLE / "*.txt")])
    assert second.exit_code == 0
    assert "0 articles added, 5 already stored" in second.output
    assert dump(path) == before


def test_sentence_and_number_offsets_point_into_the_article(demo_db):
    db = sqlite_utils.Database(demo_db)
    sentences = list(db.query('select a.text as article, s.text, s.start, s."end" from sentences s join articles a on a.id = s.article_id'))
    assert len(sentences) > 100
    assert all(s["article"][s["start"]:s["end"]] == s["text"] for s in sentences)
    figures = list(db.query('select a.text as article, n.surface, n.start, n."end" from numbers n join articles a on a.id = n.article_id'))
    assert figures and all(f["article"][f["start"]:f["end"]] == f["surface"] for f in figures)


def test_metadata_from_plain_text(demo_db):
    db = sqlite_utils.Database(demo_db)
    rows = {r["source"].rsplit("/", 1)[-1][:3]: r for r in db["articles"].rows}
    assert rows["003"]["outlet"] == "KLAS News"
    assert rows["003"]["published"] == "2025-12-03"
    assert rows["004"]["byline"] == "Editorial Staff"
    assert rows["001"]["title"] is None
    assert all(len(r["content_hash"]) == 64 for r in rows.values())


def test_schema_has_foreign_keys_indexes_and_full_text_search(demo_db):
    db = sqlite_utils.Database(demo_db)
    fks = {(fk.table, fk.column, fk.other_table) for t in db.tables for fk in t.foreign_keys}
    assert {
        ("articles", "story_id", "stories"),
        ("sentences", "article_id", "articles"),
        ("numbers", "sentence_id", "sentences"),
        ("numbers", "article_id", "articles"),
        ("alignments", "sentence_a", "sentences"),
        ("alignments", "sentence_b", "sentences"),
        ("claims", "story_id", "stories"),
        ("claim_sentences", "claim_id", "claims"),
        ("claim_sentences", "sentence_id", "sentences"),
    } <= fks
    for table, column, _ in fks:
        indexed = {tuple(i.columns)[0] for i in db[table].indexes}
        assert column in indexed, (table, column)
    for table in db.tables:
        # one index per leading column: a second one only costs every insert
        leading = [tuple(i.columns)[0] for i in table.indexes]
        assert len(leading) == len(set(leading)), (table.name, leading)
    assert db["sentences"].detect_fts() == "sentences_fts"
    hits = list(db.query("select sentences.text from sentences_fts join sentences on sentences.rowid = sentences_fts.rowid where sentences_fts match 'Siyarto'"))
    assert len(hits) == 5 and all("Siyarto" in h["text"] for h in hits)


def test_an_older_file_loses_its_redundant_index(tmp_path):
    path = str(tmp_path / "old.db")
    store.open_db(path).conn.close()
    conn = sqlite3.connect(path)            # as files made before the rule have it
    conn.execute("CREATE INDEX idx_alignments_sentence_a ON alignments(sentence_a)")
    conn.close()

    def names():
        return {i.name for i in sqlite_utils.Database(path)["alignments"].indexes}
    assert "idx_alignments_sentence_a" in names()
    store.open_db(path).conn.close()
    assert "idx_alignments_sentence_a" not in names() and "idx_alignments_sentence_b" in names()


def test_storing_finds_earlier_versions_by_url_not_by_site(demo_db):
    # By the site's index every earlier article of the site is read for each new one:
    # storing then grows with the square of the archive.
    plan = " ".join(r[3] for r in sqlite3.connect(demo_db).execute(
        "EXPLAIN QUERY PLAN " + store.EARLIER_VERSIONS_SQL, ("u", "s", 10)))
    assert "idx_articles_url" in plan and "idx_articles_site" not in plan, plan


def test_views_use_plain_sql_only(demo_db):
    # A published file must open in any SQLite client: no plugin functions in views.
    conn = sqlite3.connect(demo_db)
    for (name,) in conn.execute("select name from sqlite_master where type = 'view'"):
        conn.execute(f"select * from [{name}]").fetchall()


def test_bad_files_are_reported_and_the_rest_is_stored(tmp_path):
    (tmp_path / "good.txt").write_text("A first good article about NATO ministers meeting in Brussels today.")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "bad.json").write_text("[{")
    path = tmp_path / "news.db"
    result = CliRunner().invoke(cli, ["ingest", str(path), str(tmp_path)])
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert errors == [
        f"error: {tmp_path / 'bad.json'}: malformed JSON at line 1 column 3: Expecting property name enclosed in double quotes",
        f"error: {tmp_path / 'empty.txt'}: empty file",
    ]
    assert sqlite_utils.Database(path)["articles"].count == 1


def test_stdin(tmp_path):
    path = tmp_path / "news.db"
    result = CliRunner().invoke(cli, ["ingest", str(path), "-"], input='{"title": "T", "text": "Text from a pipe. Two sentences."}')
    assert result.exit_code == 0, result.output
    db = sqlite_utils.Database(path)
    assert [r["source"] for r in db["articles"].rows] == ["stdin"]
    assert [r["text"] for r in db["sentences"].rows_where(order_by="idx")] == ["Text from a pipe.", "Two sentences."]


def test_a_failed_batch_stores_nothing(tmp_path):
    db = store.open_db(str(tmp_path / "news.db"))
    good = pipeline.analyse(RawArticle(source="a.txt", text="A sentence about NATO."))
    broken = pipeline.analyse(RawArticle(source="b.txt", text="Another sentence about NATO."))
    # the second article's sentence cannot be stored (sentences.text is NOT NULL), after
    # both article rows went in
    broken.sentences[0].text = None
    with pytest.raises(sqlite3.IntegrityError):
        store.insert_articles(db, [good, broken], stories.fingerprint)
    assert db["articles"].count == 0 and db["sentences"].count == 0 and db["numbers"].count == 0


def test_forced_story(tmp_path):
    path = tmp_path / "news.db"
    report = build(path, [EXAMPLE / "004_e9dcdd7098f6f7c6.txt", EXAMPLE / "000_8adcdc99af5f697a.txt"], story="NATO December")
    assert report.added == 2
    db = sqlite_utils.Database(path)
    assert [(r["label"], r["n_articles"], r["forced"]) for r in db["stories"].rows] == [("NATO December", 2, 1)]


def test_a_missing_model_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path / "news.db"), "--model", str(tmp_path / "nowhere"), str(EXAMPLE)])
    assert result.exit_code == 2
    assert "nowhere" in result.output and "does not exist" in result.output
    assert not (tmp_path / "news.db").exists()


def test_semantic_alignment_from_the_command_line(tmp_path):
    pytest.importorskip("sentence_transformers")
    path = tmp_path / "news.db"
    files = [str(p) for p in sorted(EXAMPLE.glob("00[0-3]_*.txt"))]
    result = CliRunner().invoke(cli, ["ingest", str(path), "--semantic", *files])
    assert result.exit_code == 0, result.output
    db = sqlite_utils.Database(path)
    assert db["stories"].count == 1
    assert db["alignments"].count > 20


def test_adding_an_article_recomputes_only_its_story(tmp_path):
    path = tmp_path / "news.db"
    files = sorted(EXAMPLE.glob("*.txt"))
    build(path, [f for f in files if not f.name.startswith("003")])
    db = sqlite_utils.Database(path)
    other = db.execute("select story_id from articles where source like '%004_%'").fetchone()[0]
    before = list(db.query("select * from claims where story_id = ? order by id", [other]))
    rewrites = db.execute("select story_id from articles where source like '%000_%'").fetchone()[0]
    db.conn.close()

    report = build(path, [f for f in files if f.name.startswith("003")])
    assert report.added == 1 and report.stories == {rewrites}
    db = sqlite_utils.Database(path)
    assert list(db.query("select * from claims where story_id = ? order by id", [other])) == before
    assert db.execute("select count(distinct article_id) from sentences join claim_sentences on claim_sentences.sentence_id = sentences.id "
                      "join claims on claims.id = claim_sentences.claim_id where claims.story_id = ?", [rewrites]).fetchone()[0] == 4
    assert db["stories"].get(rewrites)["n_articles"] == 4


def test_stories_analysed_in_worker_processes_match_one_process(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "PARALLEL_MIN", 1)  # the example has only two stories
    build(tmp_path / "one.db", [EXAMPLE], workers=1)
    build(tmp_path / "two.db", [EXAMPLE], workers=2)
    one, two = dump(tmp_path / "one.db"), dump(tmp_path / "two.db")
    assert any(line.startswith('INSERT INTO "claims"') for line in one)
    assert one == two


def test_a_large_first_ingest_is_grouped_in_chunks_into_the_same_stories(tmp_path, monkeypatch):
    # A first ingest assigns stories ASSIGN_BATCH articles at a time (flat memory); later
    # chunks must join and merge the stories earlier ones made, not start their own.
    def partition(path):
        conn = sqlite3.connect(path)
        groups = {}
        for source, story in conn.execute("select source, story_id from articles"):
            groups.setdefault(story, set()).add(pathlib.Path(source).name[:3])
        return sorted(sorted(g) for g in groups.values())

    build(tmp_path / "whole.db", [EXAMPLE])
    monkeypatch.setattr(pipeline, "ASSIGN_BATCH", 1)
    build(tmp_path / "chunked.db", [EXAMPLE])
    whole = partition(tmp_path / "whole.db")
    assert ["000", "001", "002", "003"] in whole
    assert partition(tmp_path / "chunked.db") == whole


def test_semantic_without_the_extra_is_a_clear_error(tmp_path):
    from ingest import embed

    if embed.available() and embed.model_path():
        pytest.skip("the semantic extra is installed here")
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path / "news.db"), "--semantic", str(EXAMPLE)])
    assert result.exit_code == 1
    assert "pip install datasette-newsdiff[semantic]" in result.output


def test_schema_is_derived_from_the_records(tmp_path):
    # every stored field of every record is a column of its table, of its declared type,
    # and every column of those tables is a stored field
    db = store.open_db(str(tmp_path / "news.db"))
    assert records.TABLES
    for record in records.TABLES:
        info = db.conn.execute(f"PRAGMA table_info({record.TABLE})").fetchall()
        assert info, record.TABLE
        table = {name: sql_type for _, name, sql_type, *_ in info}
        fields = {f.name: f.metadata["sql"].split()[0] for f in records.columns(record)}
        assert table == fields, record.TABLE
    # fields that travel between stages only are not stored
    assert "sentences" not in table_columns(db, "articles") and "figures" not in table_columns(db, "sentences")
    assert "sentence_ids" not in table_columns(db, "claims")


def table_columns(db, table):
    return {row[1] for row in db.conn.execute(f"PRAGMA table_info({table})")}


def stories_of(db):
    """{example file number ("000"): story id} of the stored articles."""
    return {pathlib.Path(source).name[:3]: story for source, story in
            db.conn.execute("select source, story_id from articles")}


def story_rows(db, story_id):
    """How many rows of each analysis table belong to a story."""
    out = {table: db.conn.execute(f"select count(*) from {table} where story_id = ?", [story_id]).fetchone()[0]
           for table in ("alignments", "claims", "conflicts", "provenance")}
    out["claim_sentences"] = db.conn.execute(
        "select count(*) from claim_sentences join claims on claims.id = claim_sentences.claim_id "
        "where claims.story_id = ?", [story_id]).fetchone()[0]
    return out


def test_merging_two_stored_stories(tmp_path):
    # two rewrites of one meeting (one story, aligned) and the earlier meeting (another)
    files = sorted(EXAMPLE.glob("*.txt"))
    db = store.open_db(str(tmp_path / "news.db"))
    pipeline.ingest(db, [str(f) for f in files if f.name[:3] in ("000", "001", "004")], workers=1)
    story = stories_of(db)
    old, new = story["000"], story["004"]
    assert story["001"] == old and new != old
    before = story_rows(db, old)
    assert before["alignments"] and before["claims"] and before["claim_sentences"]
    survivor_claims = {r[0] for r in db.conn.execute("select id from claims where story_id = ?", [new])}
    assert survivor_claims

    assert store.merge_stories(db, {old: new}) == {new}
    # the articles moved, the old story and everything computed for it are gone
    assert stories_of(db) == {"000": new, "001": new, "004": new}
    assert db.conn.execute("select count(*) from stories where id = ?", [old]).fetchone()[0] == 0
    assert story_rows(db, old) == dict.fromkeys(before, 0)
    assert db.conn.execute("select count(*) from claim_sentences where claim_id not in (select id from claims)").fetchone()[0] == 0
    assert db.conn.execute("PRAGMA foreign_key_check").fetchall() == []

    # a following analysis recomputes the survivor over all three articles
    pipeline.analyse_stories(db, [new])
    assert db.conn.execute("select n_articles from stories where id = ?", [new]).fetchone()[0] == 3
    # the stored analysis is the survivor's, computed afresh over its three articles
    # (weights are fitted on the whole story, so scores need not be the old story's)
    fresh = pipeline.story_analysis(pipeline.story_inputs(db, new))
    assert sorted((a.sentence_a, a.sentence_b, a.score, a.relation) for a in fresh.alignments) == \
        sorted(db.conn.execute("select sentence_a, sentence_b, score, relation from alignments where story_id = ?", [new]))
    assert story_rows(db, new)["claims"] == len(fresh.claims)
    # the rewrites' sentences align again, now under the survivor
    rewrites = {r[0] for r in db.conn.execute(
        "select sentences.id from sentences join articles on articles.id = sentences.article_id "
        "where articles.id in (select id from articles where source like '%/000_%' or source like '%/001_%')")}
    assert any(a in rewrites and b in rewrites for a, b in
               db.conn.execute("select sentence_a, sentence_b from alignments where story_id = ?", [new]))
    # the claims cover every body sentence of the three articles once
    claimed = [r[0] for r in db.conn.execute(
        "select claim_sentences.sentence_id from claim_sentences join claims on claims.id = claim_sentences.claim_id "
        "where claims.story_id = ?", [new])]
    body = [r[0] for r in db.conn.execute(
        "select sentences.id from sentences join articles on articles.id = sentences.article_id "
        "where articles.story_id = ? and sentences.role = 'body'", [new])]
    assert sorted(claimed) == sorted(body)
    assert db.conn.execute("select label from stories where id = ?", [new]).fetchone()[0]


FOUR = ("NATO Secretary General Mark Rutte said on Wednesday in Brussels that allies have already "
        "bought American weapons worth 4 billion euros for Ukraine.")


def test_figure_disagreements_finds_the_same_fact_with_another_figure(tmp_path):
    # Two articles state the same fact with different figures: the canned query (and the
    # plain SQL it is, in any client) must report it. Replaces the test in test_plugin.py
    # that looped over the demo's rows, of which there are none.
    from datasette_newsdiff.queries import QUERIES

    (tmp_path / "a.txt").write_text("NATO allies buy weapons for Ukraine\n\n" + FOUR +
                                    " Hungary refused to take part in the mechanism.")
    (tmp_path / "b.txt").write_text("Allies have spent billions on US arms for Kyiv\n\n" +
                                    FOUR.replace("4 billion", "5 billion") +
                                    " Hungary refused to take part in the mechanism.")
    path = tmp_path / "news.db"
    report = build(path, [tmp_path / "a.txt", tmp_path / "b.txt"], story="Weapons for Ukraine")
    assert report.added == 2 and not report.errors
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    rows = [dict(r) for r in conn.execute(QUERIES["figure_disagreements"]["sql"])]
    assert rows
    aligned = {tuple(r) for r in conn.execute("select sentence_a, sentence_b from alignments")}
    ids = {r["text"]: r["id"] for r in conn.execute("select id, text from sentences")}
    for r in rows:
        assert r["figure_a"] != r["figure_b"] and r["article_a"] != r["article_b"]
        assert (ids[r["sentence_a"]], ids[r["sentence_b"]]) in aligned
    assert {(r["key"], r["figure_a"], r["figure_b"]) for r in rows} == {("money:EUR", "4 billion euros", "5 billion euros")}


def test_stories_grouped_part_by_part_are_grouped_as_all_at_once():
    # Story assignment runs one task per connected part of the candidate graph (on the
    # workers); the result must be the one a single pass over every article gives, merges
    # of stored stories included.
    from dataclasses import replace

    from .conftest import BENCHMARKS

    path = BENCHMARKS / "clusters" / "ecbplus_docs.jsonl"
    if not path.exists():
        pytest.skip("ECB+ benchmark data not available")
    import json
    import random

    docs = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f):
            r = json.loads(line)
            docs.append(records.StoryDoc(id=n, title=None, text="\n".join(r["sentences"][1:]), published=None, story_id=None))
    random.Random(7).shuffle(docs)    # the file is in topic order; a feed is not
    docs = docs[:500]
    fps = [(d.id, stories.fingerprint(d.text)) for d in docs]
    # 300 stored in rounds of 30 as the pipeline would (so some events start several
    # stories that later articles show to be one), then the rest arrive at once
    stored, next_id = [], 1
    for lo in range(0, 300, 30):
        chunk = [replace(d) for d in docs[lo:lo + 30]]
        links = stories.candidates(fps[lo:lo + 30], fps[:lo])
        merged, assignment, _ = pipeline.group_stories((stored + chunk, links, {}))
        new_story = {}
        for d in stored + chunk:
            d.story_id = merged.get(d.story_id, d.story_id)
            key = assignment.get(d.id, d.story_id)
            if isinstance(key, str):
                if key not in new_story:
                    new_story[key], next_id = next_id, next_id + 1
                key = new_story[key]
            d.story_id = key
        stored += chunk
    first = stored
    links = stories.candidates(fps[300:], fps[:300])
    everything = first + [replace(d) for d in docs[300:]]

    whole = pipeline.group_stories(([replace(d) for d in everything], links, {}))
    parts = pipeline.independent_parts([replace(d) for d in everything], links)
    assert len(parts) > 20
    merged, assignment = {}, {}
    for k, (m, a, _) in enumerate(map(pipeline.group_stories, parts)):
        merged.update(m)
        assignment.update({i: (k, key) if isinstance(key, str) else key for i, key in a.items()})
    assert whole[0] and merged == whole[0]      # some stored stories merge, the same ones
    assert pipeline.renumber_new(assignment) == whole[1]
    assert any(isinstance(v, int) for v in whole[1].values()) and any(isinstance(v, str) for v in whole[1].values())


def test_kept_story_vectors_group_as_reading_every_member_again(tmp_path):
    # A stored story takes part in assignment by the summed term vector kept with it
    # (stories.terms), not by re-reading its members: rounds of ECB+ articles must come
    # out in the same stories, merges included, as when every story has to be read back
    # from its members' texts (terms NULL: an older file).
    import copy
    import json
    import random

    from .conftest import BENCHMARKS

    path = BENCHMARKS / "clusters" / "ecbplus_docs.jsonl"
    if not path.exists():
        pytest.skip("ECB+ benchmark data not available")
    with open(path, encoding="utf-8") as f:
        texts = ["\n".join(json.loads(line)["sentences"][1:]) for line in f]
    random.Random(11).shuffle(texts)
    analysed = {}
    for n, t in enumerate(texts[:250]):
        a = pipeline.analyse(RawArticle(source=f"ecb{n}.txt", text=t, published="2024-01-01"))
        analysed.setdefault(a.content_hash, a)      # ECB+ repeats a few texts

    def grouped(keep_terms):
        articles = copy.deepcopy(list(analysed.values()))
        db = store.open_db(str(tmp_path / f"{keep_terms}.db"))
        touched = []
        for lo in range(0, len(articles), 40):
            if not keep_terms:
                with db.conn:
                    db.conn.execute("UPDATE stories SET terms = NULL")
            report = pipeline.Report()
            pipeline.store_batch(db, articles[lo:lo + 40], report)
            touched.append(pipeline.assign_stories(db, report.new_ids))
        kept = db.conn.execute("select count(*) from stories where terms is not null").fetchone()[0]
        rows = db.conn.execute("select content_hash, story_id from articles order by id").fetchall()
        return rows, touched, kept

    with_terms, touched_with, kept = grouped(True)
    without, touched_without, none_kept = grouped(False)
    assert kept > 0 and none_kept < kept
    assert with_terms == without and touched_with == touched_without
    # stories merged along the way (ids that stop being used), so merges were compared too
    final = {story for _, story in with_terms}
    assert set().union(*touched_with) - final


def test_kept_story_vectors_round_trip_exactly_and_an_unknown_layout_is_recomputed(tmp_path):
    # Average linkage compares a stored story by its kept vector: it must come back
    # bit for bit, and a blob of another layout must count as no vector (the story is
    # then summed from its members' texts), never be misread.
    vector = {"nato": 0.1 + 0.2, "zürich": 1e-300, "4 billion": 2.0 / 3.0}
    assert store.unpack_terms(store.pack_terms(vector)) == vector
    assert store.unpack_terms(store.pack_terms({})) == {}
    db = store.open_db(str(tmp_path / "news.db"))
    with db.conn:
        kept = db.conn.execute("INSERT INTO stories (label, terms) VALUES ('a', ?)", [store.pack_terms(vector)]).lastrowid
        other = db.conn.execute("INSERT INTO stories (label, terms) VALUES ('b', ?)", [b"\x78\x9c junk"]).lastrowid
        none = db.conn.execute("INSERT INTO stories (label) VALUES ('c')").lastrowid
    found = store.story_terms(db, [kept, other, none])
    assert set(found) == {kept} and store.unpack_terms(found[kept]) == vector


# Three reviews of one motorcycle site, about three different machines.
REVIEWS = ["The new Triumph Speed 400 costs 5,000 pounds and weighs 170 kilograms, the maker said on Monday.",
           "Honda's CB750 Hornet returns with a 755 cc twin engine producing 91 horsepower, reviewers said.",
           "Ducati recalled 3,000 Monster motorcycles in Italy after a fault in the rear brake was found."]


def test_stories_changed_by_new_boilerplate_are_reported_as_updated_not_repaired(tmp_path):
    # The third page of a site makes its footer boilerplate in the two stored pages too:
    # their stories are analysed again by this run, which is not repairing an interrupted one.
    import json

    footer = "Get Motor Cycle Monthly delivered to your door every month with our best offers."
    db = store.open_db(str(tmp_path / "news.db"))
    reports = []
    for k, body in enumerate(REVIEWS):
        feed = tmp_path / f"feed{k}.jsonl"
        feed.write_text(json.dumps({"url": f"https://bikes.example/review-{k}", "title": f"Review {k}",
                                    "text": f"{body}\n\n{footer}"}) + "\n")
        reports.append(pipeline.ingest(db, [str(feed)], workers=1))
    assert db.conn.execute("select count(distinct role) from sentences where text = ?", [footer]).fetchone()[0] == 1
    assert reports[-1].repaired == 0
    assert reports[-1].stories == {r[0] for r in db.conn.execute("select distinct story_id from articles")}
    assert len(reports[-1].stories) == 3


def test_pages_joined_only_by_a_sites_footer_part_when_it_becomes_boilerplate(tmp_path):
    # Two short reviews of one site share a long footer and, before the site has enough
    # pages for the footer to count as boilerplate, one story. The third page makes it
    # boilerplate everywhere: the stored reviews are grouped again, by their own words.
    import json

    footer = ("Get Motor Cycle Monthly delivered to your door every month with our best offers. "
              "Subscribe today and save 40 percent on the cover price of Motor Cycle Monthly. "
              "Motor Cycle Monthly is published by Bikes Media Group in Peterborough.")
    db = store.open_db(str(tmp_path / "news.db"))

    def stories_of():
        return [r[0] for r in db.conn.execute("select story_id from articles order by id")]

    for k, body in enumerate(REVIEWS):
        feed = tmp_path / f"feed{k}.jsonl"
        feed.write_text(json.dumps({"url": f"https://bikes.example/review-{k}", "title": f"Review {k}",
                                    "text": f"{body}\n\n{footer}"}) + "\n")
        report = pipeline.ingest(db, [str(feed)], workers=1)
        if k == 1:
            assert len(set(stories_of())) == 1          # joined through the footer
    assert len(set(stories_of())) == 3 and report.repaired == 0
    assert db.conn.execute("select count(*) from stories").fetchone()[0] == 3
    assert db.conn.execute("select count(*) from stories where pending = 1").fetchone()[0] == 0
    # nothing of the emptied story is left behind
    assert not db.conn.execute("select count(*) from alignments where story_id not in (select id from stories)").fetchone()[0]
