"""Figures of ordinal and fraction words: "third", "twenty-first", "5th" (from
cardinals.py), "two-thirds", "a fifth of", "half of", "one hundred and three quarters"."""
import re

from .figure import figure
from .grow import grow_right, noun_after, of_noun
from .lexicon import (
    ADVERB_FIRST_VERBS,
    DENOMINATORS,
    NOUN_PHRASE_ENDS,
    ORDINALS,
    RANK_VERBS,
    SHORT_UNITS,
    SUBJECT_WORDS,
    TENS,
    TIME_UNITS,
)
from .patterns import (
    L_A,
    L_DETERMINER,
    L_FRACTION_CONTEXT,
    L_PART_OF_PERIOD,
    L_PERIODS_BEFORE,
    R_FRACTION_OF_PERCENT,
    R_NEXT_WORD,
    R_OF_PERIOD,
    R_POINT_AFTER,
    R_QUARTERS_END,
    R_UNIT,
    WORD,
)
from .words import round_scale, spelled_fraction, spelled_value


def ordinal(text, s, e, value, out):
    """Append the ordinal text[s:e] of `value` with the noun it orders; return e, or
    None where "first"/"second" is no ordinal ("first of all", "a second", "first-hand")."""
    of = noun_after(text, e)
    low = text[s:e].lower()
    if low in ("first", "second") or low.endswith(" first"):
        nxt = R_NEXT_WORD.match(text, e)
        nw = nxt.group("w").lower() if nxt else ""
        if low == "first" and nw == "of" and text[nxt.end():nxt.end() + 4].lower() == " all":
            return None
        if re.search(r"(?i)(?:\bat|\ba|\bper|\bsplit|\bone|\d)\s*$", text[max(0, s - 6):s]) and low == "second" \
                and not (text[e:e + 1] == "-" and text[e + 1:e + 2].isalpha()):
            return None       # "a second", "per second"; but "a second-floor office" is ordinal
        if re.search(r"(?i)\bat\s+$", text[max(0, s - 4):s]) and low == "first":
            return None
        if text[e:e + 1] == "-" and nw in ("hand", "class", "rate"):
            return None       # "first-hand", "second-class", "first-rate"; "first-ever" is one
        if low == "first" and _adverb_first(text, s, e, nw):
            return None
    out.append(figure(text, s, e, value, "ordinal", of=of))
    return e


def _adverb_first(text, s, e, nw):
    """Is "first" at text[s:e] (next word nw) an adverb, no figure? "First, Ratliff...",
    "First came the shooting", "The case first captured", "drink water first."; not after
    a determiner or preposition ("the first", "in first place"), nor "finished first."."""
    if L_DETERMINER.search(text, max(0, s - 8), s) or re.match(r"\s+\d", text[e:e + 2]):
        return False          # "the first", "(the team’s) first 17 points"
    if text[e:e + 1] == ",":
        return True
    if nw in ADVERB_FIRST_VERBS or len(nw) > 4 and nw.endswith("ed") and not nw.endswith("eed") \
            and text[e:e + 1] == " ":
        return True
    before = text[:s].rstrip(" \"“‘'(")
    if (not before or before[-1] in ".!?:;") and nw in SUBJECT_WORDS:
        return True           # "First the rain, then...", "First he called"; not "First on his agenda"
    if not nw or re.match(r"\s*[.;!?)]", text[e:e + 2]):
        prev = re.search(r"(\w+)\W*$", text[:s])
        return not (prev and prev.group(1).lower() in RANK_VERBS)
    return False


def ordinal_words(text, m, out):
    """The figure of an ordinal-or-fraction word core m (group ordw), appended to out:
    a fraction, a mixed number, a duration ("half an hour") or an ordinal. Returns its
    end, or None (then the caller may still read a plain number at m)."""
    s, e = m.start(), m.end()
    toks = [w.lower() for w in WORD.findall(m.group(0))]
    if toks[0] in ("a", "an") and len(toks) == 2 and toks[1] in ("half", "quarter", "halves", "quarters"):
        return None           # found again at "half"/"quarter", with the article looked up behind
    if toks[-1] == "quarters" and len(toks) > 1 and L_PERIODS_BEFORE.search(text, max(0, s - 12), s) \
            and R_QUARTERS_END.match(text, e):
        n = spelled_value(" ".join(t for t in toks[:-1] if t != "and"))
        if n is not None:
            out.append(figure(text, s, e, n, "duration", "quarter"))
            return e      # "for the last two quarters": three-month periods, no fraction
    fr = _fraction_value(text, s, e, toks)
    if fr is not None:
        return _fraction_figure(text, s, e, fr, out)
    if toks[0] in ("a", "an"):
        return None           # the ordinal itself is found at its own word
    words = [w for w in toks if w != "and"]
    last = words[-1]
    prefix = words[:-1]
    pv = spelled_value(" ".join(prefix)) if prefix else None
    if prefix and pv is None:
        return None
    if not prefix and last.endswith("s"):
        return None          # "some quarters", "thirds" alone: no figure
    if last in ("half", "quarter") and text[e:e + 1] == "-" and text[e + 1:e + 2].isalpha() \
            and (prefix or not (R_UNIT.match(text, e) or R_POINT_AFTER.match(text, e))):
        return None          # "two half-brothers", "quarter-final": a compound noun ("a half-hour" is 0.5 hour)
    if last in ("half", "quarter") and not prefix:
        return _half_or_quarter(text, s, e, last, out)
    if not prefix and last in DENOMINATORS and last not in ("half", "quarter") and not last.endswith("s"):
        # "a third of" -> fraction; "the third year" -> ordinal
        a_before = L_A.search(text, max(0, s - 5), s)
        if a_before and re.match(r"\s+of\b", text[e:e + 4]):
            out.append(figure(text, a_before.start(1), e, 1.0 / DENOMINATORS[last], "fraction",
                              of=of_noun(text, e)))
            return e
    if last in DENOMINATORS and (last.endswith("s") or last in ("half", "quarter")):
        num = pv if pv is not None else 1
        return _fraction_figure(text, s, e, num / DENOMINATORS[last], out, kind="fraction")
    if last not in ORDINALS:
        return None
    v = ORDINALS[last]
    if prefix:
        if pv is None or (pv < 20 and pv != 0 and v < 100 and not any(p in TENS for p in prefix)):
            return None
        # "two hundredth" = 200, "three trillionth"; "one hundred fifth" = 105
        v = pv * v if v >= 100 else pv + v
    return ordinal(text, s, e, v, out)


def _fraction_value(text, s, e, toks):
    """Value of the words toks (text[s:e]) read as a fraction or a mixed number, or None:
    "two-thirds", "one hundred and three quarters", "a fifth of"; not "a fifth term"."""
    if "and" in toks:
        # mixed numbers: "one hundred and three quarters", "twenty and three fifths"
        k = len(toks) - 1 - toks[::-1].index("and")
        whole = spelled_value(" ".join(toks[:k])) if toks[0] not in ("a", "an") else None
        fr = spelled_fraction(toks[k + 1:])
        if whole is not None and fr is not None and fr < 1:
            return whole + fr * round_scale(whole)
    fr = spelled_fraction(toks)
    if fr is not None and toks[0] in ("a", "an") and not toks[-1].endswith("s"):
        # "a fifth of", "cut by a third", "a hundredth" (alone) are fractions; "a fifth
        # term", "wounding a third." (a third person) are ordinals
        if text[e:e + 1] == "-" and toks[-1] not in ("half", "quarter") and not text.startswith("-of", e):
            return None       # "a fourth-year pro", "a third-quarter loss": a rank ("a tenth-of-a-second" stays)
        nxt = R_NEXT_WORD.match(text, e)
        before = s > 0 and L_FRACTION_CONTEXT.search(text, max(0, s - 12), s)
        um = R_UNIT.match(text, e)
        if nxt and not (nxt.group("w").lower() == "of" or um and not um.group("mod")):
            # "risen by a fifth since 2019": after "by", "than", "about"..., a word that
            # ends the phrase leaves the fraction alone; a noun makes an ordinal of it
            if not (before and nxt.group("w").lower() in NOUN_PHRASE_ENDS):
                return None
        if not nxt and s > 0 and not before:
            return None
    return fr


def _fraction_figure(text, s, e, val, out, kind=None):
    """Append a fraction of value val at text[s:e], or a measure or duration when a unit
    follows ("a three-quarter mile"); return its end. kind: fraction below one, number
    from one up, unless given."""
    pm = R_FRACTION_OF_PERCENT.match(text, e)
    if pm:
        return _percent_fraction(text, s, pm, val, out)
    g = grow_right(text, e, val, False, allow_scale=False)
    if g.kind in ("measure", "duration"):
        out.append(figure(text, s, g.end, val, g.kind, g.unit))
        return g.end
    out.append(figure(text, s, e, val, kind or ("fraction" if val < 1 else "number"), of=of_noun(text, e)))
    return e


def _percent_fraction(text, s, pm, val, out):
    """ "a quarter of a percentage point" (0.25 percentage_point), "half a percent": the
    figure from s to the end of pm; returns its end."""
    unit = "%" if pm.groupdict().get("pct") else "bp" if pm.group("pp").lower().startswith("b") else "pp"
    out.append(figure(text, s, pm.end(), val, "percent", unit))
    return pm.end()


def _half_or_quarter(text, s, e, last, out):
    """A bare "half" or "quarter" at text[s:e]: "half of", "a half", "a quarter of the",
    "half an hour"; bare "half" elsewhere is too vague (None)."""
    nxt = R_NEXT_WORD.match(text, e)
    nw = nxt.group("w").lower() if nxt else ""
    a_before = L_A.search(text, max(0, s - 5), s)
    value, start = (0.5 if last == "half" else 0.25), (a_before.start(1) if a_before else s)
    pm = R_FRACTION_OF_PERCENT.match(text, e)
    if pm:
        return _percent_fraction(text, start, pm, value, out)
    ptm = R_POINT_AFTER.match(text, e)
    if ptm and (a_before or ptm.group(0).lower().lstrip().startswith(("a ", "an "))):
        # "cut by a quarter point", "a half-point cut", "half a point", "a quarter percentage point"
        if ptm.group("pp"):
            return _percent_fraction(text, start, ptm, value, out)
        out.append(figure(text, start, ptm.end(), value, "count", "point"))
        return ptm.end()
    um = R_UNIT.match(text, e)
    if um and (text[e:e + 1] == "-" or a_before and text[e:e + 1] == " " and um.group("u").lower() not in SHORT_UNITS):
        # "a half-hour drive", "a quarter-mile away", "a quarter century", "a half hour later"
        return _fraction_figure(text, start, e, value, out)
    if not (nw == "of" or (last == "half" and nw in ("the", "a", "an", "their", "its", "his", "her"))
            or (a_before and nw in ("of", ""))):
        return None
    if not a_before and L_PART_OF_PERIOD.search(text, max(0, s - 20), s) and R_OF_PERIOD.match(text, e):
        return None
    if a_before:
        s = a_before.start(1)
    if last == "half" and nw in ("a", "an"):
        # "half an hour", "half a day"
        um = R_UNIT.match(text, nxt.end())
        if um and um.group("u").lower() in TIME_UNITS:
            out.append(figure(text, s, um.end("u"), 0.5, "duration", TIME_UNITS[um.group("u").lower()]))
            return um.end("u")
        return None
    out.append(figure(text, s, e, value, "fraction", of=of_noun(text, e)))
    return e
