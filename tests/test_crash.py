"""Crash safety: an ingest killed at any moment, then rerun, ends with exactly the rows of
an uninterrupted run. Real processes, killed with SIGKILL at random moments."""
import difflib
import json
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from ingest import pipeline, store

from .conftest import BENCHMARKS, ROOT

ECB = BENCHMARKS / "clusters" / "ecbplus_docs.jsonl"
pytestmark = pytest.mark.skipif(not ECB.exists(), reason="ECB+ benchmark data not beside the checkout")


def archive(path, n=150):
    """n real ECB+ articles as JSON Lines (several stories, several batches)."""
    with open(ECB, encoding="utf-8") as f:
        docs = [json.loads(line) for line in f][::5]
    with open(path, "w", encoding="utf-8") as out:
        for d in docs[:n]:
            sents = d["sentences"][1:] if d["subtopic"] == "ecbplus" else d["sentences"]
            if len(sents) < 3:
                continue
            out.write(json.dumps({"title": sents[0], "text": "\n".join(sents[1:]), "url": d["doc_name"]}) + "\n")
    return path


def frozen_code(tmp_path):
    """A copy of the ingest package that every run of a test imports: the runs span a minute,
    and a source file saved in the checkout meanwhile (figures rules change often) would make
    the later runs store other rows than the reference did, a failure that is no crash bug."""
    folder = tmp_path / "code"
    shutil.copytree(ROOT / "ingest", folder / "ingest", ignore=shutil.ignore_patterns("__pycache__"))
    return folder


def command(db, source):
    # Small batches: more transactions, so more moments to be killed between them.
    code = ("import sys; from ingest import pipeline; pipeline.BATCH = 40; pipeline.STORY_TASK = 5; "
            "from ingest.cli import cli; cli(sys.argv[1:])")
    return [sys.executable, "-c", code, "ingest", str(db), str(source), "--workers", "1", "--quiet"]


def differences(expected, got, most=20):
    """The first lines of a unified diff of two dumps: what a failure shows."""
    lines = list(difflib.unified_diff(expected, got, "uninterrupted", "killed and rerun", n=0, lineterm=""))
    return "\n".join(line[:200] for line in lines[:most]) + (f"\n... {len(lines) - most} more" if len(lines) > most else "")


def dump(path):
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def test_killed_runs_rerun_to_exactly_the_rows_of_an_uninterrupted_run(tmp_path):
    source = archive(tmp_path / "ecb.jsonl")
    code = frozen_code(tmp_path)    # "python -c" puts the working directory first on sys.path
    reference = tmp_path / "reference.db"
    started = time.monotonic()
    subprocess.run(command(reference, source), check=True, cwd=code)
    full = time.monotonic() - started
    expected = dump(reference)

    rng = random.Random(7)
    kills = 0
    for trial in range(3):
        db = tmp_path / f"killed-{trial}.db"
        for _ in range(4):
            process = subprocess.Popen(command(db, source), cwd=code)
            try:
                process.wait(timeout=rng.uniform(0.05, 0.9) * full)
            except subprocess.TimeoutExpired:
                process.send_signal(signal.SIGKILL)
                process.wait()
                kills += 1
        subprocess.run(command(db, source), check=True, cwd=code)
        got = dump(db)
        assert got == expected, f"trial {trial}:\n{differences(expected, got)}"
    assert kills >= 3     # runs really were interrupted, at several moments
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("select count(*) from articles where story_id is null").fetchone()[0] == 0
    assert conn.execute("select count(*) from stories where pending = 1").fetchone()[0] == 0


def test_a_rerun_repairs_what_an_interrupted_run_left(tmp_path):
    # Stop a run by hand between its steps: articles stored, stories not yet assigned.
    path = tmp_path / "news.db"
    source = ROOT / "ingest" / "example"
    db = store.open_db(str(path))
    report = pipeline.Report()
    for raw in pipeline.readers.read([str(source)]):
        pipeline.store_batch(db, [pipeline.analyse(raw)], report)
    assert db.conn.execute("select count(*) from articles where story_id is null").fetchone()[0] == 5
    rerun = pipeline.ingest(db, [str(source)], workers=1)
    assert rerun.added == 0 and rerun.duplicates == 5
    assert len(rerun.stories) == 2
    assert db.conn.execute("select count(*) from articles where story_id is null").fetchone()[0] == 0
    assert db.conn.execute("select count(*) from alignments").fetchone()[0] > 0

    # A story marked pending (its analysis lost) is analysed again by the next run.
    story = db.conn.execute("select story_id from articles limit 1").fetchone()[0]
    with db.conn:
        store.delete_story_analysis(db, story)
        db.conn.execute("update stories set pending = 1 where id = ?", [story])
    again = pipeline.ingest(db, [str(source)], workers=1)
    assert again.repaired == 1 and not again.stories
    assert db.conn.execute("select count(*) from claims where story_id = ?", [story]).fetchone()[0] > 0
