"""The SQLite schema and every write. The only module that writes.

The tables are derived from the records in ingest/records.py: a column is declared
there once, and the CREATE TABLE, INSERT and SELECT statements here are built from
those declarations. Each write runs inside one transaction, so a failed or
interrupted run never leaves half an article or half a story's analysis behind.
"""

import json
import re
import sqlite3
import sys
import zlib

import numpy as np
import sqlite_utils

from . import boilerplate
from .records import (SCHEMA_VERSION, TABLES, Alignment, Article, Claim, ClaimSentence, Conflict, Figure,
                      Provenance, Sentence, StoryDoc, column_names, columns, values)

# The marker the plugin checks before it touches a database: only ingest writes it.
META = "newsdiff_meta"


def quoted(name):
    # "end" and "of" are SQL keywords; quoting every column costs nothing.
    return f'"{name}"'


def create_table(record):
    cols = [f"{quoted(f.name)} {f.metadata['sql']}" +
            (f" REFERENCES {f.metadata['references']}(id)" if f.metadata["references"] else "")
            for f in columns(record)]
    body = ",\n    ".join(cols + list(getattr(record, "CONSTRAINTS", ())))
    return f"CREATE TABLE IF NOT EXISTS {record.TABLE} (\n    {body}\n);"


def create_indexes(record):
    # A column that leads a table's UNIQUE or PRIMARY KEY constraint is served by that
    # constraint's index; a second one would only cost every insert (alignments.sentence_a).
    # Files made before this rule lose theirs.
    led = {m.group(1) for c in getattr(record, "CONSTRAINTS", ()) if (m := _LEADS.match(c))}
    return [f"DROP INDEX IF EXISTS idx_{record.TABLE}_{f.name};" if f.name in led else
            f"CREATE INDEX IF NOT EXISTS idx_{record.TABLE}_{f.name} ON {record.TABLE}({quoted(f.name)});"
            for f in columns(record) if f.metadata["index"]]


# table constraints only ("UNIQUE (a, b)"); a column-level UNIQUE is not looked at (no
# such column is also declared indexed)
_LEADS = re.compile(r'\s*(?:UNIQUE|PRIMARY\s+KEY)\s*\(\s*"?(\w+)', re.I)


def insert_sql(record, with_id=True):
    names = [f.name for f in columns(record) if with_id or f.name != "id"]
    return f"INSERT INTO {record.TABLE} ({', '.join(map(quoted, names))}) VALUES ({', '.join('?' * len(names))})"


def select_sql(record, alias):
    return ", ".join(f"{alias}.{quoted(f.name)}" for f in columns(record))


def from_row(record, row):
    """A record from a row selected with select_sql(record, ...)."""
    return record(**dict(zip(column_names(record), row)))


# Full-text search on sentences (FTS5, porter stemming), kept in step by triggers; the
# names follow sqlite-utils' convention, which Datasette's search box detects.
FTS = """
CREATE VIRTUAL TABLE IF NOT EXISTS sentences_fts USING FTS5 (text, tokenize='porter', content="sentences");
CREATE TRIGGER IF NOT EXISTS sentences_ai AFTER INSERT ON sentences BEGIN
  INSERT INTO sentences_fts (rowid, text) VALUES (new.rowid, new.text);
END;
CREATE TRIGGER IF NOT EXISTS sentences_ad AFTER DELETE ON sentences BEGIN
  INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
END;
CREATE TRIGGER IF NOT EXISTS sentences_au AFTER UPDATE ON sentences BEGIN
  INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
  INSERT INTO sentences_fts (rowid, text) VALUES (new.rowid, new.text);
END;
"""

SCHEMA = "\n".join(
    [create_table(t) for t in TABLES]
    + [f"CREATE TABLE IF NOT EXISTS {META} (key TEXT PRIMARY KEY, value TEXT NOT NULL);"]
    + [i for t in TABLES for i in create_indexes(t)]
    # The shared_claims canned query (datasette_newsdiff/queries.py) reads claims in this order.
    + ["CREATE INDEX IF NOT EXISTS idx_claims_shared ON claims(n_articles DESC, story_id, id);"]
)

# Plain SQL only: a published file must work in any SQLite client and without the plugin.
VIEWS = {
    "body_sentences": """
        SELECT sentences.id, sentences.article_id, articles.story_id, articles.outlet,
               sentences.idx, sentences.paragraph, sentences.text
        FROM sentences JOIN articles ON articles.id = sentences.article_id
        WHERE sentences.role = 'body'
    """,
    "figures": """
        SELECT articles.story_id, numbers.article_id, articles.outlet, numbers.sentence_id,
               numbers.surface, numbers.value, numbers.unit, numbers.kind, numbers.qualifier,
               numbers.rate, numbers.iso, numbers.key, sentences.text AS sentence
        FROM numbers
        JOIN sentences ON sentences.id = numbers.sentence_id
        JOIN articles ON articles.id = numbers.article_id
    """,
    # Each sentence's fields by a subquery on its primary key, not a join: the same rows
    # (both sentences always exist), and SQLite counts the view (Datasette does, on every
    # page of it) from alignments alone, 2 ms instead of 120 ms at 120,000 alignments.
    "aligned_pairs": """
        SELECT alignments.id, alignments.story_id, alignments.score, alignments.relation,
               (SELECT sa.article_id FROM sentences sa WHERE sa.id = alignments.sentence_a) AS article_a,
               (SELECT sa.text FROM sentences sa WHERE sa.id = alignments.sentence_a) AS text_a,
               (SELECT sb.article_id FROM sentences sb WHERE sb.id = alignments.sentence_b) AS article_b,
               (SELECT sb.text FROM sentences sb WHERE sb.id = alignments.sentence_b) AS text_b,
               alignments.diff
        FROM alignments
    """,
    # One row per article of a story: what it shares, what it adds, where it disagrees.
    "story_overview": """
        SELECT articles.story_id, stories.label AS story, articles.id AS article_id, articles.name,
               articles.outlet, articles.published, articles.title,
               (SELECT count(*) FROM sentences s WHERE s.article_id = articles.id AND s.role = 'body') AS n_body,
               (SELECT count(*) FROM sentences s JOIN claim_sentences cs ON cs.sentence_id = s.id
                  JOIN claims c ON c.id = cs.claim_id
                WHERE s.article_id = articles.id AND c.n_articles > 1) AS n_shared,
               (SELECT count(*) FROM unique_sentences u WHERE u.article_id = articles.id) AS n_unique,
               (SELECT count(*) FROM conflicts c JOIN sentences sa ON sa.id = c.sentence_a
                  JOIN sentences sb ON sb.id = c.sentence_b
                WHERE c.story_id = articles.story_id
                  AND (sa.article_id = articles.id OR sb.article_id = articles.id)) AS n_conflicts
        FROM articles JOIN stories ON stories.id = articles.story_id
    """,
    # Claims by articles: one row per sentence of a claim; score is its best alignment
    # with another sentence of the claim (null when it stands alone).
    "coverage": """
        SELECT claims.story_id, claims.id AS claim_id, claims.n_articles, claims.text AS claim,
               sentences.article_id, articles.name, sentences.id AS sentence_id, sentences.text,
               (SELECT max(al.score) FROM alignments al JOIN claim_sentences other
                  ON other.claim_id = claims.id
                  AND other.sentence_id = CASE WHEN al.sentence_a = sentences.id THEN al.sentence_b ELSE al.sentence_a END
                WHERE al.sentence_a = sentences.id OR al.sentence_b = sentences.id) AS score
        FROM claims
        JOIN claim_sentences ON claim_sentences.claim_id = claims.id
        JOIN sentences ON sentences.id = claim_sentences.sentence_id
        JOIN articles ON articles.id = sentences.article_id
    """,
    "conflict_pairs": """
        SELECT conflicts.id, conflicts.story_id, conflicts.kind, conflicts.strength, conflicts.detail,
               conflicts.value_a, conflicts.value_b,
               sa.article_id AS article_a, aa.name AS name_a, conflicts.sentence_a, sa.text AS text_a,
               sb.article_id AS article_b, ab.name AS name_b, conflicts.sentence_b, sb.text AS text_b
        FROM conflicts
        JOIN sentences sa ON sa.id = conflicts.sentence_a
        JOIN sentences sb ON sb.id = conflicts.sentence_b
        JOIN articles aa ON aa.id = sa.article_id
        JOIN articles ab ON ab.id = sb.article_id
    """,
    # Sentences that state the same thing, or a variant of it, as another: aligned or in
    # conflict, both ways round.
    "linked_sentences": """
        SELECT sentence_a AS sentence_id, sentence_b AS other_id FROM alignments
        UNION ALL SELECT sentence_b, sentence_a FROM alignments
        UNION ALL SELECT sentence_a, sentence_b FROM conflicts
        UNION ALL SELECT sentence_b, sentence_a FROM conflicts
    """,
    # What each article added: body sentences no other article of the story carries, in
    # any form (no claim shared, no alignment, no conflict: a changed figure or a
    # shortened quotation is a variant, not new content).
    "unique_sentences": """
        SELECT claims.story_id, sentences.article_id, articles.name, sentences.id AS sentence_id,
               sentences.idx, sentences.text
        FROM claims
        JOIN claim_sentences ON claim_sentences.claim_id = claims.id
        JOIN sentences ON sentences.id = claim_sentences.sentence_id
        JOIN articles ON articles.id = sentences.article_id
        WHERE claims.n_articles = 1 AND sentences.role = 'body'
          AND NOT EXISTS (SELECT 1 FROM linked_sentences l WHERE l.sentence_id = sentences.id)
    """,
    # For each ordered pair of articles of a story: body sentences of article_id that
    # other_id does not carry in any form.
    "missing_from": """
        SELECT provenance.story_id, provenance.article_id, provenance.source_id AS other_id,
               sentences.id AS sentence_id, sentences.idx, sentences.text
        FROM provenance
        JOIN sentences ON sentences.article_id = provenance.article_id AND sentences.role = 'body'
        WHERE NOT EXISTS (
                SELECT 1 FROM claim_sentences mine
                JOIN claim_sentences theirs ON theirs.claim_id = mine.claim_id
                JOIN sentences t ON t.id = theirs.sentence_id
                WHERE mine.sentence_id = sentences.id AND t.article_id = provenance.source_id)
          AND NOT EXISTS (
                SELECT 1 FROM linked_sentences l JOIN sentences t ON t.id = l.other_id
                WHERE l.sentence_id = sentences.id AND t.article_id = provenance.source_id)
    """,
    "quote_variants": """
        SELECT * FROM conflict_pairs WHERE kind = 'quote'
    """,
    "claim_figures": """
        SELECT claims.story_id, claims.id AS claim_id, claims.text AS claim, numbers.article_id,
               articles.name, numbers.sentence_id, numbers.surface, numbers.value, numbers.unit,
               numbers.kind, numbers.key
        FROM claims
        JOIN claim_sentences ON claim_sentences.claim_id = claims.id
        JOIN numbers ON numbers.sentence_id = claim_sentences.sentence_id
        JOIN articles ON articles.id = numbers.article_id
    """,
    # Each article's most likely source: the derived-from row with the highest containment.
    "likely_sources": """
        SELECT provenance.story_id, provenance.article_id, a.name, provenance.source_id,
               s.name AS source_name, provenance.containment, provenance.derivation,
               provenance.shared_rare, provenance.source_first, provenance.evidence
        FROM provenance
        JOIN articles a ON a.id = provenance.article_id
        JOIN articles s ON s.id = provenance.source_id
        WHERE provenance.id = (
            SELECT best.id FROM provenance best
            WHERE best.article_id = provenance.article_id AND best.derivation != 'independent'
            ORDER BY best.containment DESC, best.source_id LIMIT 1)
    """,
}


def open_db(path):
    db = sqlite_utils.Database(path)
    db.conn.execute("PRAGMA foreign_keys = ON")
    # Readers (a Datasette serving the file) keep reading while a run writes; each
    # story's rows still change in one transaction, so a page never sees half of one.
    db.conn.execute("PRAGMA journal_mode = WAL")
    # 64 MB of page cache (SQLite's default is 2 MB): the site counts and indexes of a
    # large archive are read on every batch
    db.conn.execute("PRAGMA cache_size = -65536")
    ensure_schema(db)
    return db


def statements(script):
    """The SQL statements of a script (trigger bodies hold semicolons of their own)."""
    out, pending = [], ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            out.append(pending.strip())
            pending = ""
    return out


def ensure_schema(db):
    """Create or update the tables, views, full-text index and marker in one transaction,
    so that a reader (the plugin) never finds half a schema."""
    conn = db.conn
    conn.execute("BEGIN IMMEDIATE")
    try:
        for statement in statements(SCHEMA + FTS):
            conn.execute(statement)
        add_missing_columns(conn)
        for name, sql in VIEWS.items():
            create = f"CREATE VIEW {name} AS {sql.strip()}"
            stored = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'view' AND name = ?", (name,)).fetchone()
            if stored is None or stored[0] != create:
                conn.execute(f"DROP VIEW IF EXISTS {name}")
                conn.execute(create)
        conn.executemany(f"INSERT OR REPLACE INTO {META} (key, value) VALUES (?, ?)",
                         [("schema", "newsdiff"), ("schema_version", str(SCHEMA_VERSION))])
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def add_missing_columns(conn):
    """Columns a newer schema declares that a table of an older file lacks (NULL in its
    rows: the plugin then works them out as before, e.g. sentences.marks)."""
    for record in TABLES:
        have = {r[1] for r in conn.execute(f"PRAGMA table_info({record.TABLE})")}
        for f in columns(record):
            if f.name not in have:
                conn.execute(f"ALTER TABLE {record.TABLE} ADD COLUMN {quoted(f.name)} {f.metadata['sql']}")


def checkpoint(db):
    """Move what the write-ahead log holds into the database file itself: a reader that
    opens the file immutable (datasette -i, a published copy) does not read the log."""
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def select_in(db, sql, values, prefix=()):
    """Rows of sql with its IN ({}) list filled from values, 500 at a time; prefix: the
    parameters that come before the list."""
    values = list(values)
    for i in range(0, len(values), 500):
        chunk = values[i : i + 500]
        yield from db.conn.execute(sql.format(",".join("?" * len(chunk))), [*prefix, *chunk])


def known_hashes(db, hashes):
    """The subset of content hashes already stored."""
    return {r[0] for r in select_in(db, "SELECT content_hash FROM articles WHERE content_hash IN ({})", hashes)}


def figure_row(figure, sentence_id, article_id, sentence_start):
    """The numbers row of a figure: its offsets move from the sentence to the article."""
    return values(Figure(**{**figure.__dict__, "sentence_id": sentence_id, "article_id": article_id,
                            "start": sentence_start + figure.start, "end": sentence_start + figure.end}))


def figure_reading(iso, value, unit, rate):
    """A figure's normalised reading, as its mark's tooltip shows it: "5,000,000,000 EUR per month"."""
    amount = iso or (f"{value:,.10g}" if value is not None else None)
    rate = rate and f"per {rate}"
    return " ".join(v for v in (amount, unit, rate) if v)


def figure_marks(text, figures):
    """sentences.marks of a sentence: JSON [[start, end, "kind: reading"], ...] of its
    figures (offsets into the sentence), by offset. A figure whose offsets do not give back
    its surface, or that overlaps the previous one, is left unmarked (as the plugin's
    render.mark_figures does with the numbers rows)."""
    marks, at = [], 0
    for f in sorted(figures, key=lambda f: (f.start, f.end)):
        if f.start is None or f.end is None or f.start < at or text[f.start:f.end] != f.surface:
            continue
        marks.append([f.start, f.end, f"{f.kind}: {figure_reading(f.iso, f.value, f.unit, f.rate)}"])
        at = f.end
    return json.dumps(marks, ensure_ascii=False)


def figure_from_row(row, sentence_start):
    """The figure of a numbers row, its offsets back within its sentence."""
    figure = from_row(Figure, row)
    figure.start -= sentence_start
    figure.end -= sentence_start
    return figure


def insert_articles(db, articles, fingerprint):
    """Store analysed articles (records.Article with sentences and their figures) in one
    transaction, with the site counts that tell boilerplate (ingest/boilerplate.py).
    fingerprint(body, title): an article's fingerprint again, for stored articles whose
    sentences the new ones show to be boilerplate. Returns the new article ids in order."""
    ids = []
    sentence_rows, figure_rows = [], []
    with db.conn:
        # Sentence ids are handed out here as SQLite would (one more than the largest), so
        # that sentences and figures go in with one executemany each, not a statement per row.
        next_sentence = db.conn.execute("SELECT coalesce(max(id), 0) + 1 FROM sentences").fetchone()[0]
        for article in articles:
            article.n_sentences = len(article.sentences)
            article.id = db.conn.execute(insert_sql(Article, with_id=False), values(article)[1:]).lastrowid
            ids.append(article.id)
            for s in article.sentences:
                s.id, s.article_id = next_sentence, article.id
                next_sentence += 1
                # the marks and the numbers rows below come from the same Figure records
                s.marks = figure_marks(s.text, s.figures)
                sentence_rows.append(values(s))
                figure_rows.extend(figure_row(f, s.id, article.id, s.start) for f in s.figures)
        db.conn.executemany(insert_sql(Sentence), sentence_rows)
        db.conn.executemany(insert_sql(Figure), figure_rows)
        mark_boilerplate(db, count_site_sentences(db, articles), fingerprint)
    return ids


# The sentences of the versions of a URL stored before an article. "+a.site" keeps SQLite
# on the URL's index: by the site's it read every earlier article of the site, and storing
# grew with the square of the archive (1.2 -> 2.1 ms per article over 30,000).
EARLIER_VERSIONS_SQL = ("SELECT DISTINCT s.text_hash FROM sentences s JOIN articles a ON a.id = s.article_id "
                        "WHERE a.url = ? AND +a.site = ? AND a.id < ?")


def count_site_sentences(db, articles):
    """Add each new article's sentences to its site's counts; versions of one URL count
    once (a text counts for an article unless a version stored before it has it). Returns
    ((site, text_hash) pairs that reach boilerplate.MIN_ARTICLES now, so every stored
    sentence of the site with that text turns; [(article id, text_hash)] of new sentences
    whose text had reached it before, so only they turn). Each stored sentence is looked at
    once in all, however often its text repeats. The batch's counts are read at once and
    written in one executemany, in key order, rather than one statement per sentence."""
    seen = []
    for article in articles:
        hashes = {s.text_hash for s in article.sentences if s.text_hash is not None}
        if article.site is None or not hashes:
            continue
        versions = set()
        if article.url:
            versions = {r[0] for r in db.conn.execute(EARLIER_VERSIONS_SQL, (article.url, article.site, article.id))}
        seen.append((article, sorted(hashes), versions))
    counts = stored_site_counts(db, {(a.site, h) for a, hashes, _ in seen for h in hashes})
    added = {}
    reached, own = set(), []
    for article, hashes, versions in seen:
        for text_hash in hashes:
            key = (article.site, text_hash)
            counted = text_hash not in versions
            if counted:
                counts[key] = counts.get(key, 0) + 1
                added[key] = added.get(key, 0) + 1
            n = counts.get(key, 0)
            if counted and n == boilerplate.MIN_ARTICLES:
                reached.add(key)
            elif n >= boilerplate.MIN_ARTICLES:
                own.append((article.id, text_hash))
    db.conn.executemany(
        "INSERT INTO site_sentences (site, text_hash, n_articles) VALUES (?, ?, ?) "
        "ON CONFLICT (site, text_hash) DO UPDATE SET n_articles = n_articles + excluded.n_articles",
        [(site, text_hash, n) for (site, text_hash), n in sorted(added.items())])
    return reached, own


def stored_site_counts(db, keys):
    """{(site, text_hash): n_articles} of the keys already counted."""
    by_site = {}
    for site, text_hash in keys:
        by_site.setdefault(site, []).append(text_hash)
    return {(site, h): n for site, hashes in sorted(by_site.items()) for h, n in select_in(
        db, "SELECT text_hash, n_articles FROM site_sentences WHERE site = ? AND text_hash IN ({})",
        sorted(hashes), prefix=[site])}


def mark_boilerplate(db, found, fingerprint):
    """Body sentences of a site repeated on boilerplate.MIN_ARTICLES of its pages become
    boilerplate, in stored articles too: their fingerprints are made again and they leave
    their stories to be grouped again (a site's footer may be all that put them there);
    what stays of a story is marked pending, an emptied story goes. A story named by
    --story keeps its articles. found: count_site_sentences()."""
    reached, own = found
    changed = set()
    for site, text_hash in sorted(reached):
        # the site by primary key per matching sentence, not a list of the site's articles
        # per hash (a large site's list made this quadratic in the site's size)
        where = ("role = 'body' AND text_hash = ? "
                 "AND (SELECT site FROM articles WHERE articles.id = sentences.article_id) = ?")
        changed.update(r[0] for r in db.conn.execute(f"SELECT DISTINCT article_id FROM sentences WHERE {where}",
                                                     (text_hash, site)))
        db.conn.execute(f"UPDATE sentences SET role = 'boilerplate' WHERE {where}", (text_hash, site))
    for article_id, text_hash in own:
        db.conn.execute("UPDATE sentences SET role = 'boilerplate' WHERE article_id = ? AND text_hash = ? "
                        "AND role = 'body'", (article_id, text_hash))
        changed.add(article_id)
    for article_id, title, story_id in select_in(db, "SELECT id, title, story_id FROM articles WHERE id IN ({})", sorted(changed)):
        body = " ".join(r[0] for r in db.conn.execute(
            "SELECT text FROM sentences WHERE article_id = ? AND role = 'body' ORDER BY idx", (article_id,)))
        text = db.conn.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()[0]
        db.conn.execute("UPDATE articles SET fingerprint = ? WHERE id = ?", (fingerprint(body or text, title), article_id))
        if story_id is None:
            continue
        if not db.conn.execute("SELECT forced FROM stories WHERE id = ?", (story_id,)).fetchone()[0]:
            db.conn.execute("UPDATE articles SET story_id = NULL WHERE id = ?", (article_id,))
        db.conn.execute("UPDATE stories SET pending = 1, terms = NULL WHERE id = ?", (story_id,))
    for (story_id,) in db.conn.execute(
            "SELECT id FROM stories WHERE pending = 1 AND NOT EXISTS "
            "(SELECT 1 FROM articles WHERE articles.story_id = stories.id)").fetchall():
        delete_story_analysis(db, story_id)
        db.conn.execute("DELETE FROM stories WHERE id = ?", (story_id,))


def assign_forced(db, article_ids, label):
    """Put articles into the story named by --story (created on first use), in one
    transaction. Returns the story id."""
    with db.conn:
        row = db.conn.execute("SELECT id FROM stories WHERE label = ? AND forced = 1", (label,)).fetchone()
        story_id = row[0] if row else db.conn.execute("INSERT INTO stories (label, forced) VALUES (?, 1)", (label,)).lastrowid
        db.conn.executemany("UPDATE articles SET story_id = ? WHERE id = ?", [(story_id, a) for a in article_ids])
        db.conn.execute("UPDATE stories SET pending = 1, terms = NULL WHERE id = ?", (story_id,))
    return story_id


def unassigned_articles(db):
    """Stored articles in no story yet: this run's, and any an interrupted run left."""
    return [r[0] for r in db.conn.execute("SELECT id FROM articles WHERE story_id IS NULL ORDER BY id")]


def pending_stories(db):
    """Stories whose analysis is not stored yet (see records.Story.pending)."""
    return [r[0] for r in db.conn.execute("SELECT id FROM stories WHERE pending = 1 ORDER BY id")]


def fingerprints(db, ids=None):
    """[(article id, fingerprint, published)] for ids, or for every article already in a
    story when ids is None (what new articles are compared with)."""
    if ids is not None:
        return [tuple(r) for r in select_in(db, "SELECT id, fingerprint, published FROM articles WHERE id IN ({})", ids)]
    return [tuple(r) for r in db.conn.execute(
        "SELECT id, fingerprint, published FROM articles WHERE fingerprint IS NOT NULL AND story_id IS NOT NULL")]


def story_docs(db, ids, text=True):
    """[records.StoryDoc] of these articles (body text only), by id; text=False: ids,
    stories and dates only (members of a story whose terms are kept)."""
    if not text:
        return [StoryDoc(id=i, published=p, story_id=s) for i, p, s in sorted(select_in(
            db, "SELECT id, published, story_id FROM articles WHERE id IN ({})", ids))]
    docs = {}
    for article_id, title, published, story_id, name in select_in(
        db, "SELECT id, title, published, story_id, name FROM articles WHERE id IN ({})", ids
    ):
        docs[article_id] = StoryDoc(id=article_id, title=title, published=published, story_id=story_id, name=name)
    body = {}
    for article_id, text in select_in(
        db, "SELECT article_id, text FROM sentences WHERE role = 'body' AND article_id IN ({}) ORDER BY article_id, idx", ids
    ):
        body.setdefault(article_id, []).append(text)
    for article_id, doc in docs.items():
        doc.text = " ".join(body.get(article_id, ()))
    return [docs[i] for i in sorted(docs)]


_TERMS_VERSION = b"\x01"


def story_terms(db, story_ids):
    """{story id: packed summed term vector} of the given stories that keep one
    (records.Story.terms) in this version's layout; unpack_terms() reads one (in the
    task that needs it). A story left out is summed from its members' texts."""
    return dict(select_in(db, "SELECT id, terms FROM stories WHERE substr(terms, 1, 1) = x'01' AND id IN ({})",
                          story_ids))


def pack_terms(vector):
    """A summed term vector as stored: a version byte, the length of the zlib'd words
    (joined by NUL, which no word holds), those words, then the weights as little-endian
    doubles (exact, and 7x faster to write than JSON for a smaller blob)."""
    words = zlib.compress("\0".join(vector).encode("utf-8"), 1)
    return (_TERMS_VERSION + len(words).to_bytes(4, "little") + words
            + np.fromiter(vector.values(), dtype="<f8", count=len(vector)).tobytes())


def unpack_terms(blob):
    n = int.from_bytes(blob[1:5], "little")
    words = zlib.decompress(blob[5:5 + n]).decode("utf-8").split("\0")
    weights = np.frombuffer(blob, dtype="<f8", offset=5 + n).tolist()
    # Many stories share their words: one string per word, not one per story.
    return {sys.intern(w): x for w, x in zip(words, weights)}


def apply_story_assignment(db, merged, assignment, terms=None):
    """Merge stored stories and put articles into stories, in one transaction, marking
    every story that changes as pending.

    merged: {story id: story id it merges into}; assignment: {article id: existing story
    id or "new:<k>" key}; terms: {story id or "new:<k>": summed term vector} of the
    stories that change (kept for the next run; a changed story without one keeps none).
    Returns the story ids touched.
    """
    terms = terms or {}
    touched = set()
    with db.conn:
        for old, new in merged.items():
            db.conn.execute("UPDATE articles SET story_id = ? WHERE story_id = ?", (new, old))
            delete_story_analysis(db, old)
            db.conn.execute("DELETE FROM stories WHERE id = ?", (old,))
            touched.add(new)
        created = {}
        for article_id, story in sorted(assignment.items(), key=lambda kv: kv[0]):
            if isinstance(story, str):
                if story not in created:
                    created[story] = db.conn.execute("INSERT INTO stories (label) VALUES (NULL)").lastrowid
                story = created[story]
            db.conn.execute("UPDATE articles SET story_id = ? WHERE id = ?", (story, article_id))
            touched.add(story)
        ids = {**created, **{s: s for s in touched}}
        vectors = {ids[key]: v for key, v in terms.items() if key in ids}
        db.conn.executemany("UPDATE stories SET pending = 1, terms = ? WHERE id = ?",
                            [(vectors.get(s), s) for s in sorted(touched)])
    return touched


def story_sizes(db, story_ids):
    """{story id: its number of articles} for these stories."""
    return dict(select_in(db, "SELECT story_id, count(*) FROM articles WHERE story_id IN ({}) GROUP BY story_id",
                          story_ids))


def story_article_ids(db, story_id):
    return [r[0] for r in db.conn.execute("SELECT id FROM articles WHERE story_id = ? ORDER BY id", (story_id,))]


def story_sentences(db, story_id):
    """Every sentence of a story with its figures ([records.Sentence]), by article and idx."""
    rows = db.conn.execute(
        f"SELECT {select_sql(Sentence, 's')} FROM sentences s JOIN articles a ON a.id = s.article_id "
        "WHERE a.story_id = ? ORDER BY s.article_id, s.idx",
        (story_id,),
    )
    sentences = {}
    for row in rows:
        s = from_row(Sentence, row)
        sentences[s.id] = s
    for row in db.conn.execute(
        f"SELECT s.start, {select_sql(Figure, 'n')} FROM numbers n JOIN sentences s ON s.id = n.sentence_id "
        "JOIN articles a ON a.id = n.article_id WHERE a.story_id = ? ORDER BY n.id",
        (story_id,),
    ):
        figure = figure_from_row(row[1:], row[0])
        sentences[figure.sentence_id].figures.append(figure)
    return list(sentences.values())


# A story's analysis: what replace_story_analyses deletes and rewrites, children first.
ANALYSIS_TABLES = ("claim_sentences", "claims", "alignments", "conflicts", "provenance")


def delete_story_analysis(db, story_id):
    db.conn.execute("DELETE FROM claim_sentences WHERE claim_id IN (SELECT id FROM claims WHERE story_id = ?)", (story_id,))
    for table in ANALYSIS_TABLES[1:]:
        db.conn.execute(f"DELETE FROM {table} WHERE story_id = ?", (story_id,))


def replace_story_analyses(db, analyses):
    """Swap stories' analyses ([records.StoryAnalysis]) for new ones, in one transaction."""
    with db.conn:
        for analysis in analyses:
            _replace_story_analysis(db, analysis)


def _replace_story_analysis(db, analysis):
    story_id = analysis.story_id
    delete_story_analysis(db, story_id)
    for record, rows in ((Alignment, analysis.alignments), (Conflict, analysis.conflicts),
                         (Provenance, analysis.provenance)):
        for row in rows:
            row.story_id = story_id
        db.conn.executemany(insert_sql(record, with_id=False), [values(r)[1:] for r in rows])
    # Claim ids handed out as SQLite would (one more than the largest): two executemany calls.
    next_claim = db.conn.execute("SELECT coalesce(max(id), 0) + 1 FROM claims").fetchone()[0]
    claim_rows, member_rows = [], []
    for claim_id, claim in enumerate(analysis.claims, start=next_claim):
        claim.id, claim.story_id, claim.n_sentences = claim_id, story_id, len(claim.sentence_ids)
        claim_rows.append(values(claim))
        member_rows.extend(values(ClaimSentence(claim_id=claim_id, sentence_id=s)) for s in claim.sentence_ids)
    db.conn.executemany(insert_sql(Claim), claim_rows)
    db.conn.executemany(insert_sql(ClaimSentence), member_rows)
    db.conn.execute(
        "UPDATE stories SET n_articles = (SELECT count(*) FROM articles WHERE story_id = ?), pending = 0, "
        "label = CASE WHEN forced = 1 THEN label ELSE ? END WHERE id = ?",
        (story_id, analysis.label, story_id),
    )


def story_members(db, article_ids):
    """Every article id of the stories the given articles belong to (and the articles themselves)."""
    members = set(article_ids)
    story_ids = {r[0] for r in select_in(db, "SELECT DISTINCT story_id FROM articles WHERE story_id IS NOT NULL AND id IN ({})", article_ids)}
    members.update(r[0] for r in select_in(db, "SELECT id FROM articles WHERE story_id IN ({})", story_ids))
    return members


def merge_stories(db, mapping):
    """mapping: {story id: story id to merge into}. Returns the surviving story ids."""
    return apply_story_assignment(db, mapping, {})
