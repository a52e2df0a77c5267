"""Ingest at scale: synthetic archives of real ECB+ sentences, timed stage by stage.

    python benchmarks/scale.py                          # 1,000 and 10,000 articles (a few minutes)
    python benchmarks/scale.py --sizes 1000,10000,50000  # the full run
    python benchmarks/scale.py --sizes 1000 --no-baseline --keep /tmp/scale   # keep the files

Each size runs in a fresh subprocess (peak memory is per process) through the real
pipeline, `ingest.pipeline.ingest(store.open_db(path), [archive.jsonl])`, exactly what
`newsdiff ingest DB archive.jsonl` does. The script only wraps module functions with
timers; the product code is not changed. Then 100 held-out articles (some joining stored
stories, some new) are ingested into the same database: the incremental run, which must
recompute only the stories they touch. A naive all-pairs baseline (TF-IDF cosine over
every pair of articles, average linkage) groups the same archive on the smaller sizes.

Synthetic archive: ECB+ holds 982 real news articles on 86 real events (3-22 articles
each). A synthetic event takes one ECB+ event as its template and gets its own names
and figures: every name-like word (capitalised, never seen in lower case in ECB+) is
renamed consistently within the event (a made-up name drawn from a hash of event and
word), and digit runs are mapped to other digits (years move by a few years). So the
archive holds thousands of distinct events whose sentences are real news prose. An event
has 3-20 articles; half of them rewrite one lead article (wire copy), the others are the
template event's other articles. Each article is perturbed: sentences dropped, 1-3
sentences of other articles of the event mixed in, neighbours swapped, a word dropped or
two swapped here and there, and now and then one figure changed (number drift). Events
are dated over three years, articles within 0-3 days of their event. Seeded: the same
size always gives the same archive.
"""
import os
import sys

import argparse  # noqa: E402
import contextlib  # noqa: E402
import datetime  # noqa: E402
import functools  # noqa: E402
import hashlib  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import re  # noqa: E402
import resource  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections import Counter, defaultdict  # noqa: E402

from data import BENCHMARKS  # noqa: E402
from metrics import bcubed  # noqa: E402

DATA = str(BENCHMARKS / "clusters" / "ecbplus_docs.jsonl")

HOLD_OUT = 100          # articles kept back for the incremental run
SEED = 20250101

# --- the synthetic archive ------------------------------------------------------------------

_SYL = ["ka", "lo", "mi", "ran", "te", "vor", "sa", "bel", "dun", "ri", "mar", "to", "zen", "qu",
        "har", "li", "nor", "pe", "sil", "ga", "bro", "ve", "dal", "mo", "ster", "fin", "cor", "ny"]


def load_events():
    """ECB+ events: {cluster_id: [{"title", "sentences"}]} (URL lines dropped)."""
    events = defaultdict(list)
    with open(DATA, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            sents = [s.strip() for s in d["sentences"] if s.strip()]
            title = None
            if d.get("subtopic") == "ecbplus":
                sents = sents[1:]           # sentence 0 is the source URL
                if len(sents) > 2:
                    title, sents = sents[0], sents[1:]
            if len(sents) >= 2:
                events[d["cluster_id"]].append({"title": title, "sentences": sents})
    return dict(sorted(events.items()))


def lowercase_vocab(events):
    vocab = set()
    for docs in events.values():
        for d in docs:
            for s in d["sentences"]:
                vocab.update(w for w in re.findall(r"[a-z][a-z'-]+", s))
    return vocab


def _h(*parts):
    return int.from_bytes(hashlib.blake2b("\x1f".join(map(str, parts)).encode(), digest_size=8).digest(), "little")


def synthetic_name(event, word):
    h = _h("name", event, word)
    n = 2 + h % 2
    out = []
    for _ in range(n):
        h //= len(_SYL)
        out.append(_SYL[h % len(_SYL)])
    return "".join(out).capitalize()


def synthetic_number(event, digits, drift=0):
    v = int(digits)
    if len(digits) == 4 and 1900 <= v <= 2030:
        return str(v + (_h("year", event) % 9) - 4 + drift)
    h = _h("num", event, digits, drift)
    if len(digits) == 1:
        return str(1 + h % 9)
    first = str(1 + h % 9)
    rest = "".join(str((h >> (4 * k)) % 10) for k in range(1, len(digits)))
    return first + rest


_NAME = re.compile(r"\b[A-Z][a-z][A-Za-z'-]*")
_KEEP = set("""january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday""".split())
_DIGITS = re.compile(r"\d+")


# event id -> the ECB+ event it was made from, filled by make_archive: two events of one
# template share all their prose but names and figures, so grouping them is the archive's
# own trap, not a chance resemblance of two reports.
TEMPLATE = {}


def make_archive(n, seed=SEED):
    """n + HOLD_OUT synthetic articles: [(record, event id)], in a seeded random order."""
    rng = random.Random(seed)
    events = load_events()
    vocab = lowercase_vocab(events)
    templates = list(events)
    outlets = [f"The {synthetic_name('outlet', k)} {kind}" for k in range(40)
               for kind in ("Times", "Post", "Herald", "News", "Tribune")][:120]
    start = datetime.date(2021, 1, 1).toordinal()
    out, event = [], 0
    while len(out) < n + HOLD_OUT:
        template = templates[rng.randrange(len(templates))]
        docs = events[template]
        size = rng.randint(3, 20)
        day = start + rng.randrange(3 * 365)
        lead = rng.randrange(len(docs))
        TEMPLATE[event] = template

        def rename(text, ev=event, drift=None):
            text = _NAME.sub(lambda m: synthetic_name(ev, m.group(0)) if m.group(0).lower() not in vocab and m.group(0).lower() not in _KEEP else m.group(0), text)
            return _DIGITS.sub(lambda m: synthetic_number(ev, m.group(0), drift if drift and rng.random() < 0.5 else 0), text)

        for k in range(size):
            base = docs[lead] if k == 0 or rng.random() < 0.5 else docs[rng.randrange(len(docs))]
            sents = [s for s in base["sentences"] if rng.random() > 0.1] or base["sentences"][:3]
            others = [s for d in docs if d is not base for s in d["sentences"]]
            for _ in range(rng.randint(1, 3) if others else 0):
                sents.insert(rng.randrange(len(sents) + 1), others[rng.randrange(len(others))])
            for _ in range(len(sents) // 4):                        # neighbours swapped
                i = rng.randrange(len(sents))
                if i + 1 < len(sents):
                    sents[i], sents[i + 1] = sents[i + 1], sents[i]
            edited = []
            for s in sents:
                words = s.split()
                if len(words) > 6 and rng.random() < 0.2:
                    i = rng.randrange(1, len(words) - 1)
                    if rng.random() < 0.5:
                        del words[i]
                    else:
                        words[i], words[i + 1] = words[i + 1], words[i]
                edited.append(rename(" ".join(words), drift=1 if rng.random() < 0.05 else None))
            paragraphs, i = [], 0
            while i < len(edited):
                step = rng.randint(1, 3)
                paragraphs.append(" ".join(edited[i:i + step]))
                i += step
            title = rename(base["title"]) if base["title"] else None
            outlet = outlets[rng.randrange(len(outlets))]
            record = {
                # each outlet its own host: boilerplate is counted per site
                "url": f"https://{outlet.lower().replace(' ', '-')}.example/{event:06d}/{k:02d}",
                "outlet": outlet,
                "published": datetime.date.fromordinal(day + rng.randint(0, 3)).isoformat(),
                "text": "\n\n".join(paragraphs),
            }
            if title:
                record["title"] = title
            out.append((record, event))
        event += 1
    out = out[: n + HOLD_OUT]
    rng.shuffle(out)
    return out


def write_jsonl(path, rows):
    with open(path, "w", encoding="utf-8") as f:
        for record, _ in rows:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")


# --- timing the real pipeline ---------------------------------------------------------------

class Timers:
    """Wraps module functions; time goes to "<stage>" or, inside a stage, "<stage>.<name>"."""

    def __init__(self):
        self.total = Counter()
        self.calls = Counter()
        self.stage = None

    def wrap(self, module, name, stage=None, label=None):
        fn = getattr(module, name)
        timers = self

        @functools.wraps(fn)
        def timed(*args, **kwargs):
            outer = timers.stage
            key = stage if stage else f"{outer}.{label or name}"
            if stage:
                timers.stage = stage
            t = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                timers.total[key] += time.perf_counter() - t
                timers.calls[key] += 1
                timers.stage = outer

        setattr(module, name, timed)

    def wrap_generator(self, module, name, stage):
        fn = getattr(module, name)
        timers = self

        @functools.wraps(fn)
        def timed(*args, **kwargs):
            it = fn(*args, **kwargs)
            while True:
                t = time.perf_counter()
                try:
                    item = next(it)
                except StopIteration:
                    timers.total[stage] += time.perf_counter() - t
                    return
                timers.total[stage] += time.perf_counter() - t
                yield item

        setattr(module, name, timed)


def instrument():
    from ingest import align, claims, numbers, pipeline, readers, segment, stories, store, structure
    t = Timers()
    t.wrap_generator(readers, "read", "read")
    for module, name in ((segment, "segment"), (structure, "analyse"), (numbers, "extract"), (stories, "fingerprint")):
        t.wrap(module, name, label=f"{module.__name__.split('.')[-1]}.{name}")
    for module, name in ((store, "known_hashes"), (store, "insert_articles"), (store, "fingerprints"),
                         (store, "story_members"), (store, "story_docs"),
                         (stories, "merges"), (store, "merge_stories"), (stories, "assign"),
                         (store, "apply_story_assignment"), (store, "story_sentences"), (align, "align"),
                         (claims, "claims"), (stories, "label"), (store, "story_article_ids")):
        t.wrap(module, name)
    t.wrap(pipeline, "analyse", stage="analyse")
    t.wrap(pipeline, "store_batch", stage="store")
    t.wrap(stories.Index, "candidates", label="Index.candidates")
    t.wrap(stories.Index, "add", label="Index.add")
    t.wrap(pipeline, "assign_all", stage="stories")
    # Stories are analysed in worker processes: the stage is timed as a whole here, and its
    # parts (align, claims, label) only when --workers 1 keeps them in this process.
    t.wrap(pipeline, "analyse_stories", stage="story_analysis")
    t.wrap(pipeline, "story_inputs")
    t.wrap(pipeline, "story_analysis")
    t.wrap(store, "replace_story_analyses")
    return t


def maxrss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


WORKER_PEAK = [0.0]


def watch_workers():
    """Record the largest peak memory (VmHWM) of the pipeline's worker processes, read
    just before each pool shuts down (they are the forkserver's children, not ours, so
    RUSAGE_CHILDREN does not see them)."""
    from ingest import pipeline
    real = pipeline.executor

    @contextlib.contextmanager
    def watched(*args, **kwargs):
        with real(*args, **kwargs) as pool:
            try:
                yield pool
            finally:
                for pid in list(getattr(pool, "_processes", None) or {}):
                    try:
                        with open(f"/proc/{pid}/status") as f:
                            hwm = next(int(line.split()[1]) for line in f if line.startswith("VmHWM"))
                    except (OSError, StopIteration):
                        continue
                    WORKER_PEAK[0] = max(WORKER_PEAK[0], hwm / 1024)

    pipeline.executor = watched


def sample_story_analysis(k):
    """Recompute only k of the touched stories, spread over their sizes.

    Aligning a story costs the same whatever the archive size (it depends on the story's
    size only), so a sample of stories measures that stage. Story sizes are heavy-tailed
    (one of 140 articles at 50,000, most under 15), so a uniform sample of 250 gave 274 s
    and 421 s for the same run: the touched stories are sorted by size and every
    (touched / k)-th is taken, which keeps each size in its share, and the per-story stages
    are extrapolated by articles (measured x articles touched / articles sampled). It still
    reads low: the cost per article grows with a story's size, the largest stories are
    never picked, and the smaller file keeps the writer cheap (docs/scaling.md, section 6).
    The pipeline analyses the stories store.pending_stories lists,
    so that is wrapped to list only the sampled ones. Returns (info, undo); undo(db) marks
    the unsampled stories analysed, so the incremental run that follows does not take them
    for an interrupted run's leftovers.
    """
    from ingest import store
    pending = store.pending_stories
    info = {"touched": 0, "sampled": 0, "touched_articles": 0, "sampled_articles": 0}

    def sampled(db):
        touched = pending(db)
        size = dict(db.conn.execute("SELECT story_id, count(*) FROM articles WHERE story_id IS NOT NULL GROUP BY story_id"))
        by_size = sorted(touched, key=lambda s: (size.get(s, 0), s))
        m = min(k, len(by_size))
        picked = [by_size[(2 * i + 1) * len(by_size) // (2 * m)] for i in range(m)]
        info.update(touched=len(touched), sampled=m, touched_articles=sum(size.get(s, 0) for s in touched),
                    sampled_articles=sum(size.get(s, 0) for s in picked))
        return sorted(picked)

    def undo(db):
        store.pending_stories = pending
        with db.conn:
            db.conn.execute("UPDATE stories SET pending = 0 WHERE pending = 1")

    store.pending_stories = sampled
    return info, undo


def run_one(n, workdir, profile=None, sample=0, workers=None):
    """Ingest an n-article archive, then the held-out 100; returns a dict of figures."""
    t0 = time.perf_counter()
    rows = make_archive(n)
    main, extra = rows[:n], rows[n:]
    archive, increment = os.path.join(workdir, f"archive-{n}.jsonl"), os.path.join(workdir, f"extra-{n}.jsonl")
    write_jsonl(archive, main)
    write_jsonl(increment, extra)
    gold = {r["url"]: e for r, e in rows}
    del rows, main, extra      # the archive is on disk now: the ingest's peak is its own
    build_s = time.perf_counter() - t0

    from ingest import pipeline, store
    timers = instrument()
    watch_workers()
    path = os.path.join(workdir, f"scale-{n}.db")
    for p in (path, path + "-journal", path + "-wal"):
        if os.path.exists(p):
            os.remove(p)
    rss_before = maxrss_mb()
    db = store.open_db(path)
    sampling = None
    if sample:
        sampling, unpatch = sample_story_analysis(sample)
    t = time.perf_counter()
    if profile:
        import cProfile
        prof = cProfile.Profile()
        report = prof.runcall(pipeline.ingest, db, [archive], workers=workers)
        prof.dump_stats(profile)
    else:
        report = pipeline.ingest(db, [archive], workers=workers)
    total = time.perf_counter() - t
    full = {"total": total, "stages": dict(timers.total), "calls": dict(timers.calls), "measured_total": total}
    if sampling:
        unpatch(db)
        if sampling["sampled"] < sampling["touched"]:
            # extrapolate the per-story stage from the sample to every touched story
            scale = sampling["touched_articles"] / max(sampling["sampled_articles"], 1)
            for key in list(full["stages"]):
                if key.split(".")[0] == "story_analysis":
                    measured = full["stages"][key]
                    full["stages"][key] = measured * scale
                    if "." not in key:
                        full["total"] += measured * (scale - 1)
        full["sample"] = sampling
    conn = db.conn
    n_stories = conn.execute("select count(*) from stories").fetchone()[0]
    sizes = [r[0] for r in conn.execute("select count(*) from articles group by story_id")]
    counts = {k: conn.execute(f"select count(*) from {k}").fetchone()[0]
              for k in ("articles", "sentences", "numbers", "alignments", "claims")}
    pred = {s: sid for s, sid in conn.execute("select url, story_id from articles")}
    quality = bcubed({s: gold[s] for s in pred}, pred)
    strays = stray_articles(pred, gold)
    peak = maxrss_mb()
    worker_peak = WORKER_PEAK[0]       # 0 with one process

    # Incremental: the held-out articles into the same database.
    before_claim = conn.execute("select coalesce(max(id), 0) from claims").fetchone()[0]
    before_align = conn.execute("select coalesce(max(id), 0) from alignments").fetchone()[0]
    timers.total.clear()
    timers.calls.clear()
    t = time.perf_counter()
    inc = pipeline.ingest(db, [increment], workers=workers)
    inc_total = time.perf_counter() - t
    rewritten = {r[0] for r in conn.execute("select distinct story_id from claims where id > ?", (before_claim,))}
    rewritten |= {r[0] for r in conn.execute("select distinct story_id from alignments where id > ?", (before_align,))}
    stories_after = conn.execute("select count(*) from stories").fetchone()[0]
    db.conn.close()
    return {
        "n": n, "build_s": build_s, "added": report.added, "errors": len(report.errors),
        "full": full, "stories": n_stories, "mean_story": sum(sizes) / max(len(sizes), 1),
        "max_story": max(sizes or [0]), "counts": counts, "bcubed": quality, "strays": strays,
        "events": len(set(gold[s] for s in pred)),
        "peak_mb": peak, "worker_peak_mb": worker_peak, "rss_before_mb": rss_before, "db_mb": os.path.getsize(path) / 2 ** 20,
        "incremental": {
            "added": inc.added, "total": inc_total, "stages": dict(timers.total),
            "touched": len(inc.stories), "rewritten": len(rewritten),
            "rewritten_untouched": len(rewritten - inc.stories), "stories_after": stories_after,
        },
    }


def stray_articles(pred, gold):
    """(articles in a story whose main event is another, of them from the same template)."""
    events = defaultdict(list)
    for url, story in pred.items():
        events[story].append(gold[url])
    strays = same = 0
    for members in events.values():
        main = Counter(members).most_common(1)[0][0]
        for event in members:
            if event != main:
                strays += 1
                same += TEMPLATE[event] == TEMPLATE[main]
    return strays, same


# --- the naive all-pairs baseline ------------------------------------------------------------

def run_baseline(n, workdir, threshold=0.16):
    """Group the same archive by TF-IDF cosine over every pair and average linkage.

    The naive baseline of docs/stories.md (its tuned threshold, 0.16). Quadratic in time
    and memory: the condensed distance matrix alone is n(n-1)/2 doubles.
    """
    import numpy as np
    from scipy.cluster.hierarchy import fcluster, linkage
    from sklearn.feature_extraction.text import TfidfVectorizer

    rows = make_archive(n)[:n]
    texts = [(r.get("title") or "") + "\n" + r["text"] for r, _ in rows]
    t = time.perf_counter()
    X = TfidfVectorizer(sublinear_tf=True, stop_words="english", min_df=1).fit_transform(texts)
    vec_s = time.perf_counter() - t
    t = time.perf_counter()
    # every pair, in row blocks, into the condensed distance vector scipy wants
    dist = np.empty(n * (n - 1) // 2)
    pos = 0
    step = 1000
    for i in range(0, n, step):
        block = (X[i:i + step] @ X.T).toarray()
        for r in range(block.shape[0]):
            row = i + r
            k = n - row - 1
            dist[pos:pos + k] = 1.0 - block[r, row + 1:]
            pos += k
    np.clip(dist, 0.0, 1.0, out=dist)
    pairs_s = time.perf_counter() - t
    t = time.perf_counter()
    labels = fcluster(linkage(dist, method="average"), t=1.0 - threshold, criterion="distance")
    link_s = time.perf_counter() - t
    pred = {r["url"]: int(c) for (r, _), c in zip(rows, labels)}
    quality = bcubed({r["url"]: e for r, e in rows}, pred)
    return {"n": n, "vectorise_s": vec_s, "pairs_s": pairs_s, "linkage_s": link_s,
            "total": vec_s + pairs_s + link_s, "stories": len(set(labels)), "bcubed": quality,
            "peak_mb": maxrss_mb()}


# --- driver ---------------------------------------------------------------------------------

STAGES = [
    ("read", "read files"),
    ("analyse", "analyse (structure+segment+numbers+fingerprint)"),
    ("store", "store articles"),
    ("stories", "story assignment"),
    ("story_analysis", "align + claims + label + store, per story"),
]


def fmt_table(results, baselines):
    lines = []
    sizes = [r["n"] for r in results]
    head = f"{'':46}" + "".join(f"{n:>12,}" for n in sizes)
    lines.append(head)

    def row(label, values):
        lines.append(f"{label:46}" + "".join(f"{v:>12}" for v in values))

    row("articles ingested", [f"{r['added']:,}" for r in results])
    row("end to end, s", [f"{r['full']['total']:.1f}" for r in results])
    row("articles/s end to end", [f"{r['added'] / r['full']['total']:.1f}" for r in results])
    row("align+claims: stories measured / touched", [f"{r['full']['sample']['sampled']}/{r['full']['sample']['touched']}"
                                                    if r["full"].get("sample") else "all" for r in results])
    row("articles/s without align+claims", [f"{r['added'] / (r['full']['total'] - r['full']['stages'].get('story_analysis', 0)):.0f}"
                                           for r in results])
    row("ms per article", [f"{1000 * r['full']['total'] / r['added']:.2f}" for r in results])
    for key, label in STAGES:
        row(f"  {label}, s", [f"{r['full']['stages'].get(key, 0):.1f}" for r in results])
    subs = sorted({k for r in results for k in r["full"]["stages"] if "." in k},
                  key=lambda k: ([s for s, _ in STAGES].index(k.split(".")[0]) if k.split(".")[0] in dict(STAGES) else 9, k))
    for k in subs:
        if max(r["full"]["stages"].get(k, 0) for r in results) >= 0.1:  # sub-stages under 0.1 s are noise
            row(f"    {k}, s", [f"{r['full']['stages'].get(k, 0):.1f}" for r in results])
    row("peak memory (maxrss), MB", [f"{r['peak_mb']:.0f}" for r in results])
    row("peak memory, largest worker, MB", [f"{r['worker_peak_mb']:.0f}" for r in results])
    row("database size, MB", [f"{r['db_mb']:.0f}" for r in results])
    row("sentences stored", [f"{r['counts']['sentences']:,}" for r in results])
    row("alignments / claims", [f"{r['counts']['alignments'] // 1000}k/{r['counts']['claims'] // 1000}k" for r in results])
    row("synthetic events / stories found", [f"{r['events']}/{r['stories']}" for r in results])
    row("mean / largest story", [f"{r['mean_story']:.1f}/{r['max_story']}" for r in results])
    row("stories B-cubed P/R/F1", [" " + "/".join(f"{x:.2f}" for x in r["bcubed"]) for r in results])
    row("articles in another event's story / same template", [f"{r['strays'][0]}/{r['strays'][1]}" for r in results])
    row("incremental +100: s", [f"{r['incremental']['total']:.2f}" for r in results])
    row("incremental: articles/s", [f"{r['incremental']['added'] / r['incremental']['total']:.0f}" for r in results])
    row("incremental: story assignment, s", [f"{r['incremental']['stages'].get('stories', 0):.2f}" for r in results])
    row("incremental: stories touched / of", [f"{r['incremental']['touched']}/{r['incremental']['stories_after']}" for r in results])
    row("incremental: untouched stories rewritten", [f"{r['incremental']['rewritten_untouched']}" for r in results])
    if baselines:
        lines.append("")
        lines.append("naive all-pairs baseline (TF-IDF cosine of every pair, average linkage, threshold 0.16)")
        lines.append(f"{'':46}" + "".join(f"{b['n']:>12,}" for b in baselines))

        row("vectorise, s", [f"{b['vectorise_s']:.1f}" for b in baselines])
        row("all pairs, s", [f"{b['pairs_s']:.1f}" for b in baselines])
        row("average linkage, s", [f"{b['linkage_s']:.1f}" for b in baselines])
        row("grouping total, s", [f"{b['total']:.1f}" for b in baselines])
        row("peak memory (maxrss), MB", [f"{b['peak_mb']:.0f}" for b in baselines])
        row("stories / B-cubed F1", [f"{b['stories']}/{b['bcubed'][2]:.2f}" for b in baselines])
        pipe = {r["n"]: r for r in results}
        row("pipeline story assignment, s", [f"{pipe[b['n']]['full']['stages'].get('stories', 0):.1f}" if b["n"] in pipe else "-" for b in baselines])
        if len(baselines) >= 2:
            a, b = baselines[0], baselines[-1]
            ratio = (b["total"] / a["total"])
            f = b["n"] / a["n"]
            lines.append(f"baseline time x{ratio:.0f} for x{f:.0f} articles; quadratic extrapolation to 50,000: "
                         f"~{b['total'] * (50000 / b['n']) ** 2:.0f} s and "
                         f"{50000 * 49999 / 2 * 8 / 2 ** 30:.1f} GB for the distance matrix alone")
    return "\n".join(lines)


def child(kind, n, workdir, profile=None, sample=0, workers=None):
    """Run one measurement in a fresh interpreter, so peak memory is its own."""
    cmd = [sys.executable, os.path.abspath(__file__), f"--{kind}", str(n), "--workdir", workdir,
           "--sample-stories", str(sample)]
    if workers:
        cmd += ["--workers", str(workers)]
    if profile:
        cmd += ["--profile", profile]
    out = subprocess.run(cmd, check=True, stdout=subprocess.PIPE, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1000,10000", help="comma-separated archive sizes (default 1000,10000)")
    ap.add_argument("--baseline-sizes", default="1000,10000", help="sizes for the naive all-pairs baseline")
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--keep", metavar="DIR", help="write archives and databases here and keep them")
    ap.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    ap.add_argument("--profile", metavar="FILE", help="cProfile the ingest (with --one)")
    ap.add_argument("--sample-stories", type=int, default=250, metavar="K",
                    help="align+claims on K of the stories (spread over their sizes) and extrapolate; 0 = all (default 250)")
    ap.add_argument("--workers", type=int, metavar="N",
                    help="processes analysing stories (default: one per CPU, as newsdiff ingest); 1 shows align/claims/label apart")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--baseline", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--workdir", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.workdir or tempfile.mkdtemp(), args.profile, args.sample_stories, args.workers)))
        return
    if args.baseline:
        print(json.dumps(run_baseline(args.baseline, args.workdir)))
        return
    workdir = args.keep or tempfile.mkdtemp(prefix="newsdiff-scale-")
    os.makedirs(workdir, exist_ok=True)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    started = time.perf_counter()
    results, baselines = [], []
    try:
        for n in sizes:
            print(f"ingesting {n:,} articles ...", file=sys.stderr, flush=True)
            results.append(child("one", n, workdir, sample=args.sample_stories, workers=args.workers))
            r = results[-1]
            print(f"  {r['full']['total']:.1f} s, {r['added'] / r['full']['total']:.0f} articles/s, "
                  f"peak {r['peak_mb']:.0f} MB", file=sys.stderr, flush=True)
        if not args.no_baseline:
            for n in [int(s) for s in args.baseline_sizes.split(",") if s]:
                print(f"naive all-pairs baseline on {n:,} articles ...", file=sys.stderr, flush=True)
                baselines.append(child("baseline", n, workdir))
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    print(f"newsdiff ingest at scale: synthetic archives of ECB+ sentences (seed {SEED}), "
          f"{os.cpu_count()} CPUs, {args.workers or os.cpu_count()} story workers, Python {sys.version.split()[0]}")
    print(fmt_table(results, baselines))
    print(f"\ntotal benchmark time {time.perf_counter() - started:.0f} s")
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"results": results, "baselines": baselines}, f, indent=1)


if __name__ == "__main__":
    main()
