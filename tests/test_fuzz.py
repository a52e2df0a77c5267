"""Property tests over the pure text functions: no exception escapes on any input,
offsets index the text, the diff rebuilds both texts, similarity stays in 0..1, and every
call finishes in bounded time (hypothesis' deadline, plus adversarial inputs timed here).

Deterministic: derandomized, no example database, so CI sees the same examples each run.
"""

import asyncio
import html
import json
import re
import sqlite3
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from datasette_newsdiff import functions
from ingest import conflicts, diff, numbers, readers, segment, similarity
from ingest.records import RawArticle

# No deadline: these test what happens, not how fast (a busy machine made single examples
# miss a 2 s deadline); time on hostile input is the linear-growth checks' job below.
FUZZ = settings(max_examples=120, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(FUZZ, max_examples=40)

# News-like text: words, digits, currency, punctuation that the rules look at, quotes,
# brackets, whitespace of every kind, and now and then any character at all.
PIECES = st.sampled_from([
    "NATO", "Rutte", "U.S.", "Mr.", "Dr", "e.g.", "said", "the", "war", "third", "fourth", "year",
    "1", "2.5", "1,000", "$", "€", "£", "%", "per cent", "billion", "bn", "m", "million", "km",
    "2025", "Dec 3", "3 December 2025", "Wednesday", "-", "–", "—", ".", "..", "...", "…", "!", "?",
    ",", ";", ":", "'", '"', "“", "”", "‘", "’", "«", "»", "(", ")", "[", "]", " ", "  ", "\n", "\n\n",
    "\t", "\u00a0", "\u2028", "a", "I", "Z", "1.", "a)", "•", "#", "*", "COVID-19", "F-16", "www.x.org",
])
TEXT = st.one_of(
    st.lists(PIECES, max_size=40).map("".join),
    st.lists(st.one_of(PIECES, st.text(max_size=5)), max_size=30).map(" ".join),
    st.text(max_size=200),
)


# Readers

@FUZZ
@given(st.binary(max_size=2000))
def test_decode_gives_text_or_says_why_not(data):
    try:
        text = readers.decode(data)
    except ValueError as e:
        assert str(e) and "\n" not in str(e)
        return
    assert isinstance(text, str)
    text.encode("utf-8")   # storable


@FUZZ
@given(TEXT)
def test_unwrap_only_joins_lines(text):
    out = readers.unwrap(text)
    assert "".join(out.split()) == "".join(text.split())


KINDS = [None, ".txt", ".html", ".json", ".jsonl", ".csv", ".tsv"]
BYTES = st.one_of(
    st.binary(max_size=800),
    TEXT.map(lambda t: t.encode("utf-8")),
    st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
                 lambda c: st.lists(c, max_size=4) | st.dictionaries(
                     st.sampled_from(["text", "title", "authors", "url", "date", "x"]), c, max_size=4),
                 max_leaves=10).map(lambda v: json.dumps(v).encode()),
)


@SLOW
@given(BYTES, st.sampled_from(KINDS))
def test_parse_never_raises_and_reports_one_line_each(data, kind):
    items = list(readers.parse(data, "fuzz\udcff.txt", kind))
    assert items
    for item in items:
        assert isinstance(item, (RawArticle, readers.ReadError))
        line = str(item) if isinstance(item, readers.ReadError) else item.source
        assert "\n" not in line
        line.encode("utf-8")
        if isinstance(item, RawArticle):
            assert item.text.strip()
            item.text.encode("utf-8")
            for value in (item.title, item.outlet, item.byline, item.published, item.url):
                assert value is None or isinstance(value, str)


# Analysis modules: any str, no exception, offsets index the text

@FUZZ
@given(TEXT)
def test_segment_offsets_index_the_text(text):
    previous_end = 0
    for s in segment.segment(text):
        assert text[s.start:s.end] == s.text
        assert previous_end <= s.start < s.end
        previous_end = s.end


@FUZZ
@given(TEXT)
def test_figure_offsets_index_the_text(text):
    for f in numbers.extract(text):
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start:f.end] == f.surface
        json.dumps(f.reading())


@FUZZ
@given(TEXT, TEXT)
def test_similarity_is_a_symmetric_score(a, b):
    ab, ba = similarity.similarity(a, b), similarity.similarity(b, a)
    assert 0.0 <= ab <= 1.0 and 0.0 <= ba <= 1.0
    assert abs(ab - ba) <= 0.05


def rebuilt(markup, keep, drop):
    markup = re.sub(rf"<{drop}>.*?</{drop}>", "", markup, flags=re.S)
    return html.unescape(markup.replace(f"<{keep}>", "").replace(f"</{keep}>", ""))


@FUZZ
@given(TEXT, TEXT)
def test_diff_rebuilds_both_texts(a, b):
    markup = diff.diff_html(a, b)
    assert "<" not in re.sub(r"</?(del|ins)>", "", markup)   # all text escaped
    assert rebuilt(markup, "del", "ins") == a
    assert rebuilt(markup, "ins", "del") == b


@SLOW
@given(TEXT, TEXT)
def test_conflicts_between_any_texts(a, b):
    for c in conflicts.between(a, b):
        assert c.kind and isinstance(c.detail, str) and "\n" not in c.detail


# The SQL functions, on sqlite3 and through Datasette

SQL_VALUES = st.one_of(st.none(), st.integers(), st.floats(allow_nan=False), TEXT, st.binary(max_size=50))


@SLOW
@given(SQL_VALUES, SQL_VALUES)
def test_sql_functions_answer_or_return_null(a, b):
    conn = sqlite3.connect(":memory:")
    functions.register(conn)
    row = conn.execute("select newsdiff_sentences(?), newsdiff_numbers(?), newsdiff_similarity(?, ?), "
                       "newsdiff_diff(?, ?), newsdiff_conflicts(?, ?)", (a, a, a, b, a, b, a, b)).fetchone()
    if a is None:
        assert row[0] is None and row[1] is None
    else:
        assert isinstance(json.loads(row[0]), list) and isinstance(json.loads(row[1]), list)
    if a is not None and b is not None:
        assert 0.0 <= row[2] <= 1.0
        assert isinstance(row[3], str) and isinstance(json.loads(row[4]), list)


@settings(FUZZ, max_examples=10, deadline=None)
@given(st.lists(st.tuples(TEXT, TEXT), min_size=5, max_size=5))
def test_sql_functions_through_datasette(pairs):
    from datasette.app import Datasette

    async def run():
        ds = Datasette(memory=True)
        for a, b in pairs:
            response = await ds.client.get("/_memory.json", follow_redirects=True, params={
                "sql": "select newsdiff_sentences(:a) as s, newsdiff_numbers(:a) as n, newsdiff_similarity(:a, :b) as sim, "
                       "newsdiff_diff(:a, :b) as d, newsdiff_conflicts(:a, :b) as c",
                "a": a, "b": b, "_shape": "array"})
            assert response.status_code == 200, response.text
            [row] = response.json()
            assert json.loads(row["s"]) == segment.sentences(a) or a == "" and row["s"] is not None
            assert 0.0 <= row["sim"] <= 1.0
            assert row["d"] == diff.diff_html(a, b)

    asyncio.run(run())


# Adversarial inputs: time grows about linearly with their size. Each case is run at a
# quarter of its size and at full size (100,000 characters, twice MAX_CHARS of the SQL
# functions): linear work takes ~4x as long, quadratic 16x. The check is a ratio, so a
# slow or busy machine does not fail it; the allowance covers timer noise on short calls.

ADVERSARIAL = {
    "digits": lambda n: "7" * n,
    "dots": lambda n: "." * n,
    "quotes": lambda n: '"' * n,
    "curly quotes": lambda n: "“" * (n // 2) + "”" * (n // 2),
    "capitals": lambda n: "ABC DEF " * (n // 8),
    "a-dot": lambda n: "a." * (n // 2),
    "A-dot-space": lambda n: "A. " * (n // 3),
    "brackets": lambda n: "(" * (n // 2) + ")" * (n // 2),
    "mixed brackets": lambda n: "([{«" * (n // 4),
    "number words": lambda n: "one hundred and " * (n // 16),
    "digit groups": lambda n: "1,000," * (n // 6),
    "dashes": lambda n: "1-" * (n // 2),
    "spaces": lambda n: " " * n,
    "newlines": lambda n: "\n" * n,
    "one long word": lambda n: "x" * n,
}
FULL = 100_000
GROWTH = 8.0      # at most this many times longer for 4x the input (quadratic: 16x)
NOISE = 0.5       # seconds


def timed(function, *args):
    start = time.monotonic()
    function(*args)
    return time.monotonic() - start


def assert_about_linear(function, make, full=FULL):
    """function(*make(n)) at n = full / 4 and full: time grows less than quadratically."""
    small = timed(function, *make(full // 4))
    large = timed(function, *make(full))
    assert large < GROWTH * small + NOISE, (small, large)


@pytest.mark.parametrize("name", ADVERSARIAL)
@pytest.mark.parametrize("function", [
    segment.segment, numbers.extract, readers.unwrap,
    lambda t: readers.decode(t.encode()),
    lambda t: similarity.similarity(t, t[: len(t) // 2]),
    lambda t: diff.diff_html(t, t[: len(t) // 2] + "changed"),
    lambda t: conflicts.between(t, t[: len(t) // 2] + " 5 billion"),
], ids=["segment", "numbers", "unwrap", "decode", "similarity", "diff", "conflicts"])
def test_adversarial_inputs_take_time_linear_in_their_size(function, name, request):
    assert_about_linear(function, lambda n: (ADVERSARIAL[name](n),))


# Found by the adversarial inputs above, and fixed: each was quadratic.

def test_diff_of_long_repetitive_text_is_linear():
    # was quadratic (difflib without its junk heuristic over 20,000 '.' tokens: a minute)
    assert_about_linear(diff.diff_html, lambda n: ("." * n, "." * (n - 100) + "changed"), full=12_000)
    assert_about_linear(diff.diff_html, lambda n: ("." * n, "," + "." * (n - 1)), full=20_000)
    assert_about_linear(diff.diff_html, lambda n: ("a b " * (n // 4), "b a " * (n // 4)), full=20_000)


def test_conflicts_of_a_chain_of_ranges_is_linear():
    # was quadratic ('1-1-1-...': 4,000 characters 3 s, 100,000 cut to MAX_CHARS 95 s)
    assert_about_linear(conflicts.between, lambda n: ("1-" * (n // 2), "1-" * (n // 4) + " 5 billion"), full=8_000)
    assert_about_linear(conflicts.between, lambda n: ("1-" * (n // 2), "2-" * (n // 2)))