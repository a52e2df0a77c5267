"""How newsdiff columns look on Datasette's table and row pages. Everything is escaped.

Figures are marked from the stored `numbers` rows, never by extracting them again at
render time, so a page always shows what the database says.
"""

from markupsafe import Markup, escape

from ingest import diff

# A sentence's figures, with offsets made relative to the sentence (the table stores
# offsets into articles.text, and the sentence starts at sentences.start).
STORED_FIGURES = """
select numbers.start - sentences.start as start, numbers."end" - sentences.start as "end",
  numbers.surface, numbers.value, numbers.unit, numbers.kind, numbers.rate, numbers.iso
from numbers join sentences on sentences.id = numbers.sentence_id
where numbers.sentence_id = :sentence
order by numbers.start, numbers."end"
"""

# Where a sentence's id is found in the rows of each table or view that shows its text.
SENTENCE_TEXT = {
    ("sentences", "text"): "id",
    ("body_sentences", "text"): "id",
    ("figures", "sentence"): "sentence_id",
}


def article_text(text):
    # One <p> per line: the line breaks are the article's paragraphs.
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in text.split("\n") if p.strip())
    return Markup(f'<div class="newsdiff-article">{paragraphs}</div>')


def figure_reading(figure):
    """The normalised reading shown in a figure's tooltip: "5,000,000,000 EUR per month"."""
    value = figure["value"]
    amount = figure["iso"] or (f"{value:,.10g}" if value is not None else None)
    rate = figure["rate"] and f"per {figure['rate']}"
    return " ".join(v for v in (amount, figure["unit"], rate) if v)


def mark_figures(text, figures):
    """The sentence with each figure marked. A stored figure whose offsets do not give
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


async def sentence_with_figures(db, sentence_id, text):
    rows = await db.execute(STORED_FIGURES, {"sentence": sentence_id})
    return mark_figures(text, [dict(r) for r in rows.rows])


def aligned_diff(row):
    return Markup(f'<span class="newsdiff-diff">{diff.diff_html(row["text_a"], row["text_b"])}</span>')


def cell(row, value, column, table):
    """How to render a cell of a newsdiff database: an async function of the Database
    giving its HTML, or None to let Datasette render it. Decided from the names alone,
    so the other cells cost nothing."""
    if not isinstance(value, str):
        return None
    keys = set(row.keys())
    if table == "articles" and column == "text":
        return lambda db: _ready(article_text(value))
    if (table, column) in SENTENCE_TEXT:
        key = SENTENCE_TEXT[table, column]
        if key not in keys:  # e.g. ?_col= left the id out: Datasette's plain, escaped text
            return None
        return lambda db: sentence_with_figures(db, row[key], value)
    if table == "aligned_pairs" and column == "text_b" and {"text_a", "text_b"} <= keys:
        return lambda db: _ready(aligned_diff(row))
    return None


async def _ready(html):
    return html
