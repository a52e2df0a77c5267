"""Values of number words: spelled numbers, spelled fractions, "and a half", and the value
of a core match.  Pure functions of strings and matches; no figures are made here.

    >>> spelled_value("two hundred and fifty"), spelled_value("half a million")
    (250.0, 500000.0)
    >>> spelled_fraction(["three", "twenty-firsts"]) is None, spelled_fraction(["two", "thirds"])
    (True, 0.6666666666666666)
"""
import math

from .lexicon import DENOMINATORS, ONES, ORDINALS, POWERS, SCALE_WORDS, TENS
from .patterns import R_CURRENCY, R_NEXT_WORD, R_SCALE, R_UNIT, WORD


def spelled_value(s):
    """Value of a run of number words, or None if it does not read as one number."""
    words = [w for w in WORD.findall(s.lower()) if w != "and"]
    if not words:
        return None
    if words[0] in ("a", "an"):
        words[0] = "one"
    for w in words[:2]:        # "half a million", "quarter of a billion", "a quarter of a billion"
        if w in ("half", "quarter"):
            f = 0.5 if w == "half" else 0.25
            return f * (12 if words[-1] == "dozen" else POWERS.get(words[-1], 1))
    total, cur, last = 0.0, 0.0, None
    for w in words:
        if w in ONES:
            if last in ("unit", "tens") and not (last == "tens" and ONES[w] < 10):
                return None
            cur += ONES[w]
            last = "unit"
        elif w in TENS:
            if last in ("unit", "tens"):
                return None
            cur += TENS[w]
            last = "tens"
        elif w == "hundred":
            if last == "hundred":
                return None
            cur = (cur or 1) * 100
            last = "hundred"
        elif w in ("dozen", "dozens"):
            cur = (cur or 1) * 12
            last = "hundred"
        elif w in POWERS:
            total += (cur or 1) * POWERS[w]
            cur = 0
            last = "big"
        else:
            return None
    return total + cur



def spelled_fraction(ws):
    """Value of a spelled fraction ("two thirds", "three twenty-firsts", "a hundredth",
    "one hundred thirty fifths" = 100/35), or None. The denominator is the longest tail
    that reads as an ordinal; a singular denominator needs the numerator one."""
    if len(ws) < 2 or "and" in ws:
        return None
    last = ws[-1]
    plural = last.endswith("s")
    if last in DENOMINATORS:
        dv = DENOMINATORS[last]
    elif last in ORDINALS:
        dv = ORDINALS[last]
    elif plural and last[:-1] in ORDINALS:
        dv = ORDINALS[last[:-1]]
    else:
        return None
    for k in range(1, len(ws)):
        num_ws, den_ws = ws[:k], ws[k:]
        if len(den_ws) > 1 and den_ws[0] in SCALE_WORDS:
            continue
        if len(den_ws) == 1 and last in ("first", "second", "firsts", "seconds"):
            continue          # "two seconds" is a duration, "one first" nothing
        num = spelled_value(" ".join(num_ws))
        if num is None or num == 0:
            continue
        den = dv
        if len(den_ws) > 1:
            pv = spelled_value(" ".join(den_ws[:-1]))
            # "twenty-fifths", "one hundred fifths"; not "thirty two fifths" (32/5 is read)
            if pv is None or pv < 20 or not (pv % 10 == 0 and dv < 10 or pv % 100 == 0 and dv < 100):
                continue
            den = pv + dv
        if not plural and num != 1:
            continue
        return num / den
    return None


def and_fraction(text, m):
    """Value of "and a half" / "and three quarters" (m from R_AND_FRACTION), or None when it
    reads as an ordinal ("one and a third party")."""
    n = m.group("n").lower()
    d = m.group("d").lower()
    num = 1 if n in ("a", "an") else ONES[n]
    den = DENOMINATORS[d]
    if num >= den or (not d.endswith("s") and num != 1):
        return None
    if d not in ("half", "quarter") and not d.endswith("s"):
        e = m.end()
        nxt = R_NEXT_WORD.match(text, e)
        if nxt and text[e:nxt.start("w")].strip() != "-" and not (
                nxt.group("w").lower() in ("of", "percent") or R_UNIT.match(text, e)
                or R_CURRENCY.match(text, e) or R_SCALE.match(text, e)):
            return None
    return num / den


def round_scale(value):
    """The scale a spelled "and a half" applies to: "one million and a half" -> 1e6."""
    v = abs(value)
    for sc in (1e12, 1e9, 1e6):
        if v >= sc and v % sc == 0:
            return sc
    return 1


def core_value(m):
    """Value of a core match from patterns.CORE or CORE_AT_* (group dig or spell)."""
    if m.lastgroup == "dig":
        d = m.group("dig")
        d = d.replace(",", "").replace(" ", "").replace("\u00a0", "").replace("\u202f", "").replace("−", "-").replace("–", "-")
        value = float(d)
        # "1e999" reads as infinity: no quantity anybody states
        return value if math.isfinite(value) else None
    return spelled_value(m.group("spell"))
