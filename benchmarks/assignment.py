"""Story assignment of a first ingest, alone: memory, time and quality by chunk size.

    python benchmarks/assignment.py --n 10000                       # chunks of 5,000 and one pass
    python benchmarks/assignment.py --n 50000 --batches 5000,2000,0  # 0 = one pass

The synthetic archive of benchmarks/scale.py is stored once without stories (articles
analysed and stored by the pipeline, assignment and story analysis left out). Then, for
each chunk size, a fresh process copies that database and runs `pipeline.ingest` on it
with no input: the run assigns every unassigned article, `pipeline.ASSIGN_BATCH` at a
time, in one process. Story analysis is left out, so the peak memory (maxrss) and the
time are assignment's own. Quality is B-cubed against the synthetic events, with the
count of articles grouped into another event's story and how many of those events share
the ECB+ template (scale.py's stray_articles).
"""
import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time

import scale
from data import BENCHMARKS  # noqa: F401  (puts the repository on the import path)
from metrics import bcubed

from ingest import pipeline, store


def build(n, path):
    """The archive stored by the pipeline, no article in a story yet."""
    archive = path + ".jsonl"
    scale.write_jsonl(archive, scale.make_archive(n)[:n])
    skip = pipeline.assign_all, pipeline.analyse_stories
    pipeline.assign_all = lambda *args, **kwargs: set()
    pipeline.analyse_stories = lambda *args, **kwargs: None
    try:
        db = store.open_db(path)
        pipeline.ingest(db, [archive])
        db.conn.close()
    finally:
        pipeline.assign_all, pipeline.analyse_stories = skip


def assign(n, base, batch):
    """Assign every article of a copy of base, `batch` at a time (0: one pass); figures."""
    path = f"{base}-{batch}.db"
    shutil.copy(base, path)
    pipeline.ASSIGN_BATCH = batch or 10 ** 9
    pipeline.analyse_stories = lambda *args, **kwargs: None
    db = store.open_db(path)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.perf_counter()
    pipeline.ingest(db, [], workers=1)
    seconds = time.perf_counter() - started
    gold = {r["url"]: e for r, e in scale.make_archive(n)[:n]}
    pred = {url: story for url, story in db.conn.execute("SELECT url, story_id FROM articles")}
    db.conn.close()
    os.remove(path)
    return {"batch": batch, "seconds": seconds, "rss_before_mb": before,
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "bcubed": bcubed({u: gold[u] for u in pred}, pred), "stories": len(set(pred.values())),
            "strays": scale.stray_articles(pred, gold)}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=10000)
    ap.add_argument("--batches", default="5000,0", help="chunk sizes, 0 = one pass (default 5000,0)")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--base", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one is not None:
        print(json.dumps(assign(args.n, args.base, args.one)))
        return
    work = tempfile.mkdtemp(prefix="newsdiff-assign-")
    try:
        base = os.path.join(work, "base.db")
        started = time.perf_counter()
        build(args.n, base)
        print(f"{args.n:,} synthetic articles stored without stories in {time.perf_counter() - started:.0f} s",
              file=sys.stderr)
        print(f"story assignment of {args.n:,} stored articles, one process (benchmarks/assignment.py --n {args.n})")
        print(f"{'chunk':>12}{'seconds':>9}{'peak MB':>9}{'B-cubed P / R / F1':>22}{'stories':>9}{'strays / same template':>24}")
        for batch in (int(b) for b in args.batches.split(",")):
            out = subprocess.run([sys.executable, os.path.abspath(__file__), "--n", str(args.n), "--one", str(batch),
                                  "--base", base], check=True, stdout=subprocess.PIPE, text=True).stdout
            r = json.loads(out.strip().splitlines()[-1])
            p, rc, f = r["bcubed"]
            print(f"{(f'{batch:,}' if batch else 'one pass'):>12}{r['seconds']:>9.0f}{r['peak_mb']:>9.0f}"
                  f"{f'{p:.3f} / {rc:.3f} / {f:.3f}':>22}{r['stories']:>9,}{'%d / %d' % tuple(r['strays']):>24}", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
