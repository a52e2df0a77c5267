"""Story grouping on ECB+: quality, candidate pairs and speed of ingest/stories.py.

    python benchmarks/stories.py            # from the repository root, ~1-2 minutes
    python benchmarks/stories.py --quick    # skip the one-article-at-a-time run

ECB+ (shared/benchmarks/clusters/ecbplus_docs.jsonl): 982 news articles, 43 topics, each
topic holding two different real-world events of the same kind (86 gold stories). Topics
with an odd number tune the thresholds; topics with an even number are held out. Every run
goes through the same functions the pipeline calls: fingerprint -> candidates -> assign.
"""

import argparse  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import time  # noqa: E402
from collections import Counter, defaultdict  # noqa: E402
from dataclasses import replace  # noqa: E402

import numpy as np  # noqa: E402

from data import BENCHMARKS  # noqa: E402
from metrics import bcubed  # noqa: E402

from ingest import stories  # noqa: E402
from ingest.records import StoryDoc  # noqa: E402

DATA = str(BENCHMARKS / "clusters" / "ecbplus_docs.jsonl")

# Per article id, filled by load(): its gold story (ECB+ cluster) and its ECB+ topic.
GOLD, TOPIC = {}, {}


def load():
    docs = []
    with open(DATA, encoding="utf-8") as f:
        for n, line in enumerate(f):
            r = json.loads(line)
            sents = r["sentences"][1:] if r["subtopic"] == "ecbplus" else r["sentences"]  # [0] is a URL
            docs.append(StoryDoc(id=n, title=None, text="\n".join(sents), published=None, story_id=None))
            GOLD[n], TOPIC[n] = r["cluster_id"], r["topic"]
    return docs


# --- loosely related stories (measured here only; production does not report them) --------------
RELATED_THRESHOLD = 0.16    # average cosine for "same topic, different event": 89% same ECB+ topic


def related(docs, links, assignment=None, threshold=RELATED_THRESHOLD, vectors=None):
    """Pairs of different stories that are loosely related (same topic, another event).

    Same inputs as stories.assign(); assignment is assign()'s result (computed if omitted).
    Returns [(story_a, story_b, score)] sorted by story, keys as in assign() (stored story
    ids or "new:<k>"), for every linked pair of different stories whose average cosine
    is at least `threshold`. Uses the module's own groups and linkage, so the score is
    the one assign() compares.
    """
    cache = {} if vectors is None else vectors
    if assignment is None:
        assignment = stories.assign(docs, links, vectors=cache)
    key_of = {}
    for d in docs:
        key_of[d.id] = d.story_id if d.story_id is not None else assignment[d.id]
    groups = {}
    for d in sorted(docs, key=lambda d: stories._sort_key(d.id)):
        k = key_of[d.id]
        g = groups.setdefault(k, stories._Group(k, True, cache))
        g.add(d, stories._date(d.published))
    pairs = set()
    for i, js in links.items():
        for j in js:
            if i in key_of and j in key_of and key_of[i] != key_of[j]:
                pairs.add(tuple(sorted((key_of[i], key_of[j]), key=stories._sort_key)))
    out = []
    for a, b in pairs:
        s = stories._linkage(groups[a], groups[b])
        if s >= threshold:
            out.append((a, b, round(s, 4)))
    return sorted(out, key=lambda t: (stories._sort_key(t[0]), stories._sort_key(t[1])))


# --- metrics ---------------------------------------------------------------------------------
def scores(docs, pred):
    from sklearn.metrics import adjusted_rand_score
    gold = {d.id: GOLD[d.id] for d in docs}
    pred = {d.id: pred[d.id] for d in docs}
    P, R, F = bcubed(gold, pred)
    ids = sorted(gold)
    ari = adjusted_rand_score([gold[i] for i in ids], [str(pred[i]) for i in ids])
    return {"P": P, "R": R, "F1": F, "ARI": ari, "n_pred": len(set(pred.values()))}


# --- the pipeline's use of the module, simulated -------------------------------------------------
def ingest(docs, n_batches, threshold=None, margin="default", seed=0, shuffle=True, merge=True):
    """Ingest docs in n_batches like the pipeline: stored fingerprints, stored story ids.

    For each batch: fingerprint the new articles, candidates() against every stored
    fingerprint, then assign() on the new articles + their candidates + the other stored
    members of the candidates' stories (what a pipeline would SELECT by story_id).
    Returns (story of each id, number of candidate pairs, seconds per stage).
    """
    kw = {"margin": margin} if margin != "default" else {}
    if threshold is not None:
        kw["threshold"] = threshold
    order = list(docs)
    if shuffle:
        random.Random(seed).shuffle(order)
    size = -(-len(order) // n_batches)
    fps, story, members = {}, {}, defaultdict(list)
    by_id = {d.id: d for d in docs}
    next_story = 1
    pairs = set()
    t = Counter()
    for b in range(0, len(order), size):
        batch = order[b:b + size]
        t0 = time.perf_counter()
        new = [(d.id, stories.fingerprint(d.text, d.title)) for d in batch]
        t1 = time.perf_counter()
        links = stories.candidates(new, list(fps.items()))
        t2 = time.perf_counter()
        for i, js in links.items():
            pairs.update((min(i, j), max(i, j)) for j in js)
        need = set()
        for d in batch:
            need.add(d.id)
            for j in links[d.id]:
                need.add(j)
                if j in story:
                    need.update(members[story[j]])
        pool = [replace(by_id[i], story_id=story.get(i)) for i in sorted(need)]
        t3 = time.perf_counter()
        m, out = stories.regroup(pool, links, **kw) if merge else ({}, stories.assign(pool, links, **kw))
        for old, new_s in m.items():
            for i in members.pop(old):
                story[i] = new_s
                members[new_s].append(i)
        t4 = time.perf_counter()
        fresh = {}
        for i, s in out.items():
            if isinstance(s, str):
                if s not in fresh:
                    fresh[s] = next_story
                    next_story += 1
                s = fresh[s]
            story[i] = s
            members[s].append(i)
        fps.update(new)
        t["fingerprint"] += t1 - t0
        t["candidates"] += t2 - t1
        t["assign"] += t4 - t3
    return story, len(pairs), t


def naive_tfidf(docs, threshold):
    """Baseline: TF-IDF cosine over ALL pairs, average-linkage clustering at a threshold."""
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer
    X = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform([d.text for d in docs])
    D = 1.0 - (X @ X.T).toarray()
    np.clip(D, 0, 2, out=D)
    lab = AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average",
                                  distance_threshold=1.0 - threshold).fit_predict(D)
    return {d.id: int(l) for d, l in zip(docs, lab)}


def fmt(name, s, extra=""):
    return (f"{name:44s} P={s['P']:.3f} R={s['R']:.3f} F1={s['F1']:.3f} ARI={s['ARI']:.3f} "
            f"stories={s['n_pred']:3d}{extra}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="skip the one-at-a-time run")
    args = ap.parse_args()
    t_start = time.perf_counter()
    docs = load()
    train = [d for d in docs if TOPIC[d.id] % 2 == 1]
    test = [d for d in docs if TOPIC[d.id] % 2 == 0]
    n_gold = len({GOLD[d.id] for d in docs})
    print(f"ECB+: {len(docs)} articles, {n_gold} gold stories, {len({TOPIC[d.id] for d in docs})} topics; "
          f"tune on {len(train)} (odd topics), hold out {len(test)} (even topics)")
    print(f"module defaults: JOIN_THRESHOLD={stories.JOIN_THRESHOLD} COHESION_MARGIN={stories.COHESION_MARGIN} "
          f"RELATED_THRESHOLD={RELATED_THRESHOLD} (benchmark) LSH {stories.BANDS}x{stories.ROWS}")

    # 1. Tune on the odd topics, in one batch and in 10 batches; pick the best mean F1.
    print("\n## Tuning on odd topics: B-cubed F1 (1 batch / 10 batches)")
    best = None
    for margin in (None, 0.2):
        cells = []
        for thr in (0.16, 0.20, 0.24, 0.26, 0.28, 0.32, 0.36):
            f = [scores(train, ingest(train, nb, threshold=thr, margin=margin)[0])["F1"]
                 for nb in (1, 10)]
            cells.append(f"thr={thr:.2f}: {f[0]:.3f}/{f[1]:.3f}")
            if best is None or sum(f) > best[2]:
                best = (thr, margin, sum(f))
        print(f"  margin={'off' if margin is None else margin}: " + "  ".join(cells))
    thr_t, margin_t = best[0], best[1]
    print(f"  -> best on the tuning half: threshold={thr_t:.2f} margin={'off' if margin_t is None else margin_t}")
    naive_best = None
    for thr in np.arange(0.04, 0.40, 0.02):
        s = scores(train, naive_tfidf(train, float(thr)))
        if naive_best is None or s["F1"] > naive_best[1]["F1"]:
            naive_best = (float(thr), s)
    print(f"  naive all-pairs TF-IDF baseline: best threshold={naive_best[0]:.2f} F1={naive_best[1]['F1']:.3f}")

    # 2. Report with the module's defaults and the tuned values, batch and incremental.
    print("\n## Results (fingerprint -> candidates -> assign)")
    for split_name, split in (("held-out (even topics)", test), ("tuning (odd topics)", train), ("all", docs)):
        print(f"\n### {split_name}: {len(split)} articles, {len({GOLD[d.id] for d in split})} gold stories")
        all_pairs = len(split) * (len(split) - 1) // 2
        settings = [("module defaults", {})]
        if split is not docs:
            settings.append((f"best on tuning half (thr={thr_t:.2f}, margin={'off' if margin_t is None else margin_t})",
                             {"threshold": thr_t, "margin": margin_t}))
        for label, kw in settings:
            for nb in (1, 10):
                st, npairs, t = ingest(split, nb, **kw)
                s = scores(split, st)
                per = sum(t.values()) / len(split) * 1000
                print(fmt(f"{label}, {nb} batch{'es' if nb > 1 else ''}", s,
                          f" pairs={npairs} ({100 * npairs / all_pairs:.1f}% of {all_pairs})"
                          f" {per:.2f} ms/article"))
        s = scores(split, naive_tfidf(split, naive_best[0]))
        print(fmt(f"naive all-pairs TF-IDF (thr={naive_best[0]:.2f})", s, f" pairs={all_pairs} (100%)"))
        # How many gold pairs LSH lets through, and for how many articles a story-mate is a candidate.
        fps = [(d.id, stories.fingerprint(d.text, d.title)) for d in split]
        links = stories.candidates(fps, [])
        gold = {d.id: GOLD[d.id] for d in split}
        same = sum(1 for i in gold for j in gold if i < j and gold[i] == gold[j])
        found = sum(1 for i, js in links.items() for j in js if i < j and gold[i] == gold[j])
        mate = sum(1 for i, js in links.items() if any(gold[j] == gold[i] for j in js))
        has_mate = sum(1 for i in gold if sum(1 for j in gold if gold[j] == gold[i]) > 1)
        print(f"LSH recall: {found}/{same} same-story pairs ({100 * found / same:.1f}%); "
              f"{mate}/{has_mate} articles have a story-mate among candidates")

    # 3. Loosely related stories: pairs of predicted stories (batch, defaults) reported by related().
    fps = [(d.id, stories.fingerprint(d.text, d.title)) for d in docs]
    links = stories.candidates(fps, [])
    out = stories.assign(docs, links)
    topic_of = defaultdict(Counter)
    for d in docs:
        topic_of[out[d.id]][TOPIC[d.id]] += 1
    print(f"\n## related() on all {len(docs)} articles (one batch, defaults): story pairs reported, "
          "and how many pair stories of the same ECB+ topic (same kind of event)")
    for thr in (0.04, 0.08, 0.12, 0.16, 0.20):
        rel = related(docs, links, out, threshold=thr)
        same_topic = sum(1 for a, b, _ in rel
                         if topic_of[a].most_common(1)[0][0] == topic_of[b].most_common(1)[0][0])
        print(f"  threshold={thr:.2f}{' (default)' if thr == RELATED_THRESHOLD else ''}: "
              f"{len(rel)} pairs, {same_topic} same topic ({100 * same_topic / max(1, len(rel)):.0f}%)")

    # 4. One article at a time, as `newsdiff ingest` of single files would do.
    if not args.quick:
        st, npairs, t = ingest(test, len(test))
        s = scores(test, st)
        per = sum(t.values()) / len(test) * 1000
        print(fmt("\nheld-out, one article at a time (defaults)", s, f" pairs={npairs} {per:.2f} ms/article"))

    # 5. Speed of fingerprint + candidates alone, all 982 articles.
    t0 = time.perf_counter()
    fps = [(d.id, stories.fingerprint(d.text, d.title)) for d in docs]
    t1 = time.perf_counter()
    stories.candidates(fps, [])
    t2 = time.perf_counter()
    print(f"\n## Speed on {len(docs)} articles: fingerprint {len(docs) / (t1 - t0):.0f} articles/s, "
          f"candidates {len(docs) / (t2 - t1):.0f} articles/s, fingerprint+candidates "
          f"{len(docs) / (t2 - t0):.0f} articles/s; fingerprint = {len(fps[0][1])} bytes")
    # Growth: candidates for 100 new articles against an archive of growing size (ECB+ repeated),
    # as a run does it: the index of the stored fingerprints built once, then looked up.
    base = [fp for _, fp in fps]
    for n in (1000, 5000, 20000):
        existing = [(k, base[k % len(base)]) for k in range(n)]
        t0 = time.perf_counter()
        index = stories.Index(existing)
        t1 = time.perf_counter()
        index.candidates([(-k - 1, base[k]) for k in range(100)])
        print(f"candidates for 100 new vs {n:6d} stored: index {(t1 - t0) * 1000:.0f} ms once per run, "
              f"lookup {(time.perf_counter() - t1) * 1000:.0f} ms (ECB+ repeated, so many exact duplicates)")
    print(f"\ntotal benchmark time {time.perf_counter() - t_start:.0f} s")


if __name__ == "__main__":
    main()
