"""Sentence alignment: precision, recall and F1 of ingest.align on three data sets.

  example  tests/data/alignment_gold.json: hand-made gold for the rewrites 000-003
           of the bundled example corpus (one story of four articles, our segmenter)
  aesop    Aesop fables, two English versions, human many-to-many gold
           (shared/benchmarks/alignment/aesop_fables_gnat_gold.jsonl, pre-split)
  ose      OneStopEnglish, Advanced vs Elementary version of the same news article;
           SILVER pairs (made by the corpus authors with cosine similarity), a sample
           of articles segmented with ingest.segment; only pairs whose two sentences
           our segmenter reproduces exactly are scored, and only predicted pairs that
           touch a sentence of a silver pair count (silver leaves most sentences out)

Usage (from the repository root):
  python benchmarks/alignment.py                 # production settings, lexical
  python benchmarks/alignment.py --semantic      # also with the embedding encoder
  python benchmarks/alignment.py --sweep         # rules x thresholds, to choose them
                                                 # (the rule variants live here: production has one)
  python benchmarks/alignment.py --ose 40        # number of OneStopEnglish articles
"""
import argparse
import contextlib
import json
import time

import numpy as np
from data import BENCHMARKS, EXAMPLE, ROOT

from ingest import align, numbers, segment, structure  # noqa: E402
from ingest.records import Sentence  # noqa: E402
from ingest.similarity import normalize  # noqa: E402

BENCH = BENCHMARKS / "alignment"
GOLD = ROOT / "tests" / "data" / "alignment_gold.json"


# --- decision rules: production has one (align.decide); the others are measured against it
RULES = ("threshold", "mutual", "either", "either+merge")


def decide_variant(rule, margin=None):
    """A stand-in for align.decide(S, thr, merge_score) that applies `rule`:
    "threshold" keeps every pair above thr, "mutual" only mutual best matches,
    "either" one-sided best matches, "either+merge" is production (align.decide, with
    `margin` for its merge margin). A pair HIGH_ABOVE over the threshold is kept by every
    rule."""
    if rule == "either+merge":
        if margin is None:
            return align.decide

        def decide_with_margin(S, thr, merge_score):
            production = align.MERGE_MARGIN
            align.MERGE_MARGIN = margin
            try:
                return align.decide(S, thr, merge_score)
            finally:
                align.MERGE_MARGIN = production

        return decide_with_margin

    def decide(S, thr, merge_score):
        if S.size == 0:
            return set()
        best_col, best_row = S.argmax(axis=1), S.argmax(axis=0)
        kept = set()
        for i, j in zip(*np.nonzero(S >= thr)):
            mutual = best_col[i] == j and best_row[j] == i
            either = best_col[i] == j or best_row[j] == i
            keep = {"threshold": True, "mutual": mutual, "either": either}[rule]
            if keep or S[i, j] >= thr[i, j] + align.HIGH_ABOVE:
                kept.add((int(i), int(j)))
        return kept

    return decide


@contextlib.contextmanager
def rule_in_use(rule, margin=None):
    """align.align() decides with decide_variant(rule) inside this block."""
    production = align.decide
    align.decide = decide_variant(rule, margin)
    try:
        yield
    finally:
        align.decide = production


def example_story(stems=None):
    """The example articles as align() input ([records.Sentence] with figures), and
    {sentence id: stem} for the gold."""
    out, stem = [], {}
    for aid, path in enumerate(sorted(EXAMPLE.glob("*.txt"))):
        if stems and path.stem not in stems:
            continue
        text = path.read_text(encoding="utf-8")
        sents, _ = structure.analyse(segment.segment(text))
        for idx, s in enumerate(sents):
            out.append(Sentence(id=len(out), article_id=aid, idx=idx, role=s.role, text=s.text,
                                figures=numbers.extract(s.text), start=s.start, end=s.end))
            stem[out[-1].id] = path.stem
    return out, stem


def gold_ids(story, stem_of, gold):
    """Gold pairs as (id, id): each gold sentence maps to the sentence of its article
    that overlaps its text the most (robust to small segmentation differences)."""
    texts = {p.stem: p.read_text(encoding="utf-8") for p in EXAMPLE.glob("*.txt")}

    def find(stem, text):
        i = texts[stem].index(text)
        j = i + len(text)
        best = max((s for s in story if stem_of[s.id] == stem),
                   key=lambda s: min(j, s.end) - max(i, s.start))
        return best.id

    pairs = set()
    for p in gold["pairs"]:
        a, b = find(*p["a"]), find(*p["b"])
        pairs.add((min(a, b), max(a, b)))
    return pairs


def prf(pred, gold):
    tp = len(pred & gold)
    p = tp / len(pred) if pred else 0.0
    r = tp / len(gold) if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f, len(pred), len(gold)


class Cached:
    """An encoder that remembers embeddings (sweeps re-align the same texts)."""

    def __init__(self, enc):
        self.enc, self.memo = enc, {}

    def encode(self, texts):
        import numpy as np
        missing = [t for t in dict.fromkeys(texts) if t not in self.memo]
        if missing:
            for t, v in zip(missing, self.enc.encode(missing)):
                self.memo[t] = v
        return np.array([self.memo[t] for t in texts])


# ---------------------------------------------------------------- data sets

def load_example():
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    story, stem_of = example_story(set(gold["articles"]))
    return [(story, gold_ids(story, stem_of, gold))]


def load_aesop():
    docs = []
    for line in open(BENCH / "aesop_fables_gnat_gold.jsonl", encoding="utf-8"):
        row = json.loads(line)
        sents = []
        for aid, key in ((0, "sents1"), (1, "sents2")):
            for idx, t in enumerate(row[key]):
                sents.append(Sentence(id=len(sents), article_id=aid, idx=idx, role="body",
                                      text=t, figures=numbers.extract(t)))
        n1 = len(row["sents1"])
        gold = {(i, n1 + j) for i, j in row["gold_alignments"] if j >= 0}
        docs.append((sents, gold))
    return docs


def load_ose(n_articles):
    """Advanced vs Elementary; silver pairs from ADV-ELE.txt matched to our sentences."""
    silver = []
    block = []
    for line in open(BENCH / "onestopenglish" / "ADV-ELE.txt", encoding="utf-8"):
        line = line.rstrip("\n")
        if line.strip() == "*******":
            if len(block) >= 2:
                silver.append((normalize(block[0]), normalize(block[1])))
            block = []
        elif line.strip():
            block.append(line)
    rows = [json.loads(l) for l in open(BENCH / "onestopenglish" / "ose_articles_3levels.jsonl", encoding="utf-8")]
    step = max(1, len(rows) // n_articles)
    docs, matched, tried = [], 0, 0
    silver_by_adv = {}
    for a, e in silver:
        silver_by_adv.setdefault(a, set()).add(e)
    for row in rows[::step][:n_articles]:
        sents = []
        for aid, key in ((0, "adv"), (1, "ele")):
            for idx, s in enumerate(segment.segment(row[key])):
                sents.append(Sentence(id=len(sents), article_id=aid, idx=idx, role="body",
                                      text=s.text, figures=numbers.extract(s.text)))
        adv = {normalize(s.text): s.id for s in sents if s.article_id == 0}
        ele = {normalize(s.text): s.id for s in sents if s.article_id == 1}
        gold = set()
        for a, i in adv.items():
            for e in silver_by_adv.get(a, ()):
                tried += 1
                if e in ele:
                    gold.add((i, ele[e]))
                    matched += 1
        if gold:
            docs.append((sents, gold))
    return docs, matched, tried


# ---------------------------------------------------------------- runs

def evaluate(docs, encoder=None, covered_only=False, **kw):
    """Micro P/R/F1 over all documents. covered_only: score only predicted pairs that
    touch a sentence of a gold pair (for silver data that leaves most sentences out)."""
    tp = npred = ngold = 0
    for sents, gold in docs:
        pred = {(p.sentence_a, p.sentence_b) for p in align.align(sents, encoder=encoder, **kw)}
        if covered_only:
            touched = {i for pair in gold for i in pair}
            pred = {p for p in pred if p[0] in touched or p[1] in touched}
        tp += len(pred & gold)
        npred += len(pred)
        ngold += len(gold)
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0), npred, ngold


def line(name, mode, res, secs=None):
    p, r, f, npred, ngold = res
    extra = f"  {secs:5.1f}s" if secs is not None else ""
    return f"{name:8} {mode:34} P={p:.3f} R={r:.3f} F1={f:.3f}  (pred {npred}, gold {ngold}){extra}"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--semantic", action="store_true", help="also run with the embedding encoder")
    ap.add_argument("--sweep", action="store_true", help="rules x thresholds")
    ap.add_argument("--ose", type=int, default=189, help="OneStopEnglish articles to sample")
    ap.add_argument("--only", default="example,aesop,ose")
    args = ap.parse_args()

    sets = {}
    want = args.only.split(",")
    if "example" in want:
        sets["example"] = load_example()
    if "aesop" in want:
        sets["aesop"] = load_aesop()
    if "ose" in want:
        docs, matched, tried = load_ose(args.ose)
        print(f"# ose: {len(docs)} articles, {matched}/{tried} silver pairs reproduced by our segmenter")
        sets["ose"] = docs

    encoders = [("lexical", None)]
    if args.semantic:
        from ingest import embed
        enc = embed.load_encoder()
        if enc is None:
            print("# semantic: sentence-transformers or model not available; skipped")
        else:
            encoders.append(("semantic", Cached(enc)))

    for ename, enc in encoders:
        for name, docs in sets.items():
            if args.sweep:
                for rule in RULES:
                    with rule_in_use(rule):
                        for t in (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5):
                            print(line(name, f"{ename} {rule} t={t}",
                                       evaluate(docs, enc, name == "ose", threshold=t)))
            else:
                t0 = time.time()
                res = evaluate(docs, enc, name == "ose")
                print(line(name, f"{ename} (production)", res, time.time() - t0))


if __name__ == "__main__":
    main()
