"""Precision and recall of ingest.conflicts, by kind, on two labelled sets.

    python benchmarks/conflicts.py [-v] [--no-events]

1. tests/data/conflicts_ecb_gold.json: 24 pairs of REAL ECB+ articles of one event, each
   whole, every disagreement labelled by hand from reading them, before the detector ran
   on them; no threshold was tuned on it. This is the honest yardstick. Each article goes
   through the production path (pipeline.analyse, then pipeline.story_analysis: segment,
   structure, figures, align, claims, conflicts), so headers and datelines get their roles.
2. tests/data/conflicts_gold.json: 36 sentence pairs written while the detector was being
   built (hand-made; its thresholds were set on it), run through conflicts.between(a, b),
   the code behind newsdiff_conflicts().

A predicted row is a true positive when the pair's gold lists a conflict of the same kind
whose values both appear (case-insensitive) in the row's value_a, value_b or detail;
every other row is a false positive, every gold conflict no row matched a false negative.

Then, unless --no-events: the rows found on whole ECB+ earthquake events (every article
of the event as one story), from the shared benchmark folder. Figures: docs/conflicts.md.
"""
import json
import re
import sys
import time

import data  # noqa: F401  (puts the repository on the import path)
from data import BENCHMARKS

from ingest import conflicts, pipeline
from ingest.records import RawArticle, StoryDoc, StoryInputs

HAND = data.ROOT / "tests" / "data" / "conflicts_gold.json"
ECB = data.ROOT / "tests" / "data" / "conflicts_ecb_gold.json"
DOCS = BENCHMARKS / "clusters" / "ecbplus_docs.jsonl"
EVENTS = ("20_ecb", "20_ecbplus", "37_ecb", "37_ecbplus", "38_ecb", "38_ecbplus")


def detok(s):
    """Undo the ECB+ tokenisation the docs file keeps ('6. 1' -> '6.1', '2: 09 a. m.' ->
    '2:09 a.m.', '170, 000' -> '170,000', 'north - northeast' -> 'north-northeast')."""
    s = re.sub(r"(\d)\. (\d)", r"\1.\2", s)
    s = re.sub(r"(\d), (\d{3})\b", r"\1,\2", s)
    s = re.sub(r"(\d): (\d\d)", r"\1:\2", s)
    s = re.sub(r"\b([apAP])\. ([mM])\.", r"\1.\2.", s)
    s = re.sub(r"\bU\. S\.", "U.S.", s)
    s = re.sub(r"(\w) - (\w)", r"\1-\2", s)
    s = re.sub(r'([,.?!]) "(?=\s|$)', r'\1"', s)
    s = re.sub(r"(\w) ' (?=\w)", r"\1' ", s)
    return re.sub(r"\s+", " ", s).strip()


def event_texts(cluster):
    """[(doc name, text)] of one ECB+ event: one line per sentence, URL line dropped."""
    out = []
    with open(DOCS, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if d["cluster_id"] == cluster:
                sents = d["sentences"][1:] if d["subtopic"] == "ecbplus" else d["sentences"]
                out.append((d["doc_name"].replace(".xml", ""), "\n".join(detok(s) for s in sents) + "\n"))
    return sorted(out)


def story(named_texts):
    """Conflict rows of one story of (name, text) articles, by the production path;
    returns (rows, {sentence id: (name, text)})."""
    sentences, docs, sid = [], [], 1
    for n, (name, text) in enumerate(named_texts, 1):
        a = pipeline.analyse(RawArticle(source=name, text=text))
        for s in a.sentences:
            s.id, s.article_id = sid, n
            sid += 1
        sentences += a.sentences
        docs.append(StoryDoc(id=n, published=a.published, name=name, sentences=a.sentences))
    analysis = pipeline.story_analysis(StoryInputs(story_id=1, sentences=sentences, docs=docs))
    where = {s.id: (named_texts[s.article_id - 1][0], s.text) for s in sentences}
    return analysis.conflicts, where


def _hit(row, gold):
    text = " ".join(x or "" for x in (row.value_a, row.value_b, row.detail)).lower()
    return row.kind == gold["kind"] and all(v.lower() in text for v in gold["values"])


def evaluate(pairs, run, verbose=False):
    counts = {k: {"tp": 0, "fp": 0, "fn": 0, "gold": 0} for k in conflicts.KINDS}
    for p in pairs:
        rows = run(p)
        matched = set()
        for g in p["conflicts"]:
            counts[g["kind"]]["gold"] += 1
        for r in rows:
            j = next((j for j, g in enumerate(p["conflicts"]) if j not in matched and _hit(r, g)), None)
            if j is None:
                counts[r.kind]["fp"] += 1
                if verbose:
                    print("  FP %-26s %s: %s | %s" % (p["id"], r.kind, r.value_a, r.value_b))
            else:
                matched.add(j)
                counts[r.kind]["tp"] += 1
        for j, g in enumerate(p["conflicts"]):
            if j not in matched:
                counts[g["kind"]]["fn"] += 1
                if verbose:
                    print("  FN %-26s %s: %s" % (p["id"], g["kind"], g["values"]))
    return counts


def _prf(c):
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else float("nan")
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else float("nan")
    f = 2 * p * r / (p + r) if p + r and p == p and r == r else float("nan")
    return p, r, f


def report(title, pairs, run, verbose):
    t = time.perf_counter()
    counts = evaluate(pairs, run, verbose)
    dt = time.perf_counter() - t
    negatives = sum(1 for p in pairs if not p["conflicts"])
    print("\n%s: %d pairs (%d with no conflict), %.0f ms per pair" % (title, len(pairs), negatives, 1000 * dt / len(pairs)))
    print("  %-10s %5s %4s %4s %4s %9s %6s %5s" % ("kind", "gold", "tp", "fp", "fn", "precision", "recall", "F1"))
    total = {"tp": 0, "fp": 0, "fn": 0, "gold": 0}
    for k in conflicts.KINDS:
        c = counts[k]
        for x in total:
            total[x] += c[x]
        if not any(c.values()):
            continue
        print("  %-10s %5d %4d %4d %4d %9.2f %6.2f %5.2f" % ((k, c["gold"], c["tp"], c["fp"], c["fn"]) + _prf(c)))
    print("  %-10s %5d %4d %4d %4d %9.2f %6.2f %5.2f" % (("overall", total["gold"], total["tp"], total["fp"], total["fn"]) + _prf(total)))


def events(verbose):
    print("\nRows found on whole ECB+ earthquake events (every article of the event is one story):")
    for cluster in EVENTS:
        texts = event_texts(cluster)
        rows, where = story(texts)
        print("\n%s: %d articles, %d rows" % (cluster, len(texts), len(rows)))
        for r in rows:
            print("  %-8s %-6s %s" % (r.kind, r.strength, r.detail[:240]))
            if verbose:
                for sid in (r.sentence_a, r.sentence_b):
                    print("      %s: %s" % where[sid])


def main(argv):
    verbose = "-v" in argv
    ecb = json.loads(ECB.read_text())["pairs"]
    report("REAL ECB+ article pairs (tests/data/conflicts_ecb_gold.json, labelled before the detector ran; not tuned on)",
           ecb, lambda p: story([(p["a_doc"], p["a"]), (p["b_doc"], p["b"])])[0], verbose)
    hand = json.loads(HAND.read_text())["pairs"]
    report("HAND-MADE sentence pairs (tests/data/conflicts_gold.json; thresholds were set on it)",
           hand, lambda p: conflicts.between(p["a"], p["b"]), verbose)
    if "--no-events" not in argv:
        if DOCS.exists():
            events(verbose)
        else:
            print("\n(%s not found: the ECB+ event rows are skipped)" % DOCS)


if __name__ == "__main__":
    main(sys.argv[1:])
