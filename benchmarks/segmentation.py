"""Sentence segmentation benchmark: ingest.segment against pysbd 0.3.4, side by side.

Run from the repository root:

    python benchmarks/segmentation.py            # everything (~1 minute)
    python benchmarks/segmentation.py --quiet    # figures only, no failing cases

Prints: Golden Rules passed (x/48); exact-match accuracy on the other pySBD,
pragmatic_segmenter and syntok test sets; sentence-boundary precision/recall/F1 on the
hand-checked gold of the five example articles; speed in MB/s and sentences/s on ~5 MB of
real text (pysbd is timed on a ~1 MB slice: it is about 10x slower). Then the cases ours
fails. pysbd is an optional bench dependency: `pip install pysbd==0.3.4`.

Data: the sbd_*.jsonl files come from the shared benchmark folder (NEWSDIFF_BENCHMARKS,
default /work/shared/benchmarks); see that folder's README for provenance and licences.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import time

from data import BENCHMARKS, ROOT

from ingest.segment import segment  # noqa: E402

BENCH = str(BENCHMARKS)
ARTICLES = sorted(glob.glob(os.path.join(ROOT, "ingest", "example", "*.txt")))
GOLD = os.path.join(ROOT, "tests", "data", "segment_gold.json")
SETS = [
    ("pySBD regression", "sbd_pysbd_regression_en.jsonl"),
    ("pragmatic_segmenter en", "sbd_pragmatic_segmenter_en.jsonl"),
    ("syntok OSPL", "sbd_syntok_ospl_en.jsonl"),
]


def ours(text: str) -> list[str]:
    return [s.text for s in segment(text)]


def make_pysbd():
    try:
        import pysbd
    except ImportError:
        print("pysbd is not installed: `pip install pysbd==0.3.4` to compare against it.\n")
        return None
    seg = pysbd.Segmenter(language="en", clean=False)
    return lambda text: [s.strip() for s in seg.segment(text) if s.strip()]


def load(name: str) -> list[dict]:
    with open(os.path.join(BENCH, name), encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def exact(fn, rows):
    ok, fails = 0, []
    for d in rows:
        got = fn(d["text"])
        exp = [s.strip() for s in d["sentences"]]
        if got == exp:
            ok += 1
        else:
            fails.append((d.get("name", ""), d["text"], exp, got))
    return ok, fails


def ends(text: str, sents: list[str]) -> set[int]:
    """End offsets of sentences, found in order in text (works for any segmenter)."""
    out, pos = set(), 0
    for s in sents:
        i = text.find(s, pos)
        if i < 0:  # a segmenter that changed the text: fall back to the first word
            i = text.find(s.split()[0], pos) if s.split() else -1
            if i < 0:
                continue
            pos = i + 1
            continue
        pos = i + len(s)
        out.add(pos)
    return out


def prf(fn, gold: dict) -> tuple[float, float, float, list]:
    tp = fp = fn_ = 0
    fails = []
    for path in ARTICLES:
        name = os.path.basename(path)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        g = ends(text, gold[name])
        got_s = fn(text)
        o = ends(text, got_s)
        tp += len(g & o)
        fp += len(o - g)
        fn_ += len(g - o)
        if o != g:
            fails.append((name, sorted(g - o), sorted(o - g), text))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn_) if tp + fn_ else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f1, fails


def documents(target_bytes: int) -> list[str]:
    """~target_bytes of real text as documents: the pragmatic_segmenter texts and the five
    articles, repeated."""
    parts = [d["text"] for d in load("sbd_pragmatic_segmenter_en.jsonl")]
    for path in ARTICLES:
        with open(path, encoding="utf-8") as f:
            parts.append(f.read())
    out, size, i = [], 0, 0
    while size < target_bytes:
        doc = parts[i % len(parts)]
        out.append(doc)
        size += len(doc.encode("utf-8")) + 2
        i += 1
    return out


def speed(fn, docs: list[str], whole: bool) -> tuple[float, float, float, int]:
    """MB/s and sentences/s. whole=True: one call on the documents joined by blank lines
    (ours is linear in the length); False: one call per document (pysbd slows down badly
    on one multi-megabyte string, and per document is how it is used)."""
    text = "\n\n".join(docs)
    mb = len(text.encode("utf-8")) / 1e6
    t0 = time.perf_counter()
    if whole:
        n = len(fn(text))
    else:
        n = sum(len(fn(d)) for d in docs)
    dt = time.perf_counter() - t0
    return mb / dt, n / dt, mb, n


def short(s: str, n: int = 160) -> str:
    s = s.replace("\n", "\\n")
    return s if len(s) <= n else s[: n - 3] + "..."


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quiet", action="store_true", help="figures only, no failing cases")
    ap.add_argument("--mb", type=float, default=5.0, help="MB of text to time ours on (default 5)")
    ap.add_argument("--pysbd-mb", type=float, default=1.0, help="MB to time pysbd on (default 1)")
    args = ap.parse_args()

    contenders = [("ours", ours)]
    ref = make_pysbd()
    if ref is not None:
        contenders.append(("pysbd 0.3.4", ref))

    results: dict[str, dict] = {name: {} for name, _ in contenders}
    failures: dict[str, list] = {}

    golden = load("sbd_golden_en.jsonl")
    for name, fn in contenders:
        ok, fails = exact(fn, golden)
        results[name]["Golden Rules"] = f"{ok}/{len(golden)}"
        if name == "ours":
            failures["Golden Rules"] = fails
    for label, fname in SETS:
        rows = load(fname)
        for name, fn in contenders:
            ok, fails = exact(fn, rows)
            results[name][label] = f"{ok}/{len(rows)} ({100 * ok / len(rows):.0f}%)"
            if name == "ours":
                failures[label] = fails
    # syntok is one text of 109 sentences: exact match is all-or-nothing, so also count
    # how many of its gold sentences come out exactly.
    (syn,) = load("sbd_syntok_ospl_en.jsonl")
    for name, fn in contenders:
        got = set(fn(syn["text"]))
        hit = sum(1 for s in syn["sentences"] if s.strip() in got)
        results[name]["syntok sentences found"] = f"{hit}/{len(syn['sentences'])}"

    with open(GOLD, encoding="utf-8") as f:
        gold = json.load(f)
    for name, fn in contenders:
        p, r, f1, fails = prf(fn, gold)
        results[name]["articles P / R / F1"] = f"{p:.3f} / {r:.3f} / {f1:.3f}"
        if name == "ours":
            failures["articles"] = fails

    for name, fn in contenders:
        ours_ = name == "ours"
        docs = documents(int((args.mb if ours_ else args.pysbd_mb) * 1e6))
        fn(docs[0])  # warm up (regex compilation, caches)
        mbs, sps, mb, n = speed(fn, docs, whole=ours_)
        how = "one string" if ours_ else "per document"
        results[name]["speed"] = f"{mbs:.2f} MB/s, {sps:,.0f} sentences/s ({mb:.1f} MB {how}, {n:,} sentences)"

    rows = list(results["ours"].keys())
    w0 = max(len(r) for r in rows) + 2
    names = [n for n, _ in contenders]
    widths = [max(len(n), *(len(results[n][r]) for r in rows)) + 2 for n in names]
    print("".ljust(w0) + "".join(n.ljust(w) for n, w in zip(names, widths)))
    for r in rows:
        print(r.ljust(w0) + "".join(results[n][r].ljust(w) for n, w in zip(names, widths)))
    if ref is not None:
        a = float(results["ours"]["speed"].split()[0])
        b = float(results["pysbd 0.3.4"]["speed"].split()[0])
        print(f"\nspeed ratio ours / pysbd: {a / b:.1f}x")

    if args.quiet:
        return
    print("\nCases ours fails:")
    for label, fails in failures.items():
        if not fails:
            continue
        print(f"\n[{label}] {len(fails)} failing")
        if label == "articles":
            for name, missed, extra, text in fails:
                print(f"  {name}: missed ends {missed} extra ends {extra}")
            continue
        for name, text, exp, got in fails:
            print(f"  - {name}: {short(text)}")
            es, gs = set(exp), set(got)
            for s in exp:
                if s not in gs:
                    print(f"      expected: {short(s, 140)}")
            for s in got:
                if s not in es:
                    print(f"      got:      {short(s, 140)}")


if __name__ == "__main__":
    main()
