"""SQL functions given huge arguments, through Datasette: within its time limit."""

import time

import pytest

from datasette_newsdiff import functions
from ingest import diff

from .conftest import sql

# One megabyte of text, made by SQLite (too long for a URL): ~18,500 sentences with figures.
BIG = ("substr(replace(hex(zeroblob(9300)), '0', "
       "'Allies plan to spend 5 billion euros per month as the war enters its third year. '), 1, 1000000)")


@pytest.mark.asyncio
@pytest.mark.parametrize("call", ["newsdiff_diff(:a, :b)", "newsdiff_conflicts(:a, :b)",
                                  "newsdiff_similarity(:a, :b)", "newsdiff_numbers(:a)", "newsdiff_sentences(:a)"])
async def test_a_one_megabyte_argument_gives_null_within_the_time_limit(ds, call):
    started = time.perf_counter()
    rows = await sql(ds, f"with t(a, b) as (select {BIG}, replace({BIG}, 'third', 'fourth')) "
                         f"select length(a) as n, {call.replace(':', '')} as out from t")
    assert rows == [{"n": 1_000_000, "out": None}]
    assert time.perf_counter() - started < 1.0


def test_arguments_up_to_the_cap_are_analysed():
    a = ("the war enters its third year. " * 2000)[: functions.MAX_CHARS]
    b = a.replace("third", "fourth")[: functions.MAX_CHARS]
    wrapped = functions.null_safe(diff.diff_html)
    assert wrapped(a, b) == diff.diff_html(a, b)
    assert wrapped(a + "x", b) is None
