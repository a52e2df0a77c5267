"""The SQLite schema and every write. The only module that writes.

Each write runs inside one transaction, so a failed or interrupted run never
leaves half an article or half a story's analysis behind.
"""

import sqlite_utils

SCHEMA_VERSION = 1

SCHEMA = """
CREATE TABLE IF NOT EXISTS stories (
    id INTEGER PRIMARY KEY,
    label TEXT,
    n_articles INTEGER NOT NULL DEFAULT 0,
    forced INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    outlet TEXT,
    title TEXT,
    byline TEXT,
    published TEXT,
    url TEXT,
    text TEXT NOT NULL,
    content_hash TEXT NOT NULL UNIQUE,
    story_id INTEGER REFERENCES stories(id),
    n_sentences INTEGER NOT NULL DEFAULT 0,
    fingerprint BLOB
);
CREATE TABLE IF NOT EXISTS sentences (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    idx INTEGER NOT NULL,
    paragraph INTEGER NOT NULL,
    role TEXT NOT NULL,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS numbers (
    id INTEGER PRIMARY KEY,
    sentence_id INTEGER NOT NULL REFERENCES sentences(id),
    article_id INTEGER NOT NULL REFERENCES articles(id),
    surface TEXT NOT NULL,
    value REAL,
    unit TEXT,
    kind TEXT NOT NULL,
    qualifier TEXT,
    rate TEXT,
    iso TEXT,
    low REAL,
    high REAL,
    "of" TEXT,
    key TEXT,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS alignments (
    id INTEGER PRIMARY KEY,
    story_id INTEGER NOT NULL REFERENCES stories(id),
    sentence_a INTEGER NOT NULL REFERENCES sentences(id),
    sentence_b INTEGER NOT NULL REFERENCES sentences(id),
    score REAL NOT NULL,
    relation TEXT NOT NULL,
    UNIQUE (sentence_a, sentence_b),
    CHECK (sentence_a < sentence_b)
);
CREATE TABLE IF NOT EXISTS claims (
    id INTEGER PRIMARY KEY,
    story_id INTEGER NOT NULL REFERENCES stories(id),
    sentence_id INTEGER REFERENCES sentences(id),
    text TEXT NOT NULL,
    n_articles INTEGER NOT NULL,
    n_sentences INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS claim_sentences (
    claim_id INTEGER NOT NULL REFERENCES claims(id),
    sentence_id INTEGER NOT NULL REFERENCES sentences(id),
    PRIMARY KEY (claim_id, sentence_id)
);
CREATE INDEX IF NOT EXISTS idx_articles_story_id ON articles(story_id);
CREATE INDEX IF NOT EXISTS idx_sentences_article_id ON sentences(article_id);
CREATE INDEX IF NOT EXISTS idx_numbers_sentence_id ON numbers(sentence_id);
CREATE INDEX IF NOT EXISTS idx_numbers_article_id ON numbers(article_id);
CREATE INDEX IF NOT EXISTS idx_numbers_key ON numbers(key);
CREATE INDEX IF NOT EXISTS idx_alignments_story_id ON alignments(story_id);
CREATE INDEX IF NOT EXISTS idx_alignments_sentence_b ON alignments(sentence_b);
CREATE INDEX IF NOT EXISTS idx_claims_story_id ON claims(story_id);
CREATE INDEX IF NOT EXISTS idx_claims_sentence_id ON claims(sentence_id);
CREATE INDEX IF NOT EXISTS idx_claim_sentences_sentence_id ON claim_sentences(sentence_id);
"""

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
    "aligned_pairs": """
        SELECT alignments.id, alignments.story_id, alignments.score, alignments.relation,
               sa.article_id AS article_a, sa.text AS text_a,
               sb.article_id AS article_b, sb.text AS text_b
        FROM alignments
        JOIN sentences sa ON sa.id = alignments.sentence_a
        JOIN sentences sb ON sb.id = alignments.sentence_b
    """,
}


def open_db(path):
    db = sqlite_utils.Database(path)
    db.conn.execute("PRAGMA foreign_keys = ON")
    ensure_schema(db)
    return db


def ensure_schema(db):
    with db.conn:
        db.conn.executescript(SCHEMA)
        for name, sql in VIEWS.items():
            create = f"CREATE VIEW {name} AS {sql.strip()}"
            stored = db.conn.execute("SELECT sql FROM sqlite_master WHERE type = 'view' AND name = ?", (name,)).fetchone()
            if stored is None or stored[0] != create:
                db.conn.execute(f"DROP VIEW IF EXISTS {name}")
                db.conn.execute(create)
    if not db["sentences"].detect_fts():
        db["sentences"].enable_fts(["text"], create_triggers=True, tokenize="porter")
    db.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def known_hashes(db, hashes):
    """The subset of content hashes already stored."""
    hashes = list(hashes)
    found = set()
    for i in range(0, len(hashes), 500):
        chunk = hashes[i : i + 500]
        marks = ",".join("?" * len(chunk))
        found.update(r[0] for r in db.conn.execute(f"SELECT content_hash FROM articles WHERE content_hash IN ({marks})", chunk))
    return found


def insert_articles(db, articles):
    """Store analysed articles with their sentences and numbers in one transaction.

    articles: dicts with the articles columns plus "sentences", each sentence with
    "numbers". Returns the new article ids in order.
    """
    ids = []
    sentence_rows, number_rows = [], []
    with db.conn:
        # Sentence ids are handed out here as SQLite would (one more than the largest), so
        # that sentences and numbers go in with one executemany each, not a statement per row.
        next_sentence = db.conn.execute("SELECT coalesce(max(id), 0) + 1 FROM sentences").fetchone()[0]
        for article in articles:
            row = {k: v for k, v in article.items() if k not in ("sentences",)}
            row["n_sentences"] = len(article["sentences"])
            cursor = db.conn.execute(
                f"INSERT INTO articles ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                list(row.values()),
            )
            article_id = cursor.lastrowid
            ids.append(article_id)
            for s in article["sentences"]:
                sentence_id = next_sentence
                next_sentence += 1
                sentence_rows.append((sentence_id, article_id, s["idx"], s["paragraph"], s["role"], s["text"], s["start"], s["end"]))
                number_rows.extend(
                    (
                        sentence_id, article_id, n["surface"], n.get("value"), n.get("unit"), n["kind"],
                        n.get("qualifier"), n.get("rate"), n.get("iso"), n.get("low"), n.get("high"),
                        n.get("of"), n.get("key"), s["start"] + n["start"], s["start"] + n["end"],
                    )
                    for n in s.get("numbers", ())
                )
        db.conn.executemany(
            'INSERT INTO sentences (id, article_id, idx, paragraph, role, text, start, "end") VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
            sentence_rows,
        )
        db.conn.executemany(
            'INSERT INTO numbers (sentence_id, article_id, surface, value, unit, kind, qualifier, rate, iso, low, high, "of", key, start, "end") '
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            number_rows,
        )
    return ids


def forced_story(db, label):
    """The id of the story named by --story, created on first use."""
    row = db.conn.execute("SELECT id FROM stories WHERE label = ? AND forced = 1", (label,)).fetchone()
    if row:
        return row[0]
    with db.conn:
        return db.conn.execute("INSERT INTO stories (label, forced) VALUES (?, 1)", (label,)).lastrowid


def set_stories(db, assignment):
    """assignment: {article_id: story_id}."""
    with db.conn:
        db.conn.executemany("UPDATE articles SET story_id = ? WHERE id = ?", [(s, a) for a, s in assignment.items()])


def fingerprints(db, ids, exclude=()):
    """[(article id, fingerprint)] for ids, or for every article but exclude when ids is None."""
    if ids is not None:
        return [tuple(r) for r in select_in(db, "SELECT id, fingerprint FROM articles WHERE id IN ({})", ids)]
    excluded = set(exclude)
    rows = db.conn.execute("SELECT id, fingerprint FROM articles WHERE fingerprint IS NOT NULL")
    return [(i, f) for i, f in rows if i not in excluded]


def select_in(db, sql, values):
    values = list(values)
    for i in range(0, len(values), 500):
        chunk = values[i : i + 500]
        yield from db.conn.execute(sql.format(",".join("?" * len(chunk))), chunk)


def story_docs(db, ids):
    """Article dicts for story grouping and labels: id, title, text (body only), published, story_id."""
    docs = {}
    for article_id, title, published, story_id in select_in(
        db, "SELECT id, title, published, story_id FROM articles WHERE id IN ({})", ids
    ):
        docs[article_id] = {"id": article_id, "title": title, "published": published, "story_id": story_id, "text": []}
    for article_id, text in select_in(
        db, "SELECT article_id, text FROM sentences WHERE role = 'body' AND article_id IN ({}) ORDER BY article_id, idx", ids
    ):
        docs[article_id]["text"].append(text)
    for doc in docs.values():
        doc["text"] = " ".join(doc["text"])
    return [docs[i] for i in sorted(docs)]


def apply_story_assignment(db, assignment):
    """assignment: {article_id: existing story id or "new:<k>" key}. Returns the story ids touched."""
    touched = set()
    with db.conn:
        created = {}
        for article_id, story in sorted(assignment.items(), key=lambda kv: kv[0]):
            if isinstance(story, str):
                if story not in created:
                    created[story] = db.conn.execute("INSERT INTO stories (label) VALUES (NULL)").lastrowid
                story = created[story]
            db.conn.execute("UPDATE articles SET story_id = ? WHERE id = ?", (story, article_id))
            touched.add(story)
    return touched


def story_article_ids(db, story_id):
    return [r[0] for r in db.conn.execute("SELECT id FROM articles WHERE story_id = ? ORDER BY id", (story_id,))]


def story_sentences(db, story_id):
    """Every sentence of a story with its numbers, as align.align() takes them."""
    rows = db.conn.execute(
        "SELECT s.id, s.article_id, s.idx, s.role, s.text FROM sentences s JOIN articles a ON a.id = s.article_id "
        "WHERE a.story_id = ? ORDER BY s.article_id, s.idx",
        (story_id,),
    )
    sentences = {r[0]: {"id": r[0], "article_id": r[1], "idx": r[2], "role": r[3], "text": r[4], "numbers": []} for r in rows}
    columns = ["surface", "value", "unit", "kind", "qualifier", "rate", "iso", "low", "high", "of", "key", "start", "end"]
    for row in db.conn.execute(
        'SELECT n.sentence_id, s.start, n.surface, n.value, n.unit, n.kind, n.qualifier, n.rate, n.iso, n.low, n.high, n."of", n.key, n.start, n."end" '
        "FROM numbers n JOIN sentences s ON s.id = n.sentence_id JOIN articles a ON a.id = n.article_id WHERE a.story_id = ? ORDER BY n.id",
        (story_id,),
    ):
        number = dict(zip(columns, row[2:]))
        # Stored offsets index the article; the aligner reads them within the sentence.
        number["start"] -= row[1]
        number["end"] -= row[1]
        sentences[row[0]]["numbers"].append(number)
    return list(sentences.values())


def replace_story_analyses(db, analyses):
    """Swap stories' alignments, claims and labels for new ones, in one transaction.

    analyses: [(story_id, label, alignments, claims)].
    """
    with db.conn:
        for story_id, label, alignments, claims in analyses:
            _replace_story_analysis(db, story_id, label, alignments, claims)


def _replace_story_analysis(db, story_id, label, alignments, claims):
    db.conn.execute("DELETE FROM claim_sentences WHERE claim_id IN (SELECT id FROM claims WHERE story_id = ?)", (story_id,))
    db.conn.execute("DELETE FROM claims WHERE story_id = ?", (story_id,))
    db.conn.execute("DELETE FROM alignments WHERE story_id = ?", (story_id,))
    db.conn.executemany(
        "INSERT INTO alignments (story_id, sentence_a, sentence_b, score, relation) VALUES (?, ?, ?, ?, ?)",
        [(story_id, p["sentence_a"], p["sentence_b"], p["score"], p["relation"]) for p in alignments],
    )
    # Claim ids handed out as SQLite would (one more than the largest): two executemany calls.
    next_claim = db.conn.execute("SELECT coalesce(max(id), 0) + 1 FROM claims").fetchone()[0]
    claim_rows, member_rows = [], []
    for claim_id, claim in enumerate(claims, start=next_claim):
        claim_rows.append((claim_id, story_id, claim["sentence_id"], claim["text"], claim["n_articles"], len(claim["sentence_ids"])))
        member_rows.extend((claim_id, s) for s in claim["sentence_ids"])
    db.conn.executemany(
        "INSERT INTO claims (id, story_id, sentence_id, text, n_articles, n_sentences) VALUES (?, ?, ?, ?, ?, ?)", claim_rows
    )
    db.conn.executemany("INSERT INTO claim_sentences (claim_id, sentence_id) VALUES (?, ?)", member_rows)
    db.conn.execute(
        "UPDATE stories SET n_articles = (SELECT count(*) FROM articles WHERE story_id = ?), "
        "label = CASE WHEN forced = 1 THEN label ELSE ? END WHERE id = ?",
        (story_id, label, story_id),
    )


def story_members(db, article_ids):
    """Every article id of the stories the given articles belong to (and the articles themselves)."""
    members = set(article_ids)
    story_ids = {r[0] for r in select_in(db, "SELECT DISTINCT story_id FROM articles WHERE story_id IS NOT NULL AND id IN ({})", article_ids)}
    members.update(r[0] for r in select_in(db, "SELECT id FROM articles WHERE story_id IN ({})", story_ids))
    return members


def merge_stories(db, mapping):
    """mapping: {story id: story id to merge into}. Returns the surviving story ids."""
    with db.conn:
        for old, new in mapping.items():
            db.conn.execute("UPDATE articles SET story_id = ? WHERE story_id = ?", (new, old))
            db.conn.execute("DELETE FROM claim_sentences WHERE claim_id IN (SELECT id FROM claims WHERE story_id = ?)", (old,))
            db.conn.execute("DELETE FROM claims WHERE story_id = ?", (old,))
            db.conn.execute("DELETE FROM alignments WHERE story_id = ?", (old,))
            db.conn.execute("DELETE FROM stories WHERE id = ?", (old,))
    return set(mapping.values())
