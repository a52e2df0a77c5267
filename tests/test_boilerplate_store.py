"""Boilerplate as the store keeps it: a site's sentence repeated on several of its pages
becomes boilerplate in old and new articles alike, leaves the fingerprints and the
comparison, and a story it touched is analysed again."""
import sqlite3

from ingest import boilerplate, pipeline, store

FOOTER = "Get Motor Cycle Monthly delivered to your door every month with our best offers."


def page(k, body):
    return {"url": f"https://bikes.example/review-{k}", "title": f"Review {k}",
            "text": f"{body}\n\n{FOOTER}"}


def test_a_sentence_repeated_on_a_sites_pages_becomes_boilerplate(tmp_path):
    import json
    bodies = [
        "The new Triumph Speed 400 costs 5,000 pounds and weighs 170 kilograms, the maker said on Monday.",
        "Honda's CB750 Hornet returns with a 755 cc twin engine producing 91 horsepower, reviewers said.",
        "Ducati recalled 3,000 Monster motorcycles in Italy after a fault in the rear brake was found.",
    ]
    path = tmp_path / "news.db"
    db = store.open_db(str(path))
    for k, body in enumerate(bodies):
        feed = tmp_path / f"feed{k}.jsonl"
        feed.write_text(json.dumps(page(k, body)) + "\n")
        pipeline.ingest(db, [str(feed)], workers=1)
        roles = {r[0] for r in db.conn.execute("select role from sentences where text = ?", [FOOTER])}
        # below boilerplate.MIN_ARTICLES pages the line is body text; from then on, everywhere
        assert roles == ({"boilerplate"} if k + 1 >= boilerplate.MIN_ARTICLES else {"body"})
    assert db.conn.execute("select n_articles from site_sentences where site = 'bikes.example' "
                           "and text_hash = ?", [boilerplate.text_key(FOOTER)]).fetchone()[0] == 3
    # the reviews no longer share a story through the footer, and nothing aligns with it
    assert db.conn.execute("select count(distinct story_id) from articles").fetchone()[0] == 3
    footer_ids = [r[0] for r in db.conn.execute("select id from sentences where text = ?", [FOOTER])]
    assert not db.conn.execute(f"select count(*) from alignments where sentence_a in ({','.join('?' * 3)}) "
                               f"or sentence_b in ({','.join('?' * 3)})", footer_ids * 2).fetchone()[0]
    assert db.conn.execute("select count(*) from stories where pending = 1").fetchone()[0] == 0
    # fingerprints are those of the body without the footer
    from ingest import stories
    for article_id, title, fp in db.conn.execute("select id, title, fingerprint from articles"):
        body = " ".join(r[0] for r in db.conn.execute(
            "select text from sentences where article_id = ? and role = 'body' order by idx", [article_id]))
        assert fp == stories.fingerprint(body, title)


def test_a_site_line_in_one_batch_is_counted_as_in_separate_runs(tmp_path):
    # The counts of a batch are added up before they are written: four pages in one batch
    # must turn the footer into boilerplate exactly as four runs of one page do.
    import json
    bodies = [f"Review {k}: the {name} costs {1000 * (k + 3)} pounds, its maker said on {day}."
              for k, (name, day) in enumerate([("Triumph", "Monday"), ("Honda", "Tuesday"),
                                               ("Ducati", "Friday"), ("Yamaha", "Sunday")])]

    def ingest(path, feeds):
        db = store.open_db(str(path))
        for k, group in enumerate(feeds):
            feed = tmp_path / f"{path.stem}-{k}.jsonl"
            feed.write_text("".join(json.dumps(page(n, bodies[n])) + "\n" for n in group))
            pipeline.ingest(db, [str(feed)], workers=1)
        return (db.conn.execute("select a.url, s.role from sentences s join articles a on a.id = s.article_id "
                                "where s.text = ? order by a.url", [FOOTER]).fetchall(),
                db.conn.execute("select site, text_hash, n_articles from site_sentences order by 1, 2").fetchall())

    together = ingest(tmp_path / "one.db", [range(4)])
    apart = ingest(tmp_path / "four.db", [[n] for n in range(4)])
    assert together == apart
    assert [role for _, role in together[0]] == ["boilerplate"] * 4
    assert (("bikes.example", boilerplate.text_key(FOOTER), 4)) in together[1]


def test_versions_of_one_url_count_once(tmp_path):
    import json
    path = tmp_path / "news.db"
    db = store.open_db(str(path))
    feed = tmp_path / "versions.jsonl"
    feed.write_text("\n".join(json.dumps({"url": "https://news.example/a", "text": f"Version {k} of the story. {FOOTER}"})
                              for k in range(4)) + "\n")
    pipeline.ingest(db, [str(feed)], workers=1)
    conn = sqlite3.connect(path)
    assert conn.execute("select max(n_articles) from site_sentences").fetchone()[0] == 1
    # together, once: the footer all four versions share counts one page, not none, as the
    # table computed at once says (versions arriving in one batch included)
    footer = (boilerplate.text_key(FOOTER),)
    assert conn.execute("select n_articles from site_sentences where text_hash = ?", footer).fetchone() == (1,)
    texts = [[t for t, in conn.execute("select text from sentences where article_id = ?", [i])]
             for i, in conn.execute("select id from articles")]
    assert boilerplate.count_sites([("news.example", "https://news.example/a", t) for t in texts]) == {
        (site, h): n for site, h, n in conn.execute("select site, text_hash, n_articles from site_sentences")}
    assert conn.execute("select count(*) from sentences where role = 'boilerplate'").fetchone()[0] == 0
