"""Score ingest.numbers.extract (and quantulum3, side by side) on public test data.

    python benchmarks/numbers_bench.py            # from the repo root, about a minute
    python benchmarks/numbers_bench.py --no-quantulum --errors 5

Data (see /work/shared/benchmarks/README.md):
  - Recognizers-Text English specs: Number/English/*.json, NumberWithUnit/English/*.json
    (`End` is inclusive; offsets given);
  - quantulum3 en_US tests: quantities.json, quantities.ambiguity.json (no offsets: the
    gold surface is located in the input with str.find), errors.json (inputs that must
    not crash; no gold figures).

Scoring, per gold figure, greedy one-to-one:
  - value: a predicted figure whose span overlaps the gold span and whose value equals
    the gold value (relative tolerance 1e-3). For ranges the gold value may be the low
    end (ours, Recognizers) or the midpoint (quantulum3 reports midpoints), and an
    open-ended Recognizers range "[30,)" is matched by its finite end.
  - value+unit: the same, and the units agree after mapping both sides to one canonical
    vocabulary (tables UNIT_MAP below): ISO 4217 codes for money, "%" for percentages,
    our unit symbols/names for measures and durations, and None ("dimensionless") for
    plain numbers, counts, ordinals, years, fractions and multipliers (a counted noun such
    as "worker" is not a unit of measurement, so it is compared as dimensionless).
    For Recognizers number ranges the "unit" is the range shape: "range", "lower bound",
    "upper bound" (from our low/high and qualifier fields).
Precision = matched predictions / predictions in scope, recall = matched gold / gold.
Scope: the single-type Recognizers sets annotate only their own type (CurrencyModel
marks money, not the "four years" in the same sentence), so an unmatched prediction
counts against precision only when it is of that set's type (SCOPE below, on the
prediction's kind: ours directly, quantulum3's derived from its unit). The Number
sets, quantulum3's sets and errors.json score every prediction.
Recognizers' "Ton" names both short tons and metric tonnes ("25 lakh tonnes", "100t"), so
it accepts our "ton" or "tonne" (written "ton|tonne" in the table).
Gold figures with no value we model (Recognizers "ordinal.relative" such as "last")
still count as gold: they are honest misses.

NEWS-LIKE (a second total, never instead of OVERALL): the sets whose figure types are
the ones news states (money, percentages, measures, temperatures, ages, ranges, and
quantulum3's quantities), i.e. OVERALL without the NumberModel* and Ordinal* sets, whose
cases are mostly puzzles of spelled arithmetic ("one hundred thirty fifths", "1.1^23",
"the one before the last one"), and without errors.json (no gold). The quantulum3 sets
are quantulum3's own tests, so a third total, NEWS-LIKE Recognizers only, is the
neutral ground for comparing the two systems.

Speed: sentences per second, ours and quantulum3 in the same run, on two corpora: every
benchmark input plus the example articles' lines; and realistic news, the sentences of
the five example articles plus the ECB+ news sentences (16k), shuffled. Timed in CPU
seconds of this process (time.process_time), for both systems.
"""
# (named numbers_bench.py, not numbers.py: a numbers.py here would shadow the standard
# library's `numbers` module for every script run from benchmarks/)
import argparse
import collections
import glob
import json
import math
import random
import os
import re
import time
import warnings

from data import BENCHMARKS, EXAMPLE, ROOT

from ingest.numbers import extract  # noqa: E402

DATA = str(BENCHMARKS)
EXAMPLES = str(EXAMPLE)

# ---------------------------------------------------------------- unit tables
# Recognizers-Text unit names -> our canonical unit. Money uses isoCurrency when given.
REC_UNIT = {
    "Dollar": "USD", "United States dollar": "USD", "Euro": "EUR", "Pound": "GBP",
    "British pound": "GBP", "Chinese yuan": "CNY", "Japanese yen": "JPY", "Franc": "CHF",
    "Swiss franc": "CHF", "Rupee": "INR", "Bitcoin": "BTC", "Canadian dollar": "CAD",
    "Australian dollar": "AUD", "Hong Kong dollar": "HKD", "New Zealand dollar": "NZD",
    "Turkish lira": "TRY", "Mexican peso": "MXN",
    # temperature / dimension / age
    "C": "°C", "F": "°F", "Degree": "degree", "Foot": "foot", "Meter": "m", "Mile": "mile",
    "Gallon": "gallon", "Ton": "ton|tonne", "Metric ton": "tonne", "Kilometer per hour": "km/h",
    "Kilogram": "kg", "Microgram": "µg", "Inch": "inch", "Square meter": "m2",
    "Kilometer": "km", "Millimeter": "mm", "Milliliter": "ml", "Barrel": "barrel",
    "Ounce": "ounce", "Acre": "acre", "Bit": "bit", "Mile per hour": "mph",
    "Square kilometer": "km2", "Megabyte": "MB", "Megabit": "Mbit", "Gram": "g",
    "Year": "year", "Month": "month", "Week": "week", "Day": "day",
    "Decimeter": "dm", "Cubic foot": "ft3", "Cubic meter": "m3", "Square foot": "ft2",
    "Tablespoon": "tablespoon", "Teaspoon": "teaspoon", "Cup": "cup", "Peseta": "ESP", "Netherlands guilder": "NLG", "Finnish markka": "FIM",
}
# hundredth parts: the gold value is scaled into the main currency, as we do
REC_SUBUNIT = {"Cent": ("USD", 0.01), "Pence": ("GBP", 0.01), "Penny": ("GBP", 0.01)}
REC_DIMENSION_POUND = "lb"   # "Pound" under DimensionModel is a weight

# quantulum3 unit names -> our canonical unit (used for its gold and for its output)
Q_UNIT = {
    "dimensionless": None, "percentage": "%", "dollar": "USD", "euro": "EUR",
    "pound sterling": "GBP", "yen": "JPY", "japanese yen": "JPY", "cent": "USD",
    "metre": "m", "kilometre": "km", "centimetre": "cm", "millimetre": "mm", "mile": "mile",
    "inch": "inch", "foot": "foot", "yard": "yard", "kilogram": "kg", "gram": "g",
    "milligram": "mg", "tonne": "tonne", "pound-mass": "lb", "litre": "litre",
    "gallon": "gallon", "cubic centimetre": "ml", "millilitre": "ml",
    "square kilometre": "km2", "square mile": "mile2", "square metre": "m2",
    "degree Celsius": "°C", "degree fahrenheit": "°F", "degree Fahrenheit": "°F",
    "second": "second", "minute": "minute", "hour": "hour", "day": "day", "week": "week",
    "month": "month", "year": "year", "kilometre per hour": "km/h", "mile per hour": "mph",
    "megabyte": "MB", "gigabyte": "GB", "petabyte": "PB", "exabyte": "EB", "centilitre": "cl", "watt": "W", "megawatt": "MW",
    "megawatt hour": "MWh", "watt hour": "Wh", "gigahertz": "GHz",
    "cubic kilometre": "km3", "cubic metre": "m3", "cubic foot": "ft3", "nanometre": "nanometre",
    "decimetre": "dm", "bit": "bit", "microgram": "µg", "tablespoon": "tablespoon",
    "teaspoon": "teaspoon", "cup": "cup",
    # compound units: ours are unit + rate ("$15.4/hour" is USD with rate hour)
    "dollar per hour": "USD/hour", "dollar per year": "USD/year", "dollar per month": "USD/month",
    "euro per hour": "EUR/hour", "euro per year": "EUR/year",
}
SCOPE = {
    "rec/Number/NumberRangeModel": {"range"}, "rec/Number/NumberRangeModelExperimentalMode": {"range"},
    "rec/Number/OrdinalModel": {"ordinal"}, "rec/Number/OrdinalModelSuppressExtendedTypes": {"ordinal"},
    "rec/Number/PercentModel": {"percent"}, "rec/Number/PercentModelPercentMode": {"percent", "fraction"},
    "rec/NumberWithUnit/AgeModel": {"duration"}, "rec/NumberWithUnit/CurrencyModel": {"money"},
    "rec/NumberWithUnit/DimensionModel": {"measure"}, "rec/NumberWithUnit/TemperatureModel": {"temperature"},
}
# quantulum3 annotates quantities, never ordinals ("the 21st century", "the second
# Lagrangian point"): an unmatched ordinal of ours is outside its scope, as an unmatched
# count is outside CurrencyModel's
NOT_SCOPE = {"quantulum3/quantities": {"ordinal"}, "quantulum3/quantities.ambiguity": {"ordinal"},
             "news/... without dates and ordinals": {"date", "ordinal"}}
NEWS_LIKE = {
    "rec/Number/NumberRangeModel", "rec/Number/NumberRangeModelExperimentalMode",
    "rec/Number/PercentModel", "rec/Number/PercentModelPercentMode", "rec/Number/NumberModelPercentMode",
    "rec/NumberWithUnit/AgeModel", "rec/NumberWithUnit/CurrencyModel",
    "rec/NumberWithUnit/DimensionModel", "rec/NumberWithUnit/TemperatureModel",
    "quantulum3/quantities", "quantulum3/quantities.ambiguity",
}
TIME_UNITS = {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"}


def in_scope(p, dataset):
    if p["kind"] in NOT_SCOPE.get(dataset, ()):
        return False
    sc = SCOPE.get(dataset)
    if sc is None:
        return True
    if "range" in sc:
        return p["shape"] in ("range", "lower bound", "upper bound")
    if "temperature" in sc:
        return p["unit"] in ("°C", "°F", "degree")
    if dataset.endswith("DimensionModel") and p["unit"] in ("°C", "°F", "degree"):
        return False      # temperatures are annotated by TemperatureModel, not here
    return p["kind"] in sc


def q_kind(unit):
    """Kind of a quantulum3 prediction, from its canonical unit."""
    if unit is None:
        return "number"
    if unit == "%":
        return "percent"
    if unit in TIME_UNITS:
        return "duration"
    if re.fullmatch(r"[A-Z]{3}", unit) or unit in ("dollar", "euro", "pound sterling", "cent"):
        return "money"
    return "measure"


DIMENSIONLESS_KINDS = {"number", "count", "ordinal", "year", "fraction", "multiplier", "date", "score"}


def our_unit(f):
    """Canonical unit of one of our figures for value+unit matching."""
    if f["kind"] in DIMENSIONLESS_KINDS:
        return None
    return f["unit"]


# ---------------------------------------------------------------- loading gold
def _num(s):
    try:
        return float(s)
    except (TypeError, ValueError):
        return None


def _rec_range(v):
    """'[30,)' -> (30, None, 'lower bound'); '[20,30)' -> (20, 30, 'range')."""
    m = re.match(r"^([\[(])\s*([^,]*),\s*([^\])]*)([\])])$", v or "")
    if not m:
        return None
    a, b = _num(m.group(2)), _num(m.group(3))
    if a is not None and b is not None:
        return a, b, "range" if a != b else None
    if a is not None:
        return a, None, "lower bound"
    return b, None, "upper bound"


def load_recognizers():
    sets = []
    for sub in ("Number", "NumberWithUnit"):
        for path in sorted(glob.glob(os.path.join(DATA, "recognizers", sub, "English", "*.json"))):
            name = "rec/" + sub + "/" + os.path.basename(path)[:-5]
            cases = []
            for c in json.load(open(path, encoding="utf-8-sig")):
                text = c["Input"]
                gold = []
                for r in c.get("Results", []):
                    res = r.get("Resolution") or {}
                    tn = r.get("TypeName", "")
                    g = {"start": r["Start"], "end": r["End"] + 1, "surface": r["Text"],
                         "type": tn + ("/" + res["subtype"] if res.get("subtype") else ""),
                         "value": None, "alt": [], "unit": None}
                    v = res.get("value")
                    if tn == "numberrange":
                        rr = _rec_range(v)
                        if rr:
                            g["value"], hi, g["unit"] = rr[0], rr[1], rr[2]
                            if hi is not None:
                                g["alt"] = [(rr[0] + hi) / 2]
                    elif tn.startswith("percentage"):
                        g["value"], g["unit"] = _num((v or "").rstrip("%")), "%"
                    elif tn == "currency":
                        g["value"] = _num(v)
                        u = res.get("unit")
                        if u in REC_SUBUNIT:
                            g["unit"] = REC_SUBUNIT[u][0]
                            if g["value"] is not None:
                                g["value"] *= REC_SUBUNIT[u][1]
                        else:
                            g["unit"] = res.get("isoCurrency") or REC_UNIT.get(u, u)
                    elif tn in ("dimension", "temperature", "age"):
                        g["value"] = _num(v)
                        u = res.get("unit")
                        g["unit"] = REC_DIMENSION_POUND if (tn == "dimension" and u == "Pound") else REC_UNIT.get(u, u)
                    elif tn.startswith("ordinal"):
                        g["value"] = _num(res.get("offset") if tn == "ordinal" else None) or _num(v)
                    else:
                        g["value"] = _num(v)
                    gold.append(g)
                cases.append({"text": text, "gold": gold})
            sets.append((name, cases))
    return sets


def _q_value(v, unit):
    """quantulum3 counts cents as a unit ("100 cents" = 100 cent); Recognizers' gold and
    ours scale them into the main currency (1 USD): map quantulum3's gold and output alike."""
    v = _num(v)
    return v * 0.01 if (v is not None and unit == "cent") else v


def load_quantulum():
    sets = []
    for fn in ("quantities", "quantities.ambiguity"):
        cases = []
        for c in json.load(open(os.path.join(DATA, "quantulum3", fn + ".json"))):
            text, gold, pos = c["req"], [], 0
            for r in c["res"]:
                sf = r["surface"]
                i = text.find(sf, pos)
                if i < 0:
                    i = text.find(sf)
                g = {"surface": sf, "start": i if i >= 0 else None,
                     "end": i + len(sf) if i >= 0 else None, "value": _q_value(r["value"], r["unit"]),
                     "alt": [], "unit": Q_UNIT.get(r["unit"], r["unit"]),
                     "type": "quantulum/" + ("dimensionless" if r["unit"] == "dimensionless" else "unit")}
                if i >= 0:
                    pos = i + len(sf)
                gold.append(g)
            cases.append({"text": text, "gold": gold})
        sets.append(("quantulum3/" + fn, cases))
    errors = [{"text": t, "gold": []} for t in json.load(open(os.path.join(DATA, "quantulum3", "errors.json")))]
    sets.append(("quantulum3/errors", errors))
    return sets


NEWS_GOLD = str(ROOT / "tests" / "data" / "numbers_news_gold.json")
NEWS_SET = "news/ECB+ and example articles (hand gold)"
NEWS_SET_NARROW = "news/... without dates and ordinals"


def load_news():
    """The real-news gold (tests/data/numbers_news_gold.json, guideline at its top).
    Counts, ordinals, years, numbers, fractions and dates are dimensionless for
    value+unit (the counted noun stays in "noun" for the strict figure); dates match on
    their iso string. A second set drops dates and ordinals from the gold, and
    predictions over them from the scoring: the types quantulum3 never reports."""
    if not os.path.exists(NEWS_GOLD):
        return []
    full, narrow = [], []
    for row in json.load(open(NEWS_GOLD, encoding="utf-8"))["sentences"]:
        gold = []
        for f in row["figures"]:
            g = {"surface": f["surface"], "start": f["start"], "end": f["end"], "value": f["value"],
                 "alt": [(f["value"] + f["high"]) / 2] if f.get("high") is not None else [],
                 "unit": None if f["kind"] in DIMENSIONLESS_KINDS else f["unit"],
                 "noun": f["unit"], "iso": f.get("iso"), "type": "news/" + f["kind"]}
            gold.append(g)
        full.append({"text": row["text"], "gold": gold})
        narrow.append({"text": row["text"], "gold": [g for g in gold if g["type"] not in ("news/date", "news/ordinal")],
                       "ignore": [(g["start"], g["end"]) for g in gold if g["type"] in ("news/date", "news/ordinal")]})
    return [(NEWS_SET, full), (NEWS_SET_NARROW, narrow)]


PAGES_GOLD = str(ROOT / "tests" / "data" / "numbers_pages_gold.json")
PAGES_SET = "news/pages + ECB+ (pages gold, not tuned on)"


def load_pages():
    """The second real-news gold (tests/data/numbers_pages_gold.json): real web pages and
    ECB+ sentences outside the first gold, annotated by the guideline at its top; nothing
    was tuned on it. Sentences marked skip (not English) are not scored. Scored like the
    first gold; units in pint's canonical names, compared by same_unit()."""
    if not os.path.exists(PAGES_GOLD):
        return []
    cases = []
    for row in json.load(open(PAGES_GOLD, encoding="utf-8"))["sentences"]:
        if row.get("skip"):
            continue
        gold = [{"surface": f["surface"], "start": f["start"], "end": f["end"], "value": f["value"],
                 "alt": [(f["value"] + f["high"]) / 2] if f.get("high") is not None else [],
                 "unit": None if f["kind"] in DIMENSIONLESS_KINDS else f["unit"],
                 "noun": f["unit"], "iso": f.get("iso"), "type": "pages/" + f["kind"]}
                for f in row["figures"]]
        cases.append({"text": row["text"], "gold": gold})
    return [(PAGES_SET, cases)]


# ---------------------------------------------------------------- systems
def ours(text):
    return [{"start": f["start"], "end": f["end"], "surface": f["surface"], "value": f["value"],
             "low": f["low"], "high": f["high"], "unit": our_unit(f), "kind": f["kind"],
             "rate": f["rate"], "iso": f["iso"], "noun": f["unit"],
             "shape": ("range" if f["high"] is not None else f["qualifier"])}
            for f in (x.reading() for x in extract(text))]


_Q = None


def quantulum_parser():
    """quantulum3's parser; falls back to its heuristic disambiguation when the bundled
    classifier cannot be unpickled with the installed scikit-learn."""
    global _Q
    if _Q is None:
        warnings.filterwarnings("ignore")
        import logging
        logging.disable(logging.WARNING)
        from quantulum3 import parser
        import quantulum3.classifier as qc
        try:
            parser.parse("I spent 20 million pounds on this")
            _Q = (parser, "with its classifier")
        except Exception as e:  # pragma: no cover - depends on the environment
            qc.USE_CLF = False
            qc.classifier.cache_clear() if hasattr(qc.classifier, "cache_clear") else None
            _Q = (parser, "heuristic disambiguation (classifier failed to load: %s)" % type(e).__name__)
    return _Q[0]


def theirs(text):
    p = quantulum_parser()
    try:
        qs = p.parse(text)
    except Exception:
        return []
    out = []
    for q in qs:
        name = q.unit.name
        unit = Q_UNIT.get(name, name)
        out.append({"start": q.span[0], "end": q.span[1], "surface": q.surface,
                    "value": _q_value(q.value, name), "low": None, "high": None, "unit": unit, "rate": None,
                    "iso": None, "noun": None,
                    "kind": q_kind(unit),
                    "shape": None})
    return out


# ---------------------------------------------------------------- scoring
def _close(a, b):
    if a is None or b is None:
        return False
    return math.isclose(a, b, rel_tol=1e-3, abs_tol=1e-9)


def _overlap(g, p):
    if g["start"] is None:
        return True
    return p["start"] < g["end"] and g["start"] < p["end"]


def _value_ok(g, p):
    if g.get("iso"):
        return p.get("iso") == g["iso"]
    cands = [p["value"], p["low"]]
    if p["low"] is not None and p["high"] is not None:
        cands.append((p["low"] + p["high"]) / 2)
    return any(_close(g["value"], c) or any(_close(a, c) for a in g["alt"]) for c in cands)


_UREG = None
# our and the sets' spellings pint does not parse the same way ("ton" is pint's short ton)
_PINT_SPELLING = {"%": "percent", "°C": "degree_Celsius", "°F": "degree_Fahrenheit",
                  "km2": "km**2", "m2": "m**2", "mile2": "mile**2", "ft2": "ft**2", "m3": "m**3",
                  "km3": "km**3", "ft3": "ft**3", "µg": "microgram", "cl": "centiliter",
                  "tonne": "metric_ton", "Mbit": "megabit", "bcm": "1e9 * m**3"}


def same_unit(a, b):
    """Two unit names name the same unit: equal strings, or pint reads both as the same
    unit (same dimension, factor 1 to the base units): "km" = "kilometer", "%" =
    "percent", "lb" = "pound". ISO 4217 codes and counted nouns compare as strings."""
    if a == b:
        return True
    if a is None or b is None:
        return False
    global _UREG
    if _UREG is None:
        import pint
        _UREG = pint.UnitRegistry()
    try:
        qa = _UREG.Quantity(1, _PINT_SPELLING.get(a, a)) if " " not in a else _UREG(_PINT_SPELLING.get(a, a))
        qb = _UREG.Quantity(1, _PINT_SPELLING.get(b, b)) if " " not in b else _UREG(_PINT_SPELLING.get(b, b))
        if qa.dimensionality != qb.dimensionality:
            return False
        return math.isclose(qa.to_base_units().magnitude, qb.to_base_units().magnitude, rel_tol=1e-6)
    except Exception:
        return False


def _unit_ok(g, p, dataset):
    if g["type"].startswith("numberrange"):
        return g["unit"] == p["shape"] or (g["unit"] is None and p["shape"] in (None, "range"))
    if g["unit"] and "|" in g["unit"]:
        return any(same_unit(u, p["unit"]) for u in g["unit"].split("|"))
    if g["unit"] and "/" in g["unit"] and p.get("rate") and g["unit"].endswith("/" + p["rate"]):
        return g["unit"] == "%s/%s" % (p["unit"], p["rate"])
    return same_unit(g["unit"], p["unit"])


def score_case(case, preds, dataset):
    """Returns per-mode (tp, n_pred, n_gold) and error records."""
    res = {}
    errs = []
    for mode in ("value", "unit"):
        used = set()
        tp = 0
        for g in case["gold"]:
            hit = None
            for i, p in enumerate(preds):
                if i in used or not _overlap(g, p) or not _value_ok(g, p):
                    continue
                if mode == "unit" and not _unit_ok(g, p, dataset):
                    continue
                hit = i
                break
            if hit is not None:
                used.add(hit)
                tp += 1
            else:
                errs.append((mode, "miss", g, [p for p in preds if _overlap(g, p)]))
        n_pred = tp
        for i, p in enumerate(preds):
            if i in used or not in_scope(p, dataset):
                continue
            if any(p["start"] < b and a < p["end"] for a, b in case.get("ignore", ())):
                continue
            n_pred += 1
            if not any(_overlap(g, p) for g in case["gold"]):
                errs.append((mode, "spurious", p, None))
        res[mode] = (tp, n_pred, len(case["gold"]))
    return res, errs


def cause(err):
    mode, what, x, over = err
    if what == "spurious":
        return "spurious %s" % x["kind"]
    g = x
    if not over:
        return "missed %s" % g["type"]
    if not any(_value_ok(g, p) for p in over):
        return "wrong value %s" % g["type"]
    return "wrong unit %s" % g["type"]


def prf(tp_p, n_p, tp_g, n_g):
    p = tp_p / n_p if n_p else 0.0
    r = tp_g / n_g if n_g else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def run(system, sets, fn):
    table = []
    allerr = collections.defaultdict(list)
    tot = {"value": [0, 0, 0], "unit": [0, 0, 0]}
    for name, cases in sets:
        st = {"value": [0, 0, 0], "unit": [0, 0, 0]}
        for c in cases:
            preds = fn(c["text"])
            res, errs = score_case(c, preds, name)
            for mode in st:
                for k in range(3):
                    st[mode][k] += res[mode][k]
                    if name not in (NEWS_SET_NARROW, PAGES_SET):   # twice; held out
                        tot[mode][k] += res[mode][k]
            for e in errs:
                allerr[(e[0], cause(e))].append((name, c["text"], e))
        table.append((name, len(cases), st))
    table.append(("OVERALL (every set once, not pages gold)", sum(len(c) for n, c in sets if n not in (NEWS_SET_NARROW, PAGES_SET)), tot))
    for label, names in (("NEWS-LIKE (see docstring)", NEWS_LIKE),
                         ("NEWS-LIKE, Recognizers only (neutral)", {n for n in NEWS_LIKE if n.startswith("rec/")})):
        news = {"value": [0, 0, 0], "unit": [0, 0, 0]}
        for name, n, st in table:
            if name in names:
                for mode in news:
                    for k in range(3):
                        news[mode][k] += st[mode][k]
        table.append((label, sum(len(c) for n, c in sets if n in names), news))
    return table, allerr


def fmt_table(title, table):
    lines = [title,
             "%-44s %5s %5s %5s | %-17s | %-17s" % ("data set", "cases", "gold", "pred", "value P/R/F1", "value+unit P/R/F1")]
    for name, n, st in table:
        v = prf(st["value"][0], st["value"][1], st["value"][0], st["value"][2])
        u = prf(st["unit"][0], st["unit"][1], st["unit"][0], st["unit"][2])
        lines.append("%-44s %5d %5d %5d | %.2f %.2f %.2f    | %.2f %.2f %.2f" % (
            name, n, st["value"][2], st["value"][1], v[0], v[1], v[2], u[0], u[1], u[2]))
    return "\n".join(lines)


def strict_noun(cases, dataset=None):
    """P/R/F1 of ours on the news gold with the counted noun compared as a unit."""
    tp = n_pred = n_gold = 0
    for c in cases:
        preds = ours(c["text"])
        used = set()
        for g in c["gold"]:
            n_gold += 1
            for i, p in enumerate(preds):
                if i not in used and _overlap(g, p) and _value_ok(g, p) and (
                        _unit_ok(g, p, NEWS_SET) and (g["noun"] == p["noun"] or g["unit"] is not None
                                                      or g["type"] not in ("news/count", "pages/count"))):
                    used.add(i)
                    tp += 1
                    break
        n_pred += len(preds)
    return prf(tp, n_pred, tp, n_gold)


def fmt_errors(allerr, mode, k):
    items = sorted(((c, v) for (m, c), v in allerr.items() if m == mode), key=lambda x: -len(x[1]))
    lines = []
    for c, v in items:
        lines.append("  %4d  %s" % (len(v), c))
        for name, text, e in v[:k]:
            x = e[2]
            got = ", ".join("%r=%s %s" % (p["surface"], _g(p["value"]), p["unit"]) for p in (e[3] or []))
            lines.append("          %-24s %r -> %r=%s %s%s" % (
                name.split("/")[-1][:24], text[:70], x["surface"], _g(x["value"]), x["unit"],
                ("   got: " + got) if got else ""))
    return "\n".join(lines)


def _g(v):
    return "None" if v is None else ("%g" % v)


def speed(fn, texts, min_time):
    """Sentences per second: runs through texts (again if needed) until min_time has
    passed, checking the clock every 20 sentences, so a slow system is timed on a prefix
    of the (shuffled, hence representative) list rather than on all of it.  The clock is
    this process's CPU time: on shared cores, wall time mostly measures the neighbours."""
    n, t0 = 0, time.process_time()
    while True:
        for k in range(0, len(texts), 20):
            for t in texts[k:k + 20]:
                fn(t)
            n += len(texts[k:k + 20])
            dt = time.process_time() - t0
            if dt >= min_time:
                return n / dt


def news_sentences():
    """Realistic news text for the speed figure: the sentences of the five example
    articles (ingest.segment) and of the ECB+ news documents, shuffled with a fixed seed."""
    texts = []
    try:
        from ingest.segment import sentences
        for path in sorted(glob.glob(os.path.join(EXAMPLES, "*.txt"))):
            texts += sentences(open(path, encoding="utf-8").read())
    except ImportError:  # pragma: no cover
        pass
    path = os.path.join(DATA, "clusters", "ecbplus_docs.jsonl")
    if os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            texts += json.loads(line)["sentences"]
    random.Random(0).shuffle(texts)
    return texts


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--no-quantulum", action="store_true", help="score ours only")
    ap.add_argument("--errors", type=int, default=3, help="examples per error cause")
    args = ap.parse_args(argv)

    sets = load_recognizers() + load_quantulum() + load_news() + load_pages()
    texts = [c["text"] for _, cs in sets for c in cs]
    for path in sorted(glob.glob(os.path.join(EXAMPLES, "*.txt"))):
        texts += [ln for ln in open(path, encoding="utf-8").read().split("\n") if ln.strip()]

    # offsets must be exact on every input
    bad = [t for t in texts for f in extract(t) if t[f.start:f.end] != f.surface]
    print("offset check: %d inputs, %d figures with surface != text[start:end]" % (len(texts), len(bad)))

    table, errs = run("ours", sets, ours)
    print()
    print(fmt_table("ingest.numbers.extract", table))
    if not args.no_quantulum:
        quantulum_parser()
        qtable, qerrs = run("quantulum3", sets, theirs)
        print()
        print(fmt_table("quantulum3 0.10 (%s)" % _Q[1], qtable))

    news = news_sentences()
    qp = None
    if not args.no_quantulum:
        def qp(t):
            try:
                _Q[0].parse(t)
            except Exception:
                pass
    for label, corpus in (("benchmark inputs + example article lines", texts),
                          ("news: example articles + ECB+ sentences, shuffled", news)):
        print("\nspeed over %d sentences (%s):" % (len(corpus), label))
        ours_sps = speed(extract, corpus, 2.0)
        print("  ingest.numbers.extract  %9.0f sentences/s" % ours_sps)
        if qp:
            q_sps = speed(qp, corpus, 3.0)
            print("  quantulum3              %9.0f sentences/s   (ours is %.0fx faster)" % (q_sps, ours_sps / q_sps))

    pages_cases = [c for n, cs in sets if n == PAGES_SET for c in cs]
    if pages_cases:
        # held out: counts by cause only, no examples, so that nobody tunes on its errors
        print("\npages gold (held out), ours, strict: value + unit, and the counted noun for counts: %.2f %.2f %.2f"
              % strict_noun(pages_cases))
        perr = {k: [e for e in v if e[0] == PAGES_SET] for k, v in errs.items()}
        print("pages gold (held out), ours, error counts by cause (value mode, then what value+unit adds):")
        print(fmt_errors({k: v for k, v in perr.items() if v}, "value", 0))
        print(fmt_errors({k: v for k, v in perr.items() if v and k[1].startswith("wrong unit")}, "unit", 0))

    news_cases = [c for n, cs in sets if n == NEWS_SET for c in cs]
    if news_cases:
        print("\nreal-news gold, ours, strict: value + unit, and the counted noun for counts: %.2f %.2f %.2f"
              % strict_noun(news_cases))
        nerr = {k: [e for e in v if e[0] == NEWS_SET] for k, v in errs.items()}
        nerr = {k: v for k, v in nerr.items() if v}
        print("\nreal-news gold, ours, every error by cause, value mode:")
        print(fmt_errors(nerr, "value", 1000))
        print("\nreal-news gold, ours, every error that only value+unit adds:")
        print(fmt_errors({k: v for k, v in nerr.items() if k[1].startswith("wrong unit")}, "unit", 1000))
        if not args.no_quantulum:
            qn = {k: [e for e in v if e[0] == NEWS_SET] for k, v in qerrs.items()}
            print("\nreal-news gold, quantulum3, error counts by cause (value mode):")
            print(fmt_errors({k: v for k, v in qn.items() if v}, "value", 0))

    # the held-out pages gold never shows examples (counts by cause above only)
    shown = {k: [e for e in v if e[0] != PAGES_SET] for k, v in errs.items()}
    print("\nours, errors by cause, value mode, pages gold left out (count, then examples: data set, input -> gold"
          "   got: overlapping predictions):")
    print(fmt_errors(shown, "value", args.errors))
    print("\nours, errors by cause that only value+unit adds (unit mismatches), pages gold left out:")
    only_unit = {k: v for k, v in shown.items() if k[0] == "unit" and k[1].startswith("wrong unit")}
    print(fmt_errors(only_unit, "unit", args.errors))


if __name__ == "__main__":
    main()
