"""SQL functions over the very code ingest uses, so ad-hoc SQL and stored rows agree.

Input size is capped: an argument longer than MAX_CHARS characters gives NULL. The
analysis runs in Python inside one SQLite call, where Datasette's time limit
(sql_time_limit_ms, 1 s by default) cannot interrupt it; below the cap every function
finishes well within that limit (a 1 MB argument would take newsdiff_similarity several
seconds, newsdiff_numbers a few; 50,000 characters, some 8,000 words, take each
under half a second). Ingest itself is not capped.
"""

import json

from ingest import conflicts, diff, numbers, segment, similarity


def text_arg(value):
    """SQLite hands over str, bytes, int, float or None; anything but None becomes text."""
    if value is None:
        return None
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return str(value)


# The longest argument the SQL functions analyse (characters); longer gives NULL.
MAX_CHARS = 50_000


def null_safe(function):
    """NULL in any argument gives NULL out, as SQL's own functions do; so does any error
    inside the analysis code. The analysis modules raise (ingest must hear of a failure,
    and reports the article), but in SQL one odd value must never abort a whole query
    over a table: NULL is SQL's own way to say "no answer for this row"."""

    def wrapped(*args):
        args = [text_arg(a) for a in args]
        if any(a is None for a in args):
            return None
        if any(len(a) > MAX_CHARS for a in args):
            return None
        try:
            return function(*args)
        except Exception:
            return None

    return wrapped


def sentences_json(text):
    return json.dumps([s.text for s in segment.segment(text)], ensure_ascii=False)


def numbers_json(text):
    return json.dumps([f.reading() for f in numbers.extract(text)], ensure_ascii=False)


def conflicts_json(a, b):
    # The fields that do not name stored rows: kind, value_a, value_b, detail, strength.
    return json.dumps([{"kind": c.kind, "value_a": c.value_a, "value_b": c.value_b, "detail": c.detail,
                        "strength": c.strength} for c in conflicts.between(a, b)], ensure_ascii=False)


FUNCTIONS = {
    "newsdiff_sentences": (1, sentences_json),
    "newsdiff_numbers": (1, numbers_json),
    "newsdiff_similarity": (2, similarity.similarity),
    "newsdiff_diff": (2, diff.diff_html),
    "newsdiff_conflicts": (2, conflicts_json),
}


def register(conn):
    for name, (n_args, function) in FUNCTIONS.items():
        conn.create_function(name, n_args, null_safe(function), deterministic=True)
