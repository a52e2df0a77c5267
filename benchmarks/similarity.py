"""The pairwise score against human judgements.

1. STS Benchmark dev (graded similarity): Spearman and Pearson.
     context-free  ingest.similarity.similarity(a, b): what newsdiff_similarity() returns
     in-corpus     the same formula, weights fitted on all sentences of the split at once
                   (the aligner's "story context", here the whole dev set)
     semantic      in-corpus plus the embedding cosine (only with sentence-transformers)
   STS-B train MSRpar: the 1,000 MSRP pairs of STS-B train with graded scores (Spearman):
   the largest set of MSRP pairs with redistributable judgements.
2. Paraphrase detection on news sentence pairs: the Microsoft Research Paraphrase Corpus
   (MSRP, Dolan & Brockett 2005). One threshold is chosen on the train split (best
   accuracy there) and accuracy is reported on the test split, beside "always
   paraphrase", a lexical baseline (cosine of plain word counts) and the story formula
   fitted on the pair ("before": the score before the pair model). "pooled":
   the mean test accuracy over 300 random half splits of train and test together
   (threshold on one half, accuracy on the other): on a few hundred pairs one split's
   threshold moves the accuracy by 0.05 from a change of a few pairs.
   MSRP's licence does not allow redistribution, so it is not in the repository: the
   folder holding msr_paraphrase_train.txt / msr_paraphrase_test.txt (the corpus's own
   tab-separated files) is $NEWSDIFF_MSRP, else <benchmarks>/msrp/. Skipped when absent.

Usage: python benchmarks/similarity.py [--semantic] [--msrp DIR]   (from the repository root)
"""
import argparse
import math
import os
import pathlib
import random
import time
from collections import Counter

from data import BENCHMARKS
from scipy.stats import pearsonr, spearmanr  # noqa: E402

from ingest.similarity import Scorer, similarity  # noqa: E402
from ingest.text import stems  # noqa: E402

STS = BENCHMARKS / "stsb" / "sts-dev.csv"
STS_TRAIN = BENCHMARKS / "stsb" / "sts-train.csv"


def load(path=STS, source=None):
    """[(genre, score, sentence 1, sentence 2)], only the rows of `source` (the file
    column: "MSRpar", "headlines", ...) when given."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")   # some rows carry two extra columns
            if len(c) >= 7 and source in (None, c[1]):
                rows.append((c[0], float(c[4]), c[5], c[6]))
    return rows


def msrp_dir(arg=None):
    for d in (arg, os.environ.get("NEWSDIFF_MSRP"), BENCHMARKS / "msrp"):
        if d and (pathlib.Path(d) / "msr_paraphrase_test.txt").exists():
            return pathlib.Path(d)
    return None


def load_msrp(folder, split):
    """[(label 0/1, sentence 1, sentence 2)] of msr_paraphrase_{split}.txt."""
    rows = []
    with open(folder / f"msr_paraphrase_{split}.txt", encoding="utf-8-sig") as f:
        for line in f:
            c = line.rstrip("\r\n").split("\t")
            if len(c) == 5 and c[0] in ("0", "1"):
                rows.append((int(c[0]), c[3], c[4]))
    return rows


def report(name, rows, pred):
    gold = [r[1] for r in rows]
    news = [k for k, r in enumerate(rows) if "news" in r[0]]
    rho_all = spearmanr(gold, pred).correlation
    rho_news = spearmanr([gold[k] for k in news], [pred[k] for k in news]).correlation
    r_all = pearsonr(gold, pred)[0]
    print(f"{name:14} all (n={len(rows)}) rho={rho_all:.3f} r={r_all:.3f}   news (n={len(news)}) rho={rho_news:.3f}")


def best_threshold(scores, labels):
    """(threshold, accuracy) maximising accuracy of `score >= threshold` on these pairs."""
    order = sorted(range(len(scores)), key=lambda k: scores[k])
    pos = sum(labels)
    correct = pos              # threshold below every score: all called paraphrase
    best = (float("-inf"), correct)
    for rank, k in enumerate(order):
        correct += -1 if labels[k] else 1       # pair k now called "not paraphrase"
        nxt = scores[order[rank + 1]] if rank + 1 < len(order) else math.inf
        if nxt > scores[k] and correct > best[1]:
            best = (nxt, correct)
    return best[0], best[1] / len(scores)


def accuracy(scores, labels, t):
    return sum((s >= t) == bool(y) for s, y in zip(scores, labels)) / len(labels)


def pooled_accuracy(scores, labels, splits=300, seed=1):
    """Mean test accuracy over random half splits (threshold chosen on the other half)."""
    rng, total, idx = random.Random(seed), 0.0, list(range(len(scores)))
    for _ in range(splits):
        rng.shuffle(idx)
        half, rest = idx[:len(idx) // 2], idx[len(idx) // 2:]
        t, _ = best_threshold([scores[i] for i in half], [labels[i] for i in half])
        total += accuracy([scores[i] for i in rest], [labels[i] for i in rest], t)
    return total / splits


def word_cosine(a, b):
    """The lexical baseline: cosine of plain (stemmed) word counts."""
    ca, cb = Counter(stems(a)), Counter(stems(b))
    dot = sum(v * cb[t] for t, v in ca.items())
    norm = math.sqrt(sum(v * v for v in ca.values()) * sum(v * v for v in cb.values()))
    return dot / norm if norm else 0.0


def before(a, b):
    """The story formula fitted on the pair: the same Scorer with the pair model switched
    off (newsdiff_similarity before it had pair evidence)."""
    if not isinstance(a, str) or not isinstance(b, str) or not a.strip() or not b.strip():
        return 0.0
    sc = Scorer([a, b])
    sc.pair_evidence = False
    return round(sc.score(0, 1), 6)


def semantic_scores(enc, pairs):
    """(newsdiff_similarity with embeddings, embedding cosine) of each (a, b) pair, each pair
    scored on its own (context-free), as the SQL function would with embeddings."""
    emb = enc.encode([x for a, b in pairs for x in (a, b)])
    with_sem = [round(Scorer([a, b], embeddings=emb[2 * k:2 * k + 2]).score(0, 1), 6)
                for k, (a, b) in enumerate(pairs)]
    return with_sem, [float(emb[2 * k] @ emb[2 * k + 1]) for k in range(len(pairs))]


def msrp(folder, enc=None):
    train, test = load_msrp(folder, "train"), load_msrp(folder, "test")
    ytr, yte = [r[0] for r in train], [r[0] for r in test]
    print(f"# MSRP: train {len(train)} pairs, test {len(test)}; threshold chosen on train, accuracy on test")
    print(f"{'always paraphrase':26} test acc={sum(yte) / len(yte):.3f}")
    scored = [(name, [fn(a, b) for _, a, b in train], [fn(a, b) for _, a, b in test])
              for name, fn in (("lexical baseline (cosine)", word_cosine), ("before (pair-fitted)", before),
                               ("newsdiff_similarity", similarity))]
    if enc is not None:
        tr = semantic_scores(enc, [(a, b) for _, a, b in train])
        te = semantic_scores(enc, [(a, b) for _, a, b in test])
        scored += [("newsdiff_similarity+sem", tr[0], te[0]), ("embedding cosine only", tr[1], te[1])]
    for name, s_tr, s_te in scored:
        t, acc_tr = best_threshold(s_tr, ytr)
        print(f"{name:26} test acc={accuracy(s_te, yte, t):.3f}  (train acc={acc_tr:.3f}, threshold {t:.3f})"
              f"  pooled {pooled_accuracy(s_tr + s_te, ytr + yte):.3f}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--semantic", action="store_true")
    ap.add_argument("--msrp", help="folder with msr_paraphrase_train.txt and _test.txt")
    args = ap.parse_args()
    rows = load()
    report("before", rows, [before(r[2], r[3]) for r in rows])
    report("lexical base", rows, [word_cosine(r[2], r[3]) for r in rows])
    similarity("warm", "up caches")   # wordfreq loads its tables on first use
    t, cpu = time.time(), time.process_time()
    report("context-free", rows, [similarity(r[2], r[3]) for r in rows])
    # CPU time beside wall time: on shared cores the wall-clock rate halves under load
    print(f"#   {len(rows) / (time.time() - t):.0f} pairs/s ({len(rows) / (time.process_time() - cpu):.0f} per CPU second)")
    par = load(STS_TRAIN, "MSRpar")
    gold = [r[1] for r in par]
    for name, fn in (("before", before), ("context-free", similarity)):
        rho = spearmanr(gold, [fn(r[2], r[3]) for r in par]).correlation
        print(f"{name:14} STS-B train MSRpar (n={len(par)}) rho={rho:.3f}")
    texts = [x for r in rows for x in (r[2], r[3])]
    sc = Scorer(texts)
    report("in-corpus", rows, [sc.score(2 * k, 2 * k + 1) for k in range(len(rows))])
    enc = None
    if args.semantic:
        from ingest import embed
        enc = embed.load_encoder()
        if enc is None:
            print("# semantic: sentence-transformers or model not available; skipped")
    folder = msrp_dir(args.msrp)
    if folder is None:
        print("# MSRP: not found ($NEWSDIFF_MSRP or <benchmarks>/msrp/ with msr_paraphrase_*.txt); skipped")
    else:
        msrp(folder, enc)
    if enc is not None:
        emb = enc.encode(texts)
        sc = Scorer(texts, embeddings=emb)
        report("in-corpus+sem", rows, [sc.score(2 * k, 2 * k + 1) for k in range(len(rows))])
        report("cosine only", rows, [float(emb[2 * k] @ emb[2 * k + 1]) for k in range(len(rows))])
        for name, scores in zip(("context-free+sem", "cosine only"), semantic_scores(enc, [(r[2], r[3]) for r in par])):
            print(f"{name:16} STS-B train MSRpar (n={len(par)}) rho={spearmanr(gold, scores).correlation:.3f}")


if __name__ == "__main__":
    main()
