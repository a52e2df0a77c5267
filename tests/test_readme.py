"""The README's SQL examples, run on the demo database through Datasette: each printed
result is what the query returns today (cells shortened with "..." match by prefix,
a cell wrapped onto a continuation line is joined back)."""
import re

import pytest

from .conftest import ROOT, sql

EXAMPLE = re.compile(r"```sql\n(.*?)```\n```\n(.*?)```", re.S)


def examples():
    out = []
    for query, printed in EXAMPLE.findall((ROOT / "README.md").read_text(encoding="utf-8")):
        if "_memory" in query:      # the cross-database example needs two monthly databases
            continue
        out.append(pytest.param(query, printed, id=query.strip().splitlines()[0][:60]))
    return out


def printed_rows(printed):
    lines = [line for line in printed.splitlines() if line.strip()]
    header = [c.strip() for c in lines[0].split("|")]
    rows = []
    for line in lines[1:]:
        cells = [c.strip() for c in line.split("|")]
        if rows and not cells[0] and len(cells) == 2:
            rows[-1][-1] += " " + cells[1]          # a wrapped last cell
        else:
            rows.append(cells)
    return header, rows


def shown(value):
    return "NULL" if value is None else str(value)


def matches(cell, value):
    value = " ".join(shown(value).split())
    cell = " ".join(cell.split())
    if cell.endswith("..."):
        return value.startswith(cell[:-3].rstrip())
    return value == cell


@pytest.mark.asyncio
@pytest.mark.parametrize("query,printed", examples())
async def test_readme_sql_example_prints_what_the_query_returns(ds, query, printed):
    header, rows = printed_rows(printed)
    result = await sql(ds, query)
    assert result, "the example returns no rows"
    assert list(result[0]) == header
    assert len(result) == len(rows)
    for got, want in zip(result, rows):
        for (column, value), cell in zip(got.items(), want):
            assert matches(cell, value), (column, cell, value)
