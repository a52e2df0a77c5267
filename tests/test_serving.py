"""Serving while writing: a reader that keeps querying while ingests add articles never
sees half a story (a story's rows change in one transaction) and never fails."""
import json
import sqlite3
import subprocess
import sys

import pytest
from datasette.app import Datasette

from .conftest import BENCHMARKS, ROOT

ECB = BENCHMARKS / "clusters" / "ecbplus_docs.jsonl"
pytestmark = pytest.mark.skipif(not ECB.exists(), reason="ECB+ benchmark data not beside the checkout")

# Stories whose analysis is stored must have every body sentence in exactly one claim.
TORN = """
select s.id as story, count(distinct sen.id) as body,
       (select count(*) from claim_sentences cs join claims c on c.id = cs.claim_id where c.story_id = s.id) as claimed
from stories s join articles a on a.story_id = s.id join sentences sen on sen.article_id = a.id and sen.role = 'body'
where s.pending = 0 group by s.id having body != claimed
"""


def write_parts(folder, parts=3, n=120):
    with open(ECB, encoding="utf-8") as f:
        docs = [json.loads(line) for line in f][1::4][:n]
    paths = []
    for k in range(parts):
        path = folder / f"part{k}.jsonl"
        with open(path, "w", encoding="utf-8") as out:
            for d in docs[k::parts]:
                sents = d["sentences"][1:] if d["subtopic"] == "ecbplus" else d["sentences"]
                if len(sents) >= 3:
                    out.write(json.dumps({"title": sents[0], "text": "\n".join(sents[1:]), "url": d["doc_name"]}) + "\n")
        paths.append(path)
    return paths


@pytest.mark.asyncio
async def test_a_reader_never_sees_half_a_story_while_ingests_write(tmp_path):
    db = tmp_path / "live.db"
    parts = write_parts(tmp_path)
    script = ("import sys; from ingest import pipeline; pipeline.STORY_TASK = 2; from ingest.cli import cli; "
              "[cli(['ingest', sys.argv[1], p, '--workers', '1', '--quiet'], standalone_mode=False) for p in sys.argv[2:]]")
    writer = subprocess.Popen([sys.executable, "-c", script, str(db), *map(str, parts)], cwd=ROOT)
    checks = torn = 0
    ds = None
    try:
        while writer.poll() is None:
            if not db.exists():
                continue
            conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
            try:
                if conn.execute("select count(*) from sqlite_master where name = 'newsdiff_meta'").fetchone()[0]:
                    torn += len(conn.execute(TORN).fetchall())
                    checks += 1
            finally:
                conn.close()
            if ds is None and checks:
                # what is read matters here, not how fast: a busy machine hit the 1 s limit
                ds = Datasette([str(db)], settings={"sql_time_limit_ms": 60_000})
            if ds is not None:
                response = await ds.client.get("/live/story_overview.json?_shape=array")
                assert response.status_code == 200, response.text
    finally:
        writer.wait()
    assert writer.returncode == 0
    assert checks >= 5 and torn == 0
    conn = sqlite3.connect(db)
    assert conn.execute("select count(*) from stories where pending = 1").fetchone()[0] == 0
    assert not conn.execute(TORN.replace("s.pending = 0", "1")).fetchall()
