"""An archive split into databases (one per month here) that one Datasette serves side by
side: the plugin works on each, and a cross-database query spans them."""
import pytest
from datasette.app import Datasette

from ingest import pipeline, store

from .conftest import EXAMPLE


@pytest.fixture(scope="module")
def months(tmp_path_factory):
    folder = tmp_path_factory.mktemp("months")
    files = sorted(EXAMPLE.glob("*.txt"))
    paths = []
    for name, part in (("2025-11", files[4:]), ("2025-12", files[:4])):
        path = folder / f"{name}.db"
        pipeline.ingest(store.open_db(str(path)), [str(f) for f in part], workers=1)
        paths.append(path)
    return paths


@pytest.mark.asyncio
async def test_one_datasette_serves_every_month_and_queries_across_them(months):
    ds = Datasette(immutables=[str(p) for p in months], crossdb=True)
    for name in ("2025-11", "2025-12"):
        # each database has its stories, views and the plugin's SQL functions
        response = await ds.client.get(f"/{name}.json", follow_redirects=True, params={
            "sql": "select story_id, name, n_body, newsdiff_similarity('a b c', 'a b c') as s from story_overview",
            "_shape": "array"})
        assert response.status_code == 200, response.text
        rows = response.json()
        assert rows and all(r["n_body"] > 0 and r["s"] == 1.0 for r in rows)
    # one query over both months (Datasette's --crossdb attaches them to _memory)
    sql = ('select \'2025-11\' as month, count(*) as n from [2025-11].articles '
           'union all select \'2025-12\', count(*) from [2025-12].articles')
    response = await ds.client.get("/_memory.json", follow_redirects=True, params={"sql": sql, "_shape": "array"})
    assert response.status_code == 200, response.text
    assert {r["month"]: r["n"] for r in response.json()} == {"2025-11": 1, "2025-12": 4}
    conflicts = await ds.client.get("/_memory.json", follow_redirects=True, params={
        "sql": "select kind, detail from [2025-12].conflict_pairs union all select kind, detail from [2025-11].conflict_pairs",
        "_shape": "array"})
    assert {r["kind"] for r in conflicts.json()} >= {"number", "acronym"}
