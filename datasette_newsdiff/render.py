"""How newsdiff columns look on Datasette's table, row and query pages. Everything is escaped.

Figures are marked from the stored `numbers` rows, never by extracting them again at
render time, so a page always shows what the database says.
"""

import contextvars
import json
import math
from urllib.parse import urlencode

from datasette.utils import tilde_encode
from markupsafe import Markup, escape

from ingest import diff, store

# The path of the request being served, set by the plugin's asgi_wrapper (Datasette 0.65's
# render_cell is not told the request): a table page shows an excerpt of an article.
REQUEST_PATH = contextvars.ContextVar("newsdiff_request_path", default=None)

# An article's text in a table view (the whole text is on its row page).
EXCERPT = 300

# A sentence's figures, with offsets made relative to the sentence (the table stores
# offsets into articles.text, and the sentence starts at sentences.start).
STORED_FIGURES = """
select numbers.start - sentences.start as start, numbers."end" - sentences.start as "end",
  numbers.surface, numbers.value, numbers.unit, numbers.kind, numbers.rate, numbers.iso
from numbers join sentences on sentences.id = numbers.sentence_id
where numbers.sentence_id = :sentence
order by numbers.start, numbers."end"
"""

# An article's figures, offsets into articles.text as stored.
ARTICLE_FIGURES = """
select start, "end", surface, value, unit, kind, rate, iso from numbers
where article_id = :article order by start, "end"
"""

OTHER_ARTICLES = "select id, name from articles where story_id = :story and id != :article order by id"

# Where a sentence's id is found in the rows of each table or view that shows its text.
SENTENCE_TEXT = {
    ("sentences", "text"): "id",
    ("body_sentences", "text"): "id",
    ("figures", "sentence"): "sentence_id",
}

# Tables and views whose `value` column is a figure's value (with its kind and unit beside it).
FIGURE_VALUES = {"numbers", "figures", "claim_figures", None}

def plugin_page(datasette, database, *parts):
    """The URL of one of the plugin's own pages (pages.py): /-/newsdiff/{database}/..."""
    return datasette.urls.path("/".join(["-/newsdiff", tilde_encode(database), *map(str, parts)]))


def link(href, text):
    return Markup('<a href="{}">{}</a>').format(href, text)


def article_text(text, figures=()):
    """One <p> per line (the line breaks are the article's paragraphs), each figure marked
    where the stored offsets (into the whole text) put it."""
    paragraphs, at = [], 0
    figures = list(figures)
    for line in text.split("\n"):
        start, end = at, at + len(line)
        at = end + 1
        if not line.strip():
            continue
        inside = [{**f, "start": f["start"] - start, "end": f["end"] - start}
                  for f in figures if f["start"] is not None and start <= f["start"] and f["end"] <= end]
        paragraphs.append(Markup("<p>{}</p>").format(mark_figures(line, inside)))
    return Markup('<div class="newsdiff-article">{}</div>').format(Markup("").join(paragraphs))


SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def human_number(value, kind=None, unit=None):
    """A figure's value as people write it: 5 billion, 4,000, 3.5%, 2025."""
    if value is None or isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return None
    if kind in ("year", "date", "ordinal") and float(value).is_integer():
        return str(int(value))
    if kind == "percent" or unit == "%":
        return f"{value:,.6g}%"
    for scale, word in SCALES:
        if abs(value) >= scale:
            return f"{plain(value / scale)} {word}"
    return plain(value)


def plain(value):
    """1234 -> 1,234; 2.50 -> 2.5; 0.3333333 -> 0.333333: no float noise, no exponent."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")


def figure_reading(figure):
    """The normalised reading shown in a figure's tooltip: "5,000,000,000 EUR per month"."""
    return store.figure_reading(figure["iso"], figure["value"], figure["unit"], figure["rate"])


def mark_figures(text, figures):
    """The text with each figure marked. A stored figure whose offsets do not give
    back its surface (or that overlaps the previous one) is left unmarked."""
    out, at = [], 0
    for f in figures:
        start, end = f["start"], f["end"]
        if start is None or end is None or start < at or text[start:end] != f["surface"]:
            continue
        out.append(escape(text[at:start]))
        out.append(Markup('<mark class="newsdiff-figure" title="{}: {}">{}</mark>').format(f["kind"], figure_reading(f), f["surface"]))
        at = end
    out.append(escape(text[at:]))
    return Markup("").join(out)


def stored_marks(text, marks):
    """The sentence with its stored marks (sentences.marks, store.figure_marks) applied:
    the same HTML mark_figures makes from the numbers rows. None when marks is not a
    list of [start, end, title] in order within the text."""
    if marks == "[]":  # most sentences: no figure
        return escape(text)
    try:
        spans = json.loads(marks)
    except (TypeError, ValueError):
        return None
    if not isinstance(spans, list):
        return None
    # Plain string joins of escaped pieces (Markup.format costs more than the rest of a cell).
    out, at = [], 0
    for span in spans:
        if not (isinstance(span, list) and len(span) == 3):
            return None
        start, end, title = span
        if not (isinstance(start, int) and isinstance(end, int) and isinstance(title, str)
                and at <= start <= end <= len(text)):
            return None
        out.append(escape(text[at:start]))
        out.append('<mark class="newsdiff-figure" title="%s">%s</mark>' % (escape(title), escape(text[start:end])))
        at = end
    out.append(escape(text[at:]))
    return Markup("".join(out))


async def sentence_with_figures(db, sentence_id, text):
    rows = await db.execute(STORED_FIGURES, {"sentence": sentence_id})
    return mark_figures(text, [dict(r) for r in rows.rows])


async def article_page(datasette, database, row, text):
    """The whole article, its figures marked, after a line of links to what newsdiff
    knows about it: its story, the comparisons with the other articles of the story, its
    sentences, figures, alignments and claims."""
    db = datasette.get_database(database)
    article_id = row["id"]
    figures = [dict(r) for r in (await db.execute(ARTICLE_FIGURES, {"article": article_id})).rows]
    links = []
    story_id = plain_value(row["story_id"]) if "story_id" in row.keys() else None
    if story_id is not None:
        links.append(link(plugin_page(datasette, database, "story", story_id), f"Story {story_id}"))
        others = (await db.execute(OTHER_ARTICLES, {"story": story_id, "article": article_id})).rows
        for other_id, name in others:
            a, b = sorted((article_id, other_id))
            links.append(link(plugin_page(datasette, database, "compare", a, b), f"compare with {name or other_id}"))
    table = lambda name, **args: datasette.urls.table(database, name) + "?" + urlencode(args)
    links += [
        link(table("sentences", article_id=article_id, _sort="idx"), "sentences"),
        link(table("figures", article_id=article_id), f"figures ({len(figures)})"),
        link(datasette.urls.database(database) + "/article_alignments?" + urlencode({"article": article_id}), "alignments"),
        link(table("coverage", article_id=article_id), "claims"),
    ]
    nav = Markup('<nav class="newsdiff-links">{}</nav>').format(Markup(" · ").join(links))
    return nav + article_text(text, figures)


def aligned_texts(row, keys):
    """text_b of aligned_pairs: the sentence itself, then what changed from text_a. When
    the row has the stored diff (alignments.diff) its own column shows it (below)."""
    if "diff" in keys and isinstance(row["diff"], str):
        return Markup('<span class="newsdiff-text">{}</span>').format(row["text_b"])
    return Markup('<span class="newsdiff-text">{}</span><span class="newsdiff-diff">{}</span>').format(
        row["text_b"], Markup(diff.diff_html(row["text_a"], row["text_b"])))


def excerpt(text, n=EXCERPT):
    """The start of an article for a table view: its first n characters, at a word."""
    flat = " ".join(text[: n * 2].split())
    if len(flat) <= n and len(text) <= n * 2:
        return flat
    return flat[:n].rsplit(" ", 1)[0] + "…"


def on_row_page(datasette, database, table):
    """True unless the request being served is a page of the table itself (or of the
    database): the row page, a query, or anything unknown shows the whole text."""
    path = REQUEST_PATH.get()
    if path is None:
        return True
    return datasette.urls.table(database, table) != path.split("?")[0].rstrip("/")


def diff_cell(row, value):
    """A diff column of a query (newsdiff_diff(text_a, text_b)) shown as HTML, but only when
    it is exactly the diff of the row's two texts: then it is our own escaped markup."""
    if diff.diff_html(row["text_a"], row["text_b"]) != value:
        return None
    return Markup('<span class="newsdiff-diff">{}</span>').format(Markup(value))


# Canned queries (queries.py) whose diff column is alignments.diff as stored: on their
# own page it is shown as it is, with no diff made again to check it.
STORED_DIFF_QUERIES = ("article_alignments",)


async def query_diff(datasette, database, row, value):
    path = (REQUEST_PATH.get() or "").split("?")[0].rstrip("/")
    if any(path == datasette.urls.table(database, q) for q in STORED_DIFF_QUERIES):
        return Markup('<span class="newsdiff-diff">{}</span>').format(Markup(value))
    return diff_cell(row, value)


# Every column cell() or pages.link_cell() may render; any other is Datasette's.
COLUMNS = frozenset({"value", "sentence_id", "text", "sentence", "text_b", "diff", "story_id", "label"})


def cell(row, value, column, table):
    """How to render a cell of a newsdiff database: an async function of (datasette,
    database name) giving its HTML, or None to let Datasette render it. Decided from the
    names alone, so the other cells cost nothing."""
    keys = set(row.keys())
    if column == "value" and table in FIGURE_VALUES and "kind" in keys and isinstance(value, (int, float)):
        shown = human_number(value, row["kind"], row["unit"] if "unit" in keys else None)
        if shown is None:
            return None
        return ready(Markup('<span class="newsdiff-value" title="{}">{}</span>').format(repr(value), shown))
    if table == "claims" and column == "sentence_id" and isinstance(plain_value(value), int):
        # Not the sentence's label (its text): the claim's text is in the row already.
        sentence_id = plain_value(value)
        return lambda datasette, database: _ready(
            link(datasette.urls.table(database, "sentences") + f"/{sentence_id}", f"sentence {sentence_id}"))
    if not isinstance(value, str):
        return None
    if table == "articles" and column == "text":
        return lambda datasette, database: article_cell(datasette, database, row, keys, value)
    if (table, column) in SENTENCE_TEXT:
        key = SENTENCE_TEXT[table, column]
        if "marks" in keys and isinstance(row["marks"], str):
            html = stored_marks(value, row["marks"])
            if html is not None:
                return ready(html)
        if key not in keys:  # e.g. ?_col= left the id out: Datasette's plain, escaped text
            return None
        return lambda datasette, database: sentence_with_figures(datasette.get_database(database), row[key], value)
    if table == "aligned_pairs" and column == "text_b" and {"text_a", "text_b"} <= keys:
        return ready(aligned_texts(row, keys))
    if table == "aligned_pairs" and column == "diff" and isinstance(value, str):
        # The stored diff of a plugin's own view, on a newsdiff database (the hook checks).
        return ready(Markup('<span class="newsdiff-diff">{}</span>').format(Markup(value)))
    if table is None and column == "diff" and {"text_a", "text_b"} <= keys and isinstance(value, str):
        return lambda datasette, database: query_diff(datasette, database, row, value)
    return None


async def article_cell(datasette, database, row, keys, text):
    """The whole article on its row page; on a table page the start of it, linked to the
    row, with no query."""
    if not on_row_page(datasette, database, "articles"):
        shown = Markup('<div class="newsdiff-article newsdiff-excerpt"><p>{}</p></div>').format(excerpt(text))
        if "id" in keys and plain_value(row["id"]) is not None:
            href = datasette.urls.row(database, "articles", tilde_encode(str(plain_value(row["id"]))))
            shown += Markup(' <a href="{}">whole article ({:,} characters)</a>').format(href, len(text))
        return shown
    if "id" not in keys:
        return article_text(text)
    return await article_page(datasette, database, row, text)


def plain_value(value):
    """A foreign key's own value: the 1.0 alphas hand over {"value": ..., "label": ...}."""
    return value.get("value") if isinstance(value, dict) else value


def ready(html):
    return lambda datasette, database: _ready(html)


async def _ready(html):
    return html
