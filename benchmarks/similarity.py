"""Spearman correlation of the pairwise score with human ratings: STS Benchmark dev set.

  context-free  ingest.similarity.similarity(a, b): what newsdiff_similarity() returns
  in-corpus     the same formula, weights fitted on all sentences of the split at once
                (the aligner's "story context", here the whole dev set)
  semantic      in-corpus plus the embedding cosine (only with sentence-transformers)

Usage: python benchmarks/similarity.py [--semantic]   (from the repository root)
"""
import argparse
import time

from data import BENCHMARKS
from scipy.stats import spearmanr  # noqa: E402

from ingest.similarity import Scorer, similarity  # noqa: E402

STS = BENCHMARKS / "stsb" / "sts-dev.csv"


def load():
    rows = []
    for line in open(STS, encoding="utf-8"):
        c = line.rstrip("\n").split("\t")   # some rows carry two extra columns
        if len(c) >= 7:
            rows.append((c[0], float(c[4]), c[5], c[6]))
    return rows


def report(name, rows, pred):
    gold = [r[1] for r in rows]
    news = [k for k, r in enumerate(rows) if "news" in r[0]]
    rho_all = spearmanr(gold, pred).correlation
    rho_news = spearmanr([gold[k] for k in news], [pred[k] for k in news]).correlation
    print(f"{name:14} all (n={len(rows)}) rho={rho_all:.3f}   news (n={len(news)}) rho={rho_news:.3f}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--semantic", action="store_true")
    args = ap.parse_args()
    rows = load()
    t = time.time()
    report("context-free", rows, [similarity(r[2], r[3]) for r in rows])
    print(f"#   {len(rows) / (time.time() - t):.0f} pairs/s")
    texts = [x for r in rows for x in (r[2], r[3])]
    sc = Scorer(texts)
    report("in-corpus", rows, [sc.score(2 * k, 2 * k + 1) for k in range(len(rows))])
    if args.semantic:
        from ingest import embed
        enc = embed.load_encoder()
        if enc is None:
            print("# semantic: sentence-transformers or model not available; skipped")
            return
        emb = enc.encode(texts)
        sc = Scorer(texts, embeddings=emb)
        report("in-corpus+sem", rows, [sc.score(2 * k, 2 * k + 1) for k in range(len(rows))])
        report("cosine only", rows, [float(emb[2 * k] @ emb[2 * k + 1]) for k in range(len(rows))])


if __name__ == "__main__":
    main()
