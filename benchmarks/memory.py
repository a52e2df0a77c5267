"""Memory and time of very long articles and very large stories.

    python benchmarks/memory.py                          # 1, 2, 4 MB articles; stories of 250, 500, 1000
    python benchmarks/memory.py --articles 0.25,0.5 --stories 100,200   # a quick look
    python benchmarks/memory.py --limit-mb 4096          # a run past this much memory fails, not the machine

Each measurement is one `ingest.pipeline.ingest(store.open_db(path), [file], workers=1)`
into a fresh database, in a fresh interpreter; the peak resident memory is read with
resource.getrusage(RUSAGE_CHILDREN).ru_maxrss by a wrapper process that runs only that
one child (so the figure is the ingest's own, pool workers included).

Inputs, from real ECB+ news prose (seeded, the same every run):
  * one article of N MB: ECB+ body sentences (URL lines dropped), shuffled, five to a
    paragraph, repeated in a fresh shuffle when one pass is not enough;
  * a forced story (`story=`, as `newsdiff ingest --story NAME`) of the first N ECB+
    articles (982 in all; beyond that an article comes back with its sentences in reverse
    order, a distinct text).

Targets (docs/scale.md, "Memory"): a 4 MB article and a 1,000-article story each within
2 GB peak, and time roughly linear in size: for sizes s1 < s2, t2/t1 should stay well
under (s2/s1)^2 (printed as the exponent log(t2/t1)/log(s2/s1): 1 is linear, 2 quadratic).
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import argparse  # noqa: E402
import json  # noqa: E402
import math  # noqa: E402
import random  # noqa: E402
import resource  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402

from data import BENCHMARKS  # noqa: E402

DATA = str(BENCHMARKS / "clusters" / "ecbplus_docs.jsonl")
SEED = 20250101
PEAK_TARGET_MB = 2048
# time exponent above this between two sizes reads as "not linear" (1 = linear, 2 = quadratic)
EXPONENT_TARGET = 1.35


def ecb_docs():
    """ECB+ articles as (title, [sentences]), in file order (URL lines dropped)."""
    out = []
    with open(DATA, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            sents = [s.strip() for s in d["sentences"] if s.strip()]
            if d.get("subtopic") == "ecbplus":
                sents = sents[1:]           # sentence 0 is the source URL
            if len(sents) >= 2:
                out.append((sents[0], sents[1:]))
    return out


def long_article(megabytes, seed=SEED):
    """One article of about `megabytes` MB of shuffled ECB+ sentences, five per paragraph."""
    pool = [s for _, sents in ecb_docs() for s in sents]
    rng = random.Random(seed)
    target = int(megabytes * 1_000_000)
    paragraphs, size, order = [], 0, []
    while size < target:
        if not order:
            order = pool[:]
            rng.shuffle(order)
        para = " ".join(order[-5:])
        del order[-5:]
        paragraphs.append(para)
        size += len(para.encode("utf-8")) + 2
    return "\n\n".join(paragraphs) + "\n"


def story_records(n):
    """n ECB+ articles as JSONL records (title, text) for one forced story."""
    docs = ecb_docs()
    out = []
    for k in range(n):
        title, sents = docs[k % len(docs)]
        if k >= len(docs):
            sents = sents[::-1]
        out.append({"title": title, "text": " ".join(sents), "url": f"https://example.org/ecb/{k}"})
    return out


def run_one(kind, size, workdir):
    """The measured ingest (in this, a fresh interpreter); returns figures as a dict."""
    if kind == "article":
        path = os.path.join(workdir, f"article-{size}MB.txt")
        text = long_article(size)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        story, units = None, len(text.encode("utf-8"))
    else:
        path = os.path.join(workdir, f"story-{size}.jsonl")
        rows = story_records(int(size))
        with open(path, "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r) + "\n")
        story, units = "forced", sum(len(r["text"]) for r in rows)
    from ingest import pipeline, store
    db_path = os.path.join(workdir, f"{kind}-{size}.db")
    db = store.open_db(db_path)
    t0 = time.perf_counter()
    report = pipeline.ingest(db, [path], story=story, workers=1)
    seconds = time.perf_counter() - t0
    counts = {t: db.execute(f"select count(*) from {t}").fetchone()[0]
              for t in ("articles", "sentences", "alignments", "claims", "conflicts", "provenance")}
    return {"kind": kind, "size": size, "chars": units, "seconds": seconds, "added": report.added,
            "errors": [str(e) for e in report.errors], **counts}


def measure(kind, size, workdir, limit_mb=None, timeout=None):
    """Run one ingest in a fresh child; its figures plus peak RSS (MB) of that child."""
    cmd = [sys.executable, os.path.abspath(__file__), "--one", kind, str(size), "--workdir", workdir]
    env = dict(os.environ)
    if limit_mb:
        env["NEWSDIFF_MEMORY_LIMIT_MB"] = str(limit_mb)
    wrapper = [sys.executable, "-c",
               "import resource, subprocess, sys, json\n"
               "p = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, text=True)\n"
               "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
               "lines = p.stdout.strip().splitlines()\n"
               "out = json.loads(lines[-1]) if p.returncode == 0 and lines else {'failed': p.returncode}\n"
               "out['peak_mb'] = peak\n"
               "print(json.dumps(out))\n", *cmd]
    t0 = time.perf_counter()
    try:
        done = subprocess.run(wrapper, stdout=subprocess.PIPE, text=True, env=env, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"kind": kind, "size": size, "failed": f"timeout {timeout} s", "seconds": time.perf_counter() - t0}
    out = json.loads(done.stdout.strip().splitlines()[-1])
    out.setdefault("kind", kind)
    out.setdefault("size", size)
    out.setdefault("seconds", time.perf_counter() - t0)
    return out


def table(results):
    lines = ["| input | size | seconds | peak MB | sentences | alignments | claims | conflicts | provenance |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        size = f"{r['size']} MB" if r["kind"] == "article" else f"{int(r['size']):,} articles"
        name = "one article" if r["kind"] == "article" else "forced story"
        if "failed" in r:
            lines.append(f"| {name} | {size} | {r['seconds']:.1f} | {r.get('peak_mb', 0):.0f} | failed: {r['failed']} |||||")
            continue
        lines.append(f"| {name} | {size} | {r['seconds']:.1f} | {r['peak_mb']:.0f} | {r['sentences']:,} | "
                     f"{r['alignments']:,} | {r['claims']:,} | {r['conflicts']:,} | {r['provenance']:,} |")
    return "\n".join(lines)


def check(results):
    """Lines saying whether the targets hold; (lines, all passed)."""
    lines, ok = [], True
    for kind in ("article", "story"):
        rs = [r for r in results if r["kind"] == kind]
        for r in rs:
            good = "failed" not in r and r["peak_mb"] <= PEAK_TARGET_MB
            ok &= good
            lines.append(f"{'ok  ' if good else 'FAIL'} {kind} {r['size']}: peak {r.get('peak_mb', 0):.0f} MB "
                         f"(target <= {PEAK_TARGET_MB})")
        done = [r for r in rs if "failed" not in r]
        for a, b in zip(done, done[1:]):
            ratio_s = float(b["size"]) / float(a["size"])
            ratio_t = b["seconds"] / max(a["seconds"], 1e-9)
            exponent = math.log(ratio_t) / math.log(ratio_s) if ratio_s > 1 and ratio_t > 0 else 0.0
            good = exponent <= EXPONENT_TARGET
            ok &= good
            lines.append(f"{'ok  ' if good else 'FAIL'} {kind} {a['size']} -> {b['size']}: size x{ratio_s:.2f}, "
                         f"time x{ratio_t:.2f}, exponent {exponent:.2f} (target <= {EXPONENT_TARGET}; 2 = quadratic)")
    return lines, ok


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", default="1,2,4", help="article sizes in MB, comma-separated (default 1,2,4)")
    ap.add_argument("--stories", default="250,500,1000", help="forced story sizes in articles (default 250,500,1000)")
    ap.add_argument("--limit-mb", type=int, help="address-space limit per run (a run over it fails with MemoryError)")
    ap.add_argument("--timeout", type=float, default=1800, help="seconds per run before it is stopped (default 1800)")
    ap.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    ap.add_argument("--one", nargs=2, metavar=("KIND", "SIZE"), help=argparse.SUPPRESS)
    ap.add_argument("--workdir", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        limit = os.environ.get("NEWSDIFF_MEMORY_LIMIT_MB")
        if limit:
            cap = int(limit) * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
        kind, size = args.one
        print(json.dumps(run_one(kind, float(size) if kind == "article" else int(size), args.workdir)))
        return
    workdir = tempfile.mkdtemp(prefix="newsdiff-memory-")
    results = []
    started = time.perf_counter()
    try:
        jobs = [("article", float(s)) for s in args.articles.split(",") if s]
        jobs += [("story", int(s)) for s in args.stories.split(",") if s]
        for kind, size in jobs:
            print(f"{kind} {size} ...", file=sys.stderr, flush=True)
            size = int(size) if kind == "story" or float(size).is_integer() else size
            r = measure(kind, size, workdir, args.limit_mb, args.timeout)
            print(f"  {r['seconds']:.1f} s, peak {r.get('peak_mb', 0):.0f} MB {r.get('failed', '')}",
                  file=sys.stderr, flush=True)
            results.append(r)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print(f"newsdiff memory: ECB+ prose (seed {SEED}), {os.cpu_count()} CPUs, Python {sys.version.split()[0]}")
    print(table(results))
    lines, ok = check(results)
    print("\n".join(lines))
    print(f"\ntargets {'met' if ok else 'NOT met'}; total benchmark time {time.perf_counter() - started:.0f} s")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=1)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
