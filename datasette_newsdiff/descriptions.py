"""What every newsdiff database's tables, views and columns mean, and which column names a
row: supplied by the plugin to any database that carries the marker, on Datasette 0.65
(the get_metadata hook) and on the 1.0 alphas (the metadata API at startup).

A user's own metadata (datasette -m) always wins: the plugin only fills what it leaves out.
"""

SOURCE = "File path as given to newsdiff ingest (relative paths stay relative), file path with record number (file.jsonl#3), or URL"
OFFSET_START = "Offset of the first character in articles.text"
OFFSET_END = "Offset after the last character in articles.text (substr(text, start + 1, end - start))"
STORY = "The story (same real-world event)"
NAME = "The article's name: its outlet, else its site or file name"

TABLES = {
    "articles": {
        "label_column": "name",
        "description": "One row per article. Metadata comes from the input file or, for plain text, from its leading lines (outlet, headline, dateline, byline). Each row page shows the whole text with its figures marked, and links to its story, comparisons, sentences, figures, alignments and claims.",
        "columns": {
            "id": "Article id",
            "name": NAME,
            "source": SOURCE,
            "outlet": "Publication name, when the input names it",
            "title": "Headline, when the input has one",
            "byline": "Author line, without the leading \"By\"",
            "published": "Publication date or time, ISO 8601, when the input gives it",
            "url": "Address of the article when the input gave one",
            "text": "Full text as read (Unicode NFC); sentence and figure offsets index into it",
            "content_hash": "SHA-256 of the text; the same text is never stored twice",
            "story_id": "The story (same real-world event) this article tells",
            "n_sentences": "Number of sentences",
            "fingerprint": "MinHash signature used to find articles of the same story",
        },
    },
    "stories": {
        "label_column": "label",
        "description": "Groups of articles that tell the same story (the same event), found automatically or named with --story. Each label links to the story's page and its queries.",
        "columns": {
            "id": "Story id",
            "label": "A short human label for the story (the headline of one of its articles)",
            "n_articles": "Number of articles in the story",
            "forced": "1 when the story was named with newsdiff ingest --story",
            "pending": "1 while the story's analysis waits to be (re)computed",
        },
    },
    "sentences": {
        "label_column": "text",
        "description": "Every sentence of every article, in order, with its role in the article. Full-text search is enabled on text.",
        "columns": {
            "id": "Sentence id",
            "article_id": "The article",
            "idx": "Position in the article, from 0",
            "paragraph": "Paragraph (line) number in the article, from 0",
            "role": "body, headline, heading, byline, dateline, outlet, section or tagline; later stages compare body with body",
            "text": "The sentence, its figures marked",
            "start": OFFSET_START,
            "end": OFFSET_END,
        },
    },
    "numbers": {
        "description": "Every figure a sentence states (money, percentages, counts, ordinals, years, dates, durations...), normalised so the same quantity can be compared across articles.",
        "columns": {
            "id": "Figure id",
            "sentence_id": "The sentence stating it",
            "article_id": "The article stating it",
            "surface": "The exact text of the figure",
            "value": "Its numeric value after scaling (5 billion euros -> 5000000000, shown as 5 billion)",
            "unit": "ISO 4217 currency code, % or pp, or the counted thing (member state, year, hour)",
            "kind": "money, percent, count, ordinal, year, date, duration, fraction, multiplier, measure or number",
            "qualifier": "approximate, lower bound or upper bound (\"about\", \"more than\", \"up to\")",
            "rate": "The period of a rate (\"per month\" -> month)",
            "iso": "ISO 8601 value of a date or year",
            "low": "Lower end of a range",
            "high": "Upper end of a range",
            "of": "What an ordinal orders or a figure measures (\"year\" in \"its fourth year\")",
            "key": "Pairs the same quantity across articles (money:EUR:month, ordinal:year, ...)",
            "start": OFFSET_START,
            "end": "Offset after the last character in articles.text",
        },
    },
    "alignments": {
        "description": "Pairs of sentences from two different articles of a story that say the same thing, with a score from 0 to 1. The aligned_pairs view shows both texts and what changed.",
        "columns": {
            "id": "Alignment id",
            "story_id": STORY,
            "sentence_a": "The sentence with the smaller id",
            "sentence_b": "The sentence with the larger id",
            "score": "How similar the two sentences are, 0 to 1",
            "relation": "identical, near-identical, paraphrase or partial",
        },
    },
    "claims": {
        "label_column": "text",
        "description": "One row per distinct statement of a story; claim_sentences lists the sentences that make it.",
        "columns": {
            "id": "Claim id",
            "story_id": STORY,
            "sentence_id": "The representative sentence (its text is the text column)",
            "text": "The representative sentence's text",
            "n_articles": "How many articles of the story make this statement",
            "n_sentences": "How many sentences make it",
        },
    },
    "claim_sentences": {
        "description": "Which sentences make which claim.",
        "columns": {"claim_id": "The claim", "sentence_id": "A sentence making it"},
    },
    "conflicts": {
        "description": "Where two articles of a story disagree: a number, who said something, an acronym's expansion, a quotation, a date or a name's spelling. The conflict_pairs view shows both sentences.",
        "columns": {
            "id": "Conflict id",
            "story_id": STORY,
            "kind": "number, attribution, acronym, quote, date or spelling",
            "sentence_a": "The sentence of one article",
            "sentence_b": "The sentence of the other",
            "value_a": "What the first says",
            "value_b": "What the second says",
            "detail": "One line a reader understands without the table",
            "strength": "strong, or weak where qualifiers or ranges make the disagreement uncertain",
        },
    },
    "provenance": {
        "description": "For each ordered pair of articles of a story: how much of one is found in the other, and whether it was probably derived from it.",
        "columns": {
            "id": "Row id",
            "story_id": STORY,
            "article_id": "The article that may be derived",
            "source_id": "The article it may be derived from",
            "containment": "Share of article_id's body found in source_id, 0 to 1",
            "derivation": "wholly, partially or independent: article_id from source_id",
            "shared_rare": "JSON array of rare strings both carry",
            "source_first": "1 when source_id was published first, 0 when after, empty when a date is unknown",
            "evidence": "One line saying why",
        },
    },
    "newsdiff_meta": {"description": "Marks the database as built by newsdiff ingest (schema, schema_version)."},
    "body_sentences": {"description": "Body sentences only (no headlines, bylines or headings), with the article's story and outlet."},
    "figures": {"description": "Every figure with its article, story and sentence, ready to compare."},
    "aligned_pairs": {
        "description": "Aligned sentence pairs: both texts, each in full, and under the second what changed from the first (struck out: only in A; underlined: only in B).",
        "columns": {"text_a": "The sentence of article_a", "text_b": "The sentence of article_b, then the word changes from text_a"},
    },
    "story_overview": {"description": "One row per article of a story: body sentences, how many it shares, adds, and disputes."},
    "coverage": {"description": "Claims by article: one row per sentence of a claim, with its best alignment score within the claim."},
    "conflict_pairs": {"description": "Conflicts with both articles' names and sentences."},
    "linked_sentences": {"description": "Sentences that state the same thing as another, or a variant of it (aligned or in conflict), both ways round."},
    "unique_sentences": {"description": "What each article adds: body sentences no other article of its story carries in any form."},
    "missing_from": {"description": "For each ordered pair of articles of a story: body sentences of article_id that other_id does not carry in any form."},
    "quote_variants": {"description": "Quotations shortened, extended, altered or given to another speaker."},
    "claim_figures": {"description": "Every figure of a story's claims, by the article that states it."},
    "likely_sources": {"description": "Each article's most likely source in its story (highest containment among those it derives from)."},
}


# What 0.65 lets a database and its tables inherit from the instance, and the 1.0 alphas
# do not: copied down at startup so the licence and source line stays on every page.
INHERITED = ("license", "license_url", "source", "source_url", "about", "about_url")


def get_metadata(databases, local=None):
    """Datasette 0.65's get_metadata answer for these newsdiff databases: a user's
    metadata.yml (local) is merged over it. Row pages show the table's metadata alone, so
    each table also carries the licence and source line of its database or instance."""
    if not databases:
        return {}
    local = local or {}
    answer = {}
    for name in databases:
        database = (local.get("databases") or {}).get(name) or {}
        inherited = {k: v for k, v in database.items() if k in INHERITED} or {
            k: v for k, v in local.items() if k in INHERITED}
        answer[name] = {"tables": {t: {**inherited, **meta} for t, meta in TABLES.items()}}
    return {"databases": answer}


async def apply(datasette, database):
    """The 1.0 alphas: write the same descriptions into Datasette's metadata tables, and
    the label columns into its table configuration, wherever the user set none."""
    instance = await datasette.get_instance_metadata()
    inherited = {k: v for k, v in instance.items() if k in INHERITED}
    database_metadata = await datasette.get_database_metadata(database)
    if not any(k in database_metadata for k in INHERITED):
        for key, value in inherited.items():
            await datasette.set_database_metadata(database, key, value)
        inherited_here = inherited
    else:
        inherited_here = {k: v for k, v in database_metadata.items() if k in INHERITED}
    names = await datasette.get_database(database).table_names() + await datasette.get_database(database).view_names()
    for table in names:
        resource = await datasette.get_resource_metadata(database, table)
        described = TABLES.get(table, {})
        if "description" not in resource and "description_html" not in resource and described.get("description"):
            await datasette.set_resource_metadata(database, table, "description", described["description"])
        if not any(k in resource for k in INHERITED):
            for key, value in inherited_here.items():
                await datasette.set_resource_metadata(database, table, key, value)
        for column, text in described.get("columns", {}).items():
            if "description" not in await datasette.get_column_metadata(database, table, column):
                await datasette.set_column_metadata(database, table, column, "description", text)
        if described.get("label_column"):
            config = datasette.config if datasette.config is not None else {}
            datasette.config = config
            tables = config.setdefault("databases", {}).setdefault(database, {}).setdefault("tables", {})
            tables.setdefault(table, {}).setdefault("label_column", described["label_column"])


async def row_header(datasette, database, table):
    """The 1.0 alphas' row page leaves out the table's description and the licence and
    source line (its template gets empty metadata): the top_row hook puts them back, as
    Datasette's own _description_source_license.html would draw them."""
    from markupsafe import Markup

    meta = await datasette.get_resource_metadata(database, table)
    parts = []
    if meta.get("description_html"):
        parts.append(Markup('<div class="metadata-description">{}</div>').format(Markup(meta["description_html"])))
    elif meta.get("description"):
        parts.append(Markup('<div class="metadata-description">{}</div>').format(meta["description"]))
    line = []
    for label, key in (("Data license", "license"), ("Data source", "source"), ("About", "about")):
        text, url = meta.get(key), meta.get(f"{key}_url")
        if url:
            line.append(Markup('{}: <a href="{}">{}</a>').format(label, url, text or url))
        elif text:
            line.append(Markup("{}: {}").format(label, text))
    if line:
        parts.append(Markup("<p>{}</p>").format(Markup(" &middot; ").join(line)))
    return str(Markup("").join(parts))
