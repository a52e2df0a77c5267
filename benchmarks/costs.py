"""What each task of an ingest costs, in CPU time: the figures docs/scaling.md sizes a
deployment with.

    python benchmarks/costs.py              # 2,000 synthetic articles, about two minutes
    python benchmarks/costs.py --n 5000

benchmarks/scale.py times whole runs by the wall clock, which a shared machine makes
noisy; this script runs every task in this one process (no workers) and reads the CPU
clock (time.process_time) around each, so the figures hold on a busy machine too. The
archive is benchmarks/scale.py's synthetic one (real ECB+ sentences, seeded). Tasks are
the pipeline's own functions, in the pipeline's order:

  analyse          pipeline.analyse: structure, segmentation, figures, fingerprint (pure)
  store            pipeline.store_batch: the single writer's insert of a batch
  assign           pipeline.assign_all: candidates, linkage, one transaction a chunk
  story inputs     pipeline.story_inputs: what a story's analysis reads back
  story analysis   pipeline.story_analysis: align, diff, claims, conflicts, provenance (pure)
  replace          store.replace_story_analyses: the writer swapping a story's rows

For the two tasks a cluster would ship (an article to analyse, a story to analyse) the
pickled size of what goes out and comes back is printed too.
"""
import argparse
import os
import pickle
import statistics
import tempfile
import time
from collections import defaultdict

import scale
from data import BENCHMARKS  # noqa: F401  (puts the repository on the import path)

from ingest import pipeline, readers, store


class Clock:
    """CPU and wall seconds, summed per task."""

    def __init__(self):
        self.cpu, self.wall, self.count = defaultdict(float), defaultdict(float), defaultdict(int)

    def __call__(self, task, function, *args, n=1):
        c, w = time.process_time(), time.perf_counter()
        out = function(*args)
        self.cpu[task] += time.process_time() - c
        self.wall[task] += time.perf_counter() - w
        self.count[task] += n
        return out


def size_bucket(k):
    return next(label for top, label in ((4, "2-4"), (9, "5-9"), (19, "10-19"), (10 ** 9, "20+")) if k <= top)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=2000, help="articles in the synthetic archive (default 2,000)")
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="newsdiff-costs-")
    archive = os.path.join(work, "archive.jsonl")
    scale.write_jsonl(archive, scale.make_archive(args.n)[: args.n])
    db = store.open_db(os.path.join(work, "costs.db"))
    clock, report = Clock(), pipeline.Report()
    shipped = defaultdict(list)

    raws = [r for r in readers.read([archive]) if isinstance(r, readers.RawArticle)]
    articles = []
    for raw in raws:
        article = clock("analyse", pipeline.analyse, raw)
        articles.append(article)
        if len(shipped["article out"]) < 200:
            shipped["article out"].append(len(pickle.dumps(raw)))
            shipped["article back"].append(len(pickle.dumps(article)))
    for i in range(0, len(articles), pipeline.BATCH):
        batch = articles[i : i + pipeline.BATCH]
        clock("store", pipeline.store_batch, db, batch, report, n=len(batch))
    unassigned = store.unassigned_articles(db)
    clock("assign", pipeline.assign_all, db, unassigned, None, n=len(unassigned))

    per_size = defaultdict(lambda: defaultdict(float))
    for story_id in store.pending_stories(db):
        before = dict(clock.cpu)
        inputs = clock("story inputs", pipeline.story_inputs, db, story_id, n=len(store.story_article_ids(db, story_id)))
        result = clock("story analysis", pipeline.story_analysis, inputs, n=len(inputs.docs))
        clock("replace", store.replace_story_analyses, db, [result], n=len(inputs.docs))
        shipped["story out"].append(len(pickle.dumps(inputs)))
        shipped["story back"].append(len(pickle.dumps(result)))
        bucket = per_size[size_bucket(len(inputs.docs))]
        bucket["stories"] += 1
        bucket["articles"] += len(inputs.docs)
        bucket["cpu"] += sum(clock.cpu[t] - before.get(t, 0.0) for t in ("story inputs", "story analysis", "replace"))
        bucket["pairs"] += len(result.alignments)
    store.checkpoint(db)
    db_mb = os.path.getsize(os.path.join(work, "costs.db")) / 2 ** 20
    counts = {t: db.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("articles", "sentences", "numbers", "alignments", "claims", "conflicts")}

    n = counts["articles"]
    stories = sum(int(b["stories"]) for b in per_size.values())
    print(f"CPU cost per task: {n:,} synthetic articles, {stories:,} stories, one process (benchmarks/costs.py --n {args.n})")
    print(f"{'task':18}{'CPU ms/article':>16}{'wall ms/article':>17}{'CPU s':>9}")
    total = 0.0
    for task in ("analyse", "store", "assign", "story inputs", "story analysis", "replace"):
        per = 1000 * clock.cpu[task] / n
        total += per
        print(f"{task:18}{per:>16.2f}{1000 * clock.wall[task] / n:>17.2f}{clock.cpu[task]:>9.1f}")
    print(f"{'all':18}{total:>16.2f}{'':>17}{sum(clock.cpu.values()):>9.1f}")
    print(f"  -> one core does {1000 / total:.0f} articles/s; the single writer's share (store, assign, "
          f"replace, story inputs) is {sum(1000 * clock.cpu[t] / n for t in ('store', 'assign', 'replace', 'story inputs')):.2f} ms/article")
    print("\nstory analysis (inputs + analysis + replace) by story size")
    print(f"{'articles':>10}{'stories':>9}{'CPU ms/story':>14}{'CPU ms/article':>16}{'alignments/article':>20}")
    for label in ("2-4", "5-9", "10-19", "20+"):
        b = per_size.get(label)
        if b:
            print(f"{label:>10}{int(b['stories']):>9}{1000 * b['cpu'] / b['stories']:>14.1f}"
                  f"{1000 * b['cpu'] / b['articles']:>16.2f}{b['pairs'] / b['articles']:>20.1f}")
    print("\nshipped to and from a worker, pickled (median bytes)")
    for key in ("article out", "article back", "story out", "story back"):
        print(f"  {key:14}{statistics.median(shipped[key]):>10,.0f}")
    print(f"\ndatabase: {db_mb:.1f} MB, {1000 * db_mb / n:.1f} MB per 1,000 articles; per article: "
          + ", ".join(f"{counts[t] / n:.1f} {t}" for t in counts if t != "articles"))


if __name__ == "__main__":
    main()
