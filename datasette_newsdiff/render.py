"""How newsdiff columns look on Datasette's table and row pages. Everything is escaped."""

from markupsafe import Markup, escape

from ingest import diff, numbers


def article_text(text):
    # One <p> per line: the line breaks are the article's paragraphs.
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in text.split("\n") if p.strip())
    return Markup(f'<div class="newsdiff-article">{paragraphs}</div>')


def sentence_with_figures(text):
    """The sentence with each figure marked, its normalised reading in the tooltip."""
    out, at = [], 0
    for n in numbers.extract(text):
        amount = n["iso"] or (f"{n['value']:,.10g}" if n["value"] is not None else None)
        reading = " ".join(v for v in (amount, n["unit"], n["rate"] and f"per {n['rate']}") if v)
        out.append(escape(text[at : n["start"]]))
        out.append(Markup('<mark class="newsdiff-figure" title="{}: {}">{}</mark>').format(n["kind"], reading, n["surface"]))
        at = n["end"]
    out.append(escape(text[at:]))
    return Markup("").join(out)


def aligned_diff(row):
    return Markup(f'<span class="newsdiff-diff">{diff.diff_html(row["text_a"], row["text_b"])}</span>')


def cell(row, value, column, table):
    """The HTML for a cell, or None to let Datasette render it."""
    if not isinstance(value, str):
        return None
    if table == "articles" and column == "text":
        return article_text(value)
    if table in ("sentences", "body_sentences", "figures") and column in ("text", "sentence"):
        return sentence_with_figures(value)
    if table == "aligned_pairs" and column == "text_b":
        return aligned_diff(row)
    return None
