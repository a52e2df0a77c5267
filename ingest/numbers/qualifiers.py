"""Qualifiers and rates: what a figure's surrounding words say about it.

A qualifier before the number ("about", "more than", ">="), a bound after it ("500 or
more"), a rate after a money, measure or count ("per month", "annually"), and two bounds
joined into one range ("more than 10 but fewer than 40 people").
"""
import re

from .figure import figure
from .lexicon import PER_UNITS, PERIODS, QUALIFIERS
from .patterns import BETWEEN_BOUNDS, L_MOVED_UP, L_OVER_DURING, L_QUALIFIER_REVERSED, R_BOUND_AFTER, R_RATE


def qualifier_before(text, start, lo=0):
    """approximate, lower bound, upper bound or None, for a figure starting at `start`;
    the window looked at goes back 40 characters, never before `lo`."""
    # qualifiers end right before the number: match the reversed window at its start
    # (anchored), instead of searching every position of the window
    m = L_QUALIFIER_REVERSED.match(text[max(lo, start - 40):start][::-1])
    if not m:
        return None
    word = re.sub(r"\s+", " ", (m.group("q") or m.group("qs"))[::-1].lower())
    if word == "up to" and L_MOVED_UP.search(text, max(lo, start - 40), start - m.end()):
        return None       # "edged up to 3.9 percent", "climbed up to 4,500": where it went, no bound
    if word == "over" and L_OVER_DURING.search(text, max(0, start - 40), start - m.end()):   # (the figure before too)
        return None       # "$4.2 billion over 10 years": during, not more than
    return QUALIFIERS.get(word)


def bound_after(text, end, qualifier):
    """A bound stated after the number ("65 or over", "5000 or less") replaces no
    qualifier or an approximate one."""
    pq = R_BOUND_AFTER.match(text, end)
    if pq and qualifier in (None, "approximate"):
        return "lower bound" if pq.group("lo") else "upper bound"
    return qualifier


def rate_after(text, pos):
    """("month", end) for "per month", "a month", "/month", "monthly" at pos, ("share", end)
    for "a share", "per share" (lexicon.PER_UNITS), else (None, pos)."""
    m = R_RATE.match(text, pos)
    if not m:
        if text[pos:pos + 2] == "/W" and not text[pos + 2:pos + 3].isalnum():
            return "watt", pos + 2      # solar prices "$0.23/W" ("/w" in rents is a week)
        return None, pos
    if m.group("u"):
        return PER_UNITS[m.group("u").lower()], m.end()
    return PERIODS[(m.group("p") or re.sub(r"\s+", " ", m.group("adv"))).lower()], m.end()


def join_bounds(text, figures):
    """Two neighbouring figures that are a lower and an upper bound of one quantity,
    joined by and/but ("above 1000 but below 1500"), become one range."""
    res = [figures[0]]
    for f in figures[1:]:
        p = res[-1]
        quals = {p.qualifier, f.qualifier}
        same = p.kind == f.kind and p.unit == f.unit or p.kind == "number"
        if quals == {"lower bound", "upper bound"} and same \
                and p.high is None and f.high is None and p.value is not None and f.value is not None:
            lo, hi = (p.value, f.value) if p.qualifier == "lower bound" else (f.value, p.value)
            if lo < hi and BETWEEN_BOUNDS.fullmatch(text, p.end, f.start):
                res[-1] = figure(text, p.start, f.end, lo, f.kind, f.unit, None, f.rate or p.rate,
                                 iso="%d/%d" % (lo, hi) if f.kind == "year" else None,
                                 low=lo, high=hi, of=f.of or p.of)
                continue
        res.append(f)
    return res
