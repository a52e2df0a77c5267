"""extract(text): every figure a sentence states, as records.Figure, in order.

Each core match (scan.py) is turned into a figure by its kind: dates here, digit and
spelled numbers in cardinals.py, ordinal and fraction words in ordinals.py; then figures
that context shows to be names are dropped and bounds are joined into ranges.
"""
import re

from .cardinals import cardinal
from .figure import date_iso, figure
from .grow import grow_left, grow_right, of_noun
from .lexicon import FRACTION_SIGNS, MONTHS, MULTIPLIERS
from .ordinals import ordinal_words
from .patterns import CORE, EMERGENCY_CALL, NAME_AFTER, NAME_BEFORE
from .qualifiers import join_bounds
from .scan import cores
from .words import spelled_value


def extract(text):
    """Figures in text, in order, as records.Figure (see the package docstring and
    docs/numbers.md); [] for a non-string, an empty or a blank text."""
    if not isinstance(text, str) or not text or text.isspace():
        return []
    out = []
    pos = 0                   # end of the last figure: later cores must start after it
    for m in cores(text):
        if m.start() < pos:
            continue
        g = m.lastgroup
        if g == "skip":       # phone numbers, versions, clock times...: no figure
            end = m.end()
        elif g in ("iso", "md", "dm", "my"):
            end = _date(text, m, out)
        elif g in ("dig", "spell"):
            end = cardinal(text, m, out, pos)
        elif g == "ordw":
            end = ordinal_words(text, m, out)
            if end is None:
                # "one third" rejected as ordinal may still hold a plain number
                sm = CORE.match(text, m.start())
                if sm and sm.group("spell"):
                    end = cardinal(text, sm, out, pos)
        elif g == "mult":
            end = _multiplier(text, m, out)
        else:                 # frac, dfrac
            end = _fraction(text, m, out, pos)
        if end is not None:
            pos = end
    if out:
        out = [f for f in out if not _is_name(text, f)]
    return join_bounds(text, out) if len(out) > 1 else out


def _date(text, m, out):
    """An ISO date or a date with a month name ("3 December 2025", "Dec 3", "March 2024")."""
    if m.lastgroup == "iso":
        y, mo, d = int(m.group("iy")), int(m.group("im")), int(m.group("id"))
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            return None
    else:
        gd = m.groupdict()
        mon = gd.get("mon") or gd.get("mon2") or gd.get("mon3")
        mo = MONTHS.get(mon.lower())
        d = gd.get("day") or gd.get("day2")
        y = gd.get("yr") or gd.get("yr2") or gd.get("yr3")
        d = int(d) if d else None
        y = int(y) if y else None
        if not (mo and (d is None or 1 <= d <= 31) and (d or y)):
            return None
    out.append(figure(text, m.start(), m.end(), None, "date", iso=date_iso(y, mo, d)))
    return m.end()


def _multiplier(text, m, out):
    """ "twice", "thrice", "tenfold", "three-fold"."""
    w = m.group(0).lower()
    if w in MULTIPLIERS:
        v = MULTIPLIERS[w]
    else:
        v = spelled_value(re.sub(r"-?fold$", "", w))
    if not v:
        return None
    out.append(figure(text, m.start(), m.end(), v, "multiplier"))
    return m.end()


def _fraction(text, m, out, pos):
    """A fraction sign ("½") or digit fraction ("3/4", "-4/5"), with its unit if one follows."""
    if m.lastgroup == "frac":
        v = FRACTION_SIGNS[m.group(0)]
    else:
        n, d = int(m.group("fn")), int(m.group("fd"))
        if d == 0 or d > 100 or n >= d * 10:
            return m.end()    # "20/2030", "1/0": not a figure, and skipped
        v = -n / d if m.group("fsign") else n / d
    g = grow_right(text, m.end(), v, False, allow_scale=False)
    kind = g.kind if g.kind in ("measure", "duration") else "fraction"
    qual = grow_left(text, m.start(), pos)[1]
    out.append(figure(text, m.start(), g.end if g.kind else m.end(), v, kind,
                      g.unit if g.kind else None, qual, of=None if g.kind else of_noun(text, m.end())))
    return out[-1].end


# figures that context shows to be names (found on the real-news gold): road numbers
# ("Interstate 75", "Route 66"), street ordinals ("E. 55th St."), kinship ("first
# cousin"), vehicle names ("four-by-four"), emergency numbers ("a 999 call"), list
# numbering at the start of a sentence ("4. Will they...")
def _is_name(text, f):
    s, e = f.start, f.end
    if NAME_BEFORE.search(text, max(0, s - 12), s) and f.kind in ("number", "count"):
        return True
    if f.kind == "ordinal" and NAME_AFTER.match(text, e):
        return True
    if f.kind in ("number", "count") and NAME_AFTER.match(text, e) and text[e:e + 4] == "-by-":
        return True
    if f.kind in ("number", "count") and EMERGENCY_CALL.match(text, s):
        return True
    return s == 0 and f.kind == "number" and re.match(r"\d{1,2}\.\s+[A-Z]", text) is not None
