"""Precision and recall of ingest.conflicts on tests/data/conflicts_gold.json, by kind.

    python benchmarks/conflicts.py [-v]

Each gold pair is run through conflicts.between(a, b), the code behind both the
`conflicts` table and newsdiff_conflicts(). A predicted row is a true positive when the
pair's gold lists a conflict of the same kind whose values both appear (case-insensitive)
in the row's value_a, value_b or detail; every other row is a false positive, and every
gold conflict no row matched is a false negative. Results are recorded in docs/conflicts.md.
"""
import json
import sys
import time

import data  # noqa: F401  (puts the repository on the import path)

from ingest import conflicts

GOLD = data.ROOT / "tests" / "data" / "conflicts_gold.json"


def _hit(row, gold):
    text = " ".join(x or "" for x in (row.value_a, row.value_b, row.detail)).lower()
    return row.kind == gold["kind"] and all(v.lower() in text for v in gold["values"])


def evaluate(pairs, verbose=False):
    counts = {k: {"tp": 0, "fp": 0, "fn": 0, "gold": 0} for k in conflicts.KINDS}
    for p in pairs:
        rows = conflicts.between(p["a"], p["b"])
        matched = set()
        for g in p["conflicts"]:
            counts[g["kind"]]["gold"] += 1
        for r in rows:
            j = next((j for j, g in enumerate(p["conflicts"]) if j not in matched and _hit(r, g)), None)
            if j is None:
                counts[r.kind]["fp"] += 1
                if verbose:
                    print("FP %-22s %s: %s | %s" % (p["id"], r.kind, r.value_a, r.value_b))
            else:
                matched.add(j)
                counts[r.kind]["tp"] += 1
        for j, g in enumerate(p["conflicts"]):
            if j not in matched:
                counts[g["kind"]]["fn"] += 1
                if verbose:
                    print("FN %-22s %s: %s" % (p["id"], g["kind"], g["values"]))
    return counts


def _pr(c):
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
    return p, r


def main(argv):
    gold = json.loads(GOLD.read_text())
    pairs = gold["pairs"]
    t = time.perf_counter()
    counts = evaluate(pairs, "-v" in argv)
    dt = time.perf_counter() - t
    negatives = sum(1 for p in pairs if not p["conflicts"])
    print("%d pairs (%d with no conflict), %.1f ms per pair" % (len(pairs), negatives, 1000 * dt / len(pairs)))
    print("%-12s %5s %4s %4s %4s %9s %6s" % ("kind", "gold", "tp", "fp", "fn", "precision", "recall"))
    total = {"tp": 0, "fp": 0, "fn": 0, "gold": 0}
    for k in conflicts.KINDS:
        c = counts[k]
        for x in total:
            total[x] += c[x]
        p, r = _pr(c)
        print("%-12s %5d %4d %4d %4d %9.2f %6.2f" % (k, c["gold"], c["tp"], c["fp"], c["fn"], p, r))
    p, r = _pr(total)
    print("%-12s %5d %4d %4d %4d %9.2f %6.2f" % ("overall", total["gold"], total["tp"], total["fp"], total["fn"], p, r))


if __name__ == "__main__":
    main(sys.argv[1:])
