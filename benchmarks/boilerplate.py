"""Boilerplate on real web pages: stored body sentences outside the true body, and stories
that join pages of different events, before and after marking boilerplate.

    python benchmarks/boilerplate.py            # from the repository root, ~1 minute
    python benchmarks/boilerplate.py --dump     # also print every multi-article story's pairs

Data: shared/benchmarks/pages (181 real pages from 126 sites, html/*.html.gz, and
ground-truth.json with each page's true articleBody and url; from Scrapinghub's article
extraction benchmark, MIT licence). Each page goes through the pipeline's own reading and
analysis (readers.read -> pipeline.analyse: trafilatura, segment, structure), gunzipped into
a temporary folder first (the readers do not read .gz). The store side is simulated:
site counts (ingest/boilerplate.count_sites) over the whole set first, as a store that has
seen every page would hold them, then each page's sentences are marked.

(a) A stored body sentence is outside the true body when its normalised text (NFKC,
lower case, punctuation and spaces folded) is not a substring of the normalised true body.
(b) Stories: fingerprint -> candidates -> assign in one batch, on the body sentences
before, on the body sentences not marked after. A pair of pages in one story is labelled
same / different event in tests/data/pages_story_labels.json (hand labels, how they were
made is written in the file); pairs without a label are counted apart.
"""

import argparse  # noqa: E402
import gzip  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import re  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections import Counter, defaultdict  # noqa: E402
from itertools import combinations  # noqa: E402

from data import BENCHMARKS, ROOT  # noqa: E402

from ingest import boilerplate, pipeline, readers, stories  # noqa: E402
from ingest.records import StoryDoc  # noqa: E402
from ingest.text import normalize  # noqa: E402

PAGES = BENCHMARKS / "pages"
# pipeline.analyse already gives pattern lines the role "boilerplate": "before" reads them
# as the body they were, the marks below decide "after".
BODY = ("body", "boilerplate")
LABELS = ROOT / "tests" / "data" / "pages_story_labels.json"


def norm(text):
    return " ".join(re.sub(r"[^\w]+", " ", normalize(text).lower()).split())


def load(tmp):
    """[(page id, url, site, true body, Article)] for every page the readers can read."""
    truth = json.loads((PAGES / "ground-truth.json").read_text(encoding="utf-8"))
    out, failed = [], 0
    for name in sorted(os.listdir(PAGES / "html")):
        pid = name.split(".")[0]
        path = os.path.join(tmp, pid + ".html")
        with gzip.open(PAGES / "html" / name) as f, open(path, "wb") as g:
            g.write(f.read())
        raws = [r for r in readers.read([path]) if not isinstance(r, (readers.ReadError, readers.ReadWarning))]
        if not raws:
            failed += 1
            continue
        gt = truth[pid]
        art = pipeline.analyse(raws[0])
        site = boilerplate.site_of(gt["url"], art.outlet)
        out.append((pid, gt["url"], site, gt["articleBody"], art))
    return out, failed


def outside_share(pages, marked):
    """(body sentences kept, of them outside the true body, true-body sentences marked,
    share of the true body's words found in the kept body sentences): the last is the
    recall side, pooled over pages (word multisets, as the extraction benchmark counts)."""
    kept = outside = lost = 0
    found = total = 0
    for pid, _, _, body, art in pages:
        nb = norm(body)
        words = Counter()
        for s, m in zip(art.sentences, marked[pid]):
            if s.role not in BODY:
                continue
            inside = norm(s.text) in nb
            if m:
                lost += inside
                continue
            kept += 1
            outside += not inside
            words.update(norm(s.text).split())
        true = Counter(nb.split())
        found += sum((words & true).values())
        total += sum(true.values())
    return kept, outside, lost, found / max(1, total)


def group(pages, marked, **kw):
    docs, fps = [], []
    for n, (pid, _, _, _, art) in enumerate(pages):
        text = " ".join(s.text for s, m in zip(art.sentences, marked[pid]) if s.role in BODY and not m)
        docs.append(StoryDoc(id=n, title=art.title, text=text, published=art.published))
        fps.append((n, stories.fingerprint(text, art.title), art.published))   # as the pipeline reads them
    out = stories.assign(docs, stories.candidates(fps, []), **kw)
    members = defaultdict(list)
    for n, s in out.items():
        members[s].append(pages[n][0])
    return [sorted(m) for m in members.values() if len(m) > 1]


def judge(multi, labels):
    """(stories, pairs, different-event pairs, stories joining different events, unlabelled pairs)."""
    pairs = diff = unl = bad = 0
    for m in multi:
        b = False
        for a, c in combinations(m, 2):
            pairs += 1
            lab = labels.get((a, c))
            if lab is None:
                unl += 1
            elif not lab:
                diff += 1
                b = True
        bad += b
    return len(multi), pairs, diff, bad, unl


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dump", action="store_true", help="print each multi-article story's pages")
    ap.add_argument("--min-articles", type=int, default=boilerplate.MIN_ARTICLES)
    args = ap.parse_args()
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        pages, failed = load(tmp)
    labels = {}
    if LABELS.exists():
        for p in json.loads(LABELS.read_text(encoding="utf-8"))["pairs"]:
            a, c = sorted((p["a"], p["b"]))
            labels[(a, c)] = p["same_event"]
    counts = boilerplate.count_sites((site, url, [s.text for s in art.sentences]) for _, url, site, _, art in pages)
    none = {pid: [False] * len(art.sentences) for pid, _, _, _, art in pages}
    pattern = {pid: [boilerplate.is_pattern(s.text) for s in art.sentences] for pid, _, _, _, art in pages}
    full = {}
    for pid, _, site, _, art in pages:
        texts = [s.text for s in art.sentences]
        ks = boilerplate.keys(texts)
        full[pid] = boilerplate.marks(texts, {k: counts.get((site, k), 0) for k in ks if k is not None},
                                      min_articles=args.min_articles, keys_=ks)
    n_sites = len({p[2] for p in pages})
    print(f"pages: {len(pages)} read ({failed} not), {n_sites} sites; site repetition: a sentence on "
          f">= {args.min_articles} pages of its site; patterns: {boilerplate.PATTERN_MAX_WORDS} words at most")
    print("\n## (a) stored body sentences outside the true body")
    for name, marked in (("before (nothing marked)", none), ("patterns only", pattern), ("patterns + site repetition", full)):
        kept, outside, lost, recall = outside_share(pages, marked)
        print(f"  {name:28s} {outside:4d} of {kept:5d} kept body sentences outside ({100 * outside / kept:.1f}%);"
              f" true-body sentences marked: {lost}; true-body words kept as body: {100 * recall:.1f}%")
    print("\n## (b) stories with several articles (one batch)")
    settings = (("previous defaults (0.24, margin 0.2)", {"threshold": 0.24, "margin": 0.2}), ("module defaults", {}))
    for (name, marked), (sname, kw) in [(m, k) for k in settings for m in (("before (nothing marked)", none),
                                                                            ("patterns + site repetition", full))]:
        multi = group(pages, marked, **kw)
        name = f"{sname}, {name}"
        n, pairs, diff, bad, unl = judge(multi, labels)
        print(f"  {name:66s} {n:3d} stories, {pairs} pairs; {bad} stories join different events "
              f"({diff} pairs of different events); {unl} pairs unlabelled")
        if args.dump:
            info = {p[0]: p for p in pages}
            for m in multi:
                print("   story:")
                for pid in m:
                    _, url, site, body, art = info[pid]
                    print(f"     {pid[:12]} {url[:90]}\n        title={art.title!r}\n        body={body[:160]!r}")
                for a, c in combinations(m, 2):
                    print(f"     pair {a[:12]} {c[:12]} label={labels.get(tuple(sorted((a, c))))}")
    print(f"\ntotal {time.perf_counter() - t0:.0f} s")


if __name__ == "__main__":
    main()
