"""Figures of digit and spelled-number cores ("5", "1,200", "twenty-five"): signs,
spelled decimals, proportions ("one in five"), ranges ("from 5 to 10"), years, and what
the number counts or measures."""
import re

from .figure import figure, short_year
from .grow import counted_noun, grow_left, grow_right, group_noun, noun_after, of_noun, plural_next
from .lexicon import (
    AUDIENCE_NOUNS,
    CALIBRE_NOUNS,
    CASUALTY_WORDS,
    CHANGE_VERBS,
    DISPLAY_K,
    ERAS,
    EVENT_NOUNS,
    LABEL_NOUNS,
    MONTHS,
    NOT_AFTER_ONE_TO,
    NOT_HYPHEN_NOUNS,
    NOT_PER,
    NOUN_PHRASE_ENDS,
    ONES,
    ONE_HYPHEN_IDIOMS,
    PERIODS,
    PRONOUN_ONE_NEXT,
    QUANTITY_LAST_WORDS,
    SCALE_WORDS,
    SCORE_AFTER,
    SCORE_BEFORE,
    SHORT_UNITS,
    SPEECH_VERBS,
    TENS,
    TIME_UNITS,
    UNIT_LOOKALIKES,
    VIDEO_LINES,
    WEEKDAYS,
    YEAR_MEASURES,
    YEAR_RESULTS,
)
from .ordinals import ordinal
from .patterns import (
    CLOSERS,
    CORE,
    L_AGE,
    L_AGE_VERB,
    L_APPOSITION,
    L_AS_ONE,
    L_AT_CLAUSE,
    L_A_UNIT_OR,
    L_A_WORDS,
    L_CAPITAL_HYPHEN,
    L_CAPS_BEFORE,
    L_CHANGE,
    L_CLAUSE_START,
    L_HIS_HER,
    L_MAGNITUDE,
    L_MEASURED,
    L_MINUS,
    L_NOT_ONE,
    L_ONE_COUNTED,
    L_ONE_SPAN,
    L_QUANTITY_BEFORE,
    L_RANGE,
    L_RANK,
    L_RECORD_BRACKET,
    L_SCORE_WORD,
    L_SET_BEFORE,
    L_SHORT_YEAR,
    L_THE_OR_POSSESSIVE,
    L_VAGUE,
    L_VOTED,
    L_YEAR_CONTEXT,
    QUAKE,
    R_APPOSITION_END,
    R_A_NOUN,
    R_CLOCK_AFTER,
    R_CURRENCY,
    R_HYPHEN_NOUN,
    R_LEAD_TO,
    R_LETTER_PAIR,
    R_NEXT_WORD,
    R_NUMBER_AFTER_WORD,
    R_OF_THEN_PERIOD,
    R_OLD,
    R_ONE_CASUALTY,
    R_ONE_DAY_AFTER,
    R_ONE_IDIOM,
    R_ONE_VERB,
    R_OUT_OF,
    R_PER,
    R_PERCENT,
    R_PERSON_NEXT,
    R_POINT,
    R_QUAKE_NEXT,
    R_RANGE,
    R_SCALE,
    R_SCORE,
    R_SEASON,
    R_TIMES,
    R_UNIT,
    R_VOTE_TO,
    TEMPERATURE_CONTEXT,
    VIDEO_CONTEXT,
    WORD,
)
from ..text import singular
from .qualifiers import bound_after, rate_after
from .words import core_value, spelled_value


# "early", "mid", "late" before a decade or century: the part of it they name, as years
# from its start (thirds, so the three parts tile it: "the mid-90s" 1994-1996)
PART_OF_DECADE = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}
PART_OF_CENTURY = {"early": (0, 32), "mid": (33, 66), "late": (67, 99)}
L_DECADE_PART = re.compile(r"(?<![\w-])(?P<p>(?i:early|mid|late))(?:-\s*|\s+)$")
L_THE = re.compile(r"(?<![\w-])(?i:the)\s+$")


def _casualty(text, e):
    """ "one was killed", "one is missing" after "one" ending at e."""
    m = R_ONE_CASUALTY.match(text, e)
    return bool(m) and m.group("w") in CASUALTY_WORDS


def _decade(text, s, e, digits, value, lo):
    """ "the 1990s", "the '90s", "the 90s", "the mid-90s", "the early 2000s", "the 1800s"
    as a year figure with low and high; None when the digits and "s" are no decade (a
    bare "90s" outside "the ...", or in a sentence about heat: "highs in the 90s")."""
    # (a possessive before two digits: "in his 60s", "in her mid-30s" state an age)
    possessive = len(digits) == 2 and L_HIS_HER.search(text, max(lo, s - 16), s) is not None
    if re.fullmatch(r"1[1-9]00", digits):
        # "the 1800s", "the early 1900s": a century, as news means them
        y, span, part, of, iso = int(value), 99, PART_OF_CENTURY, "century", digits[:2]
        start = s
    elif re.fullmatch(r"1[1-9]\d0|20\d0", digits):    # not "1000s of fans"
        y, span, part, of, iso = int(value), 9, PART_OF_DECADE, "decade", digits[:3]
        start = s
    elif re.fullmatch(r"\d0", digits):
        y = short_year(value)      # "the '90s", "the ’00s"
        span, part, of, iso = 9, PART_OF_DECADE, "decade", str(y)[:3]
        start = s - 1 if text[s - 1:s] in ("'", "’") else s
        if start == s and not (30 <= value <= 90 or 20 <= value and possessive):
            return None       # a bare "the 20s" is as often temperatures or ages
    else:
        return None
    low, high = y, y + span
    pm = L_DECADE_PART.search(text, max(lo, start - 8), start)
    if pm:
        a, b = part[pm.group("p").lower()]
        low, high = y + a, y + b
        iso = "%d/%d" % (low, high)
        start = pm.start()
    if len(digits) == 2 and text[s - 1:s] not in ("'", "’") and possessive and not counted_noun(text, e + 1, True)[0]:
        # an age: "in his 60s" (60-69), "in her mid-30s" (34-36); not "his 80s hits"
        return figure(text, start, e + 1, value + low - y, "duration", "year", low=float(value + low - y),
                      high=float(value + high - y), of="age")
    if len(digits) == 2 and text[s - 1:s] not in ("'", "’") and (
            not L_THE.search(text, max(lo, start - 5), start) or TEMPERATURE_CONTEXT.search(text)):
        return None           # "highs in the 90s" is heat
    return figure(text, start, e + 1, low, "year", iso=iso, low=float(low), high=float(high), of=of)


def _span_from_one(text, s, e, value, lo, out):
    """Append "a year or two", "an app or two" (a span from one to the spelled number at
    text[s:e]) and say so; not "a day or two weeks"."""
    um = L_A_UNIT_OR.search(text, max(lo, s - 24), s) if 2 <= value <= 10 else None
    if not um or counted_noun(text, e, True)[0] or um.group("u") in NOUN_PHRASE_ENDS or um.group("u") in NOT_PER \
            or um.group("u") == "thing":
        return False          # (not the idiom "knows a thing or two")
    u = um.group("u")
    kind, unit = ("duration", TIME_UNITS[u]) if u in TIME_UNITS else ("count", u)
    out.append(figure(text, um.start(), e, 1.0, kind, unit, low=1.0, high=float(value)))
    return True


def cardinal(text, m, out, lo=0):
    """The figure of a digit or spelled-number core m (group dig or spell), grown left
    and right, appended to out. Returns its end, or None when the core states no figure.
    Nothing before `lo` (the end of the previous figure) is looked at."""
    s = m.start()
    digits = None             # the digits as written, for a digit core
    if m.lastgroup == "dig":
        value, e = core_value(m), m.end()
        if value is None:
            return None
        digits = surface = m.group(0)
        if text[s - 1:s] == "[" and text[e:e + 1] == "]":
            return None       # a footnote mark "[1]"
        if digits[0] == "." and (R_NEXT_WORD.match(text, e) or [""])[0].strip(" -").lower() in CALIBRE_NOUNS:
            return None       # a calibre: "a .357 revolver"
        if e < len(text) and (text[e].isalpha() or text[e] == "_"):
            # digits glued to letters that are no unit ("5G", "3D", "4x4") are names, not figures
            sufm = re.match(r"(?:st|nd|rd|th)\b", text[e:e + 3])
            if sufm and "." not in digits and "," not in digits:
                return ordinal(text, s, e + sufm.end(), value, out)
            if text[e] == "s" and not text[e + 1:e + 2].isalnum():
                span = _decade(text, s, e, digits, value, lo)
                if span:
                    out.append(span)
                    return e + 1
            if text[e] in "kK" and value in DISPLAY_K and not text[e + 1:e + 2].isalnum() \
                    and not (s and text[s - 1] in "$£€¥") and not _audience_next(text, e + 1) and VIDEO_CONTEXT.search(text):
                return None       # a display resolution: "4K streaming" (a name, as "5G")
            if text[e] == "p" and not text[e + 1:e + 2].isalnum() and value < 100000 and value not in VIDEO_LINES \
                    and ":" not in text[s - 2:s]:
                out.append(figure(text, s, e + 1, value / 100, "money", "GBP"))
                return e + 1      # pence: "a 50p coin", "closed at 245.5p"; "720p" is a video format
            if not _suffix_glued(text, e) or _letter_name(text, s, e, lo, value):
                return None
        elif text[e:e + 1] == "-" and re.match(r"-[A-Z](?![\w-])", text[e:e + 3]):
            return None       # "3-D", "4-H": names, as glued "3D" ("a 100-RBI season" stays)
    else:
        spelled = _read_spelled(text, m)
        if spelled is None:
            return None
        value, e, surface = spelled
        if _span_from_one(text, s, e, value, lo, out):
            return e
    sym, qual, start = grow_left(text, s, lo)
    if not sym:
        mm = L_MINUS.search(text, max(lo, s - 10), s)
        if mm and value > 0:
            value, start, s = -value, mm.start(), mm.start()
    end = _proportion(text, start if not sym else s, e, value, qual, out)
    if end is not None:
        return end
    g = grow_right(text, e, value, bool(sym))
    if not sym and g.kind is None and text[g.end:g.end + 1] in "-–" and digits and digits.isdigit() and len(digits) < 4:
        end = _score(text, start, g.end, int(digits), qual, lo, out)
        if end is not None:
            return end
    vm = R_VOTE_TO.match(text, g.end) if not sym and g.kind is None and digits and digits.replace(",", "").isdigit() else None
    if vm and L_VOTED.search(text, max(lo, s - 16), s) and not _measured_after(text, vm.end()):
        # "The House voted 425 to 2", "ruled 5 to 4", "voted 4,000 to 1,200": a vote, as "voted 98-0" is
        out.append(figure(text, start, vm.end(), value, "score", qualifier=qual,
                          iso="%d-%s" % (value, vm.group("b").replace(",", ""))))
        return vm.end()
    rng = _range(text, g, lo, start, sym)
    if rng:
        return _range_figure(text, rng, start, sym, qual, digits, out)
    pm = R_LEAD_TO.match(text, g.end) if g.kind is None and not sym else None
    if pm and float(pm.group("b")) < value:
        # a poll's lead: "leads 48 to 44 percent" is 48% and 44%, the unit written once
        out.append(figure(text, start, g.end, value, "percent", "%", qual))
        return g.end
    return _single_figure(text, s, start, g, sym, qual, digits, surface, out)


def _letter_name(text, s, e, lo, value):
    """A capital M or B glued to digits before a slash is a name (a baseball "3B/2B",
    "2B/3B pencils"), and so is one after 1,000 or more (a model: "the 5500M chipset") and
    the company 3M before anything but a plural noun ("3M said"), and one before a
    capitalised word that is no plural (a baseball "1B Mark Teixeira", "3M Company");
    "$3B", "500M active users", "5M Americans", "raised 5M in funding" are scales."""
    if text[e] not in "MB" or text[e + 1:e + 2].isalnum() or grow_left(text, s, lo)[0] is not None:
        return False
    if text[e + 1:e + 2] == "/" or R_LETTER_PAIR.search(text, max(0, s - 4), s):
        return True
    if plural_next(text, e + 1):
        return False
    nxt = R_NEXT_WORD.match(text, e + 1) if text[e + 1:e + 2] == " " else None
    capital = nxt is not None and nxt.group("w")[0].isupper() and nxt.group("w").lower() not in WEEKDAYS \
        and nxt.group("w").lower() not in MONTHS
    return value >= 1000 or text[s:e + 1] == "3M" or capital


def _suffix_glued(text, e):
    """Do the letters glued to digits at e start a unit, scale, currency code or name, or
    percent, or "x" ("5km", "5bn", "10USD", "200kr", "50cents", "5%", "3x")"""
    um = R_UNIT.match(text, e)
    if um and um.group("u") in UNIT_LOOKALIKES:
        um = None
    sm = R_SCALE.match(text, e)
    cm = R_CURRENCY.match(text, e)
    pm = R_PERCENT.match(text, e)
    return bool(um or sm or (cm and (cm.group("code") or cm.group("cw"))) or pm or R_TIMES.match(text, e))


def _read_spelled(text, m):
    """(value, end, surface) of a spelled-number core, or None when the words state no
    number ("one of", "no one", "dozens", "several hundred")."""
    s, e = m.start(), m.end()
    surface = m.group(0)
    value = core_value(m)
    if value is None:
        # "one two three": not one number; keep the longest prefix that reads as one
        ends = [w.end() for w in WORD.finditer(surface)]
        for k in range(len(ends) - 1, 0, -1):
            if surface[:ends[k - 1]].lower().endswith("and"):
                continue              # "ten and fifteen": "ten", not "ten and"
            v = spelled_value(surface[:ends[k - 1]])
            if v is not None:
                value, e, surface = v, s + ends[k - 1], surface[:ends[k - 1]]
                break
        else:
            return None
    low = surface.lower()
    if low == "zero" and text[e:e + 1] == "-":
        return None           # "zero-sum", "zero-tolerance", "zero-emission": no figure
    if text[s - 1:s] == "-" and re.search(r"\w-(?i:on|to|for|in|by)-$", text[max(0, s - 6):s]):
        return None           # the end of a compound: "one-on-one", "two-for-one", "hole-in-one"
    if text[s - 1:s] == "-" and text[s].isupper() and (pm := L_CAPITAL_HYPHEN.search(text, max(0, s - 16), s)) \
            and pm.group("w").lower() not in ONES and pm.group("w").lower() not in TENS \
            and pm.group("w").lower() not in LABEL_NOUNS:
        return None           # a name: "Take-Two", "Catch-Twenty"; but "a Category-Five hurricane"
    if low in ("one", "a", "an"):
        nxt = R_NEXT_WORD.match(text, e)
        nw = nxt.group("w").lower() if nxt else ""
        if text[e:e + 1] == "-":
            if nw in ONE_HYPHEN_IDIOMS or nw in ("off", "on", "of", "to", "by", "another", "other"):
                return None   # "one-off", "one-on-one", "one-time"; but "a one-day strike"
        elif nw in PRONOUN_ONE_NEXT and not (low == "one" and nw in ("was", "is", "has") and _casualty(text, e)) \
                or nw in ("day", "time") and not (
                L_ONE_SPAN.search(text, max(0, s - 12), s) or R_ONE_DAY_AFTER.match(text, e)):
            return None       # "one of", "one must"; "One day, she..." but "it lasted one day"
        elif low == "one" and (R_ONE_VERB.match(text, e) and nw not in NOUN_PHRASE_ENDS or nw in SPEECH_VERBS) \
                and L_CLAUSE_START.search(text, max(0, s - 10), s):
            return None       # the pronoun: "one hit a school", "one struck the building", "one said"
        elif low == "one" and not L_ONE_COUNTED.search(text, max(0, s - 10), s) and (
                (im := R_ONE_IDIOM.match(text, e)) and im.group("w") not in ONES and im.group("w") not in TENS
                and im.group("w") not in NOT_AFTER_ONE_TO
                or L_AS_ONE.search(text, max(0, s - 8), s) and not nxt
                or nw.endswith(("n't", "n’t")) and L_CLAUSE_START.search(text, max(0, s - 10), s)):
            return None       # "one at a time", "use one to cook", "as one", "tell me one", "but one doesn't"
        nm = L_NOT_ONE.search(text, max(0, s - 12), s) if nw not in ("in", "out") else None
        if nm and not (nm.group(0).split()[-1].lower() == "only" and nw and (
                nw not in NOUN_PHRASE_ENDS or nw in ("other", "more")) and not re.search(
                r"(?i)\bthe\s+only\s+$", text[max(0, s - 10):s])):
            return None       # "that one", "the only one who"; but "only one person", "that one in every 500"
        if low == "one" and (not nw or nw.endswith("ed") or nw in NOUN_PHRASE_ENDS and nw not in ("in", "out", "per")
                             and not (nw in ("to", "or", "and") and R_NUMBER_AFTER_WORD.match(text, nxt.end()))) \
                and (am := L_A_WORDS.search(text, max(0, s - 40), s)) \
                and not any(w in NOUN_PHRASE_ENDS for w in am.group("words").lower().split()):
            return None       # the pronoun: "a used one for $500", "a relatively rare one called"
    if low in ("dozen", "dozens"):
        return None
    if low.split()[0].rstrip("-") in SCALE_WORDS and L_VAGUE.search(text, max(0, s - 20), s):
        return None       # "several hundred years", "a few thousand": no number stated
    # spelled decimals: "five point five", "two hundred point seventy-one"
    pm = R_POINT.match(text, e)
    if pm and value == int(value):
        ws = [w for w in WORD.findall(pm.group("d").lower()) if w != "and"]
        if all(w in ONES and ONES[w] < 10 for w in ws):
            frac = "".join(str(ONES[w]) for w in ws)
        else:
            fv = spelled_value(pm.group("d"))
            frac = str(int(fv)) if fv is not None and fv == int(fv) else None
        if frac:
            value = float("%d.%s" % (value, frac))
            e = pm.end()
            surface = text[s:e]
    return value, e, surface


def _proportion(text, start, e, value, qual, out):
    """ "one in five", "two out of three", "5 out of 10" after a number ending at e: the
    fraction figure's end, or None."""
    om = None if text[e:e + 1] in CLOSERS else R_OUT_OF.match(text, e)
    if not (om and value == int(value) and value > 0):
        return None
    m2 = CORE.match(text, om.end())
    if not m2:
        return None
    d = core_value(m2)
    d_end = m2.end()
    ok = d is not None and d == int(d) and value < d
    if ok and om.group("w").lower() == "in":
        # "one in five": not "3 in 2020", "5 in 10 days", "1 in 3D"
        ok = d <= 1000 and not (d_end < len(text) and text[d_end].isalnum()) and not (
            R_UNIT.match(text, d_end) or R_PERCENT.match(text, d_end) or R_SCALE.match(text, d_end))
    if not ok:
        return None
    phrase, _ = counted_noun(text, d_end, True)
    out.append(figure(text, start, d_end, value / d, "fraction", qualifier=qual, of=phrase))
    return d_end


def _score(text, s, e, a, qual, lo, out):
    """A sport score or record whose first number a ends at e: "won 3-1", "a 24-17
    victory", "7-7", "(15-2-1)", "a 12-all game", "29-of-34 passes": one figure of kind
    score, value a, the score in iso ("3-1"). A first number below the second reads as a
    range ("aged 5-11") unless a word of SCORE_BEFORE or SCORE_AFTER stands beside it or
    it is a record in brackets after a name ("The Chiefs (2-13)"). Returns its end or None."""
    m = R_SCORE.match(text, e)
    if not m:
        return None
    if text[e:m.end()] == "-50" and a == 50:
        return m.end()        # "a 50-50 chance": even odds, no score and no figure
    if m.group("all"):
        iso = "%d-%d" % (a, a)
    elif m.group("of"):
        iso = "%d/%s" % (a, m.group("of"))
    else:
        b = int(m.group("b"))
        iso = "%d-%d" % (a, b) + ("-" + m.group("c") if m.group("c") else "")
        if not m.group("c") and a < b:
            before = L_SCORE_WORD.search(text, max(lo, s - 24), s)
            after = R_NEXT_WORD.match(text, m.end())
            if not (before and before.group("w").lower() in SCORE_BEFORE
                    or after and after.group("w").lower() in SCORE_AFTER
                    or text[m.end():m.end() + 1] == ")" and L_RECORD_BRACKET.search(text, max(lo, s - 30), s)
                    or b <= 7 and L_SET_BEFORE.search(text, max(0, s - 8), s)):   # tennis sets: "6-3 4-6 6-3"
                return None
        um = R_UNIT.match(text, m.end())
        if um and um.group("sp") and um.group("u").lower() in SHORT_UNITS:
            um = None         # "went 2-8 in their last ten": "in" spaced is no inch
        if L_RANGE.search(text, max(lo, s - 10), s) or um or R_PERCENT.match(text, m.end()):
            return None       # "from 10-5", "5-3 years", "10-5%": no score
    out.append(figure(text, s, m.end(), a, "score", qualifier=qual, iso=iso))
    return m.end()


def _range(text, g, lo, start, sym):
    """A second number after the grown first (g): "from X to Y", "between X and Y",
    "X-Y", "$5 to $10". (low, high, growth of the second, "from"/"between" match) or None."""
    rm = None if text[g.end:g.end + 1] in CLOSERS else R_RANGE.match(text, g.end)
    if not rm:
        return None
    sep = rm.group("sep").strip().lower()
    lr = L_RANGE.search(text, max(lo, start - 10), start)
    if not lr and re.fullmatch(r"[ \t\u00a0]+-", rm.group("sep")):
        return None       # "225.86 -12.99 -5.44%" (a quote's change): a minus sign ("from 5 -7" stays a range)
    if sep == "and" and not (lr and lr.group("w").lower() == "between"):
        return None
    if sep == "or" and (g.kind is not None or lr):
        return None       # "two or three days" is a range; "5% or 6%", "from 5 or" are not
    if sep == "to" and not lr and (g.kind is not None or sym) and L_CHANGE.search(text, max(lo, start - 30), start):
        return None       # "rose 120 yen to 5,400 yen"; "rose 2 to 3 percent" stays a range
    p2 = rm.end()
    # an optional currency sign before the second number: "$5 to $10"
    cm2 = re.match(r"(?:US|A|C|HK)?\$|[€£¥₽₴₹]", text[p2:p2 + 3])
    if cm2:
        p2 += cm2.end()
    m2 = CORE.match(text, p2)
    if not (m2 and (m2.group("dig") or spelled_value(m2.group("spell") or "") is not None)):
        return None
    v2 = core_value(m2)
    if v2 is None or R_CLOCK_AFTER.match(text, m2.end()):
        return None       # "at 2 or 3 a.m.": clock times
    if m2.group("dig") and m2.end() < len(text) and text[m2.end()].isalpha():
        um = R_UNIT.match(text, m2.end()) or R_SCALE.match(text, m2.end()) or R_PERCENT.match(text, m2.end()) \
            or R_TIMES.match(text, m2.end())
        if not um:
            return None
    g2 = grow_right(text, m2.end(), v2, bool(sym or cm2))
    if sep == "to" and not lr and g.kind is None and g2.kind is None and not (sym or cm2) \
            and L_CHANGE.search(text, max(lo, start - 30), start) \
            and (g2.value > 3 * g.value or not counted_noun(text, g2.end, True)[0] and not rate_after(text, g2.end)[0]):
        # "rose 15.66 to 1,046.79", "rose 150 to 22,000 points": the change, then the level;
        # "added 200,000 to 250,000 jobs" (close, and counting) stays a range
        return None
    same = (g.kind is None or (g.kind == g2.kind and g.unit == g2.unit))
    v1 = g.value
    if g2.scaled and not g.scaled or g2.minor and not sym and g.kind is None:
        # "$5-10 million", "60 to 80 cents": the scale applies to both ("$1 to 50 cents" no range)
        v1 = v1 * (g2.value / v2 if v2 else 1)
    if sep == "or" and not 0 < v1 < g2.value <= 5 * v1:
        return None       # "two or three days" is a range; "10 or 100", "5.00 or 5,00" are alternatives
    if same and v1 <= g2.value:
        return v1, g2.value, g2, lr
    return None


def _range_figure(text, rng, start, sym, qual, digits, out):
    """Append the figure of a range found by _range; return its end."""
    v1, v2, g2, lr = rng
    kind, unit = g2.kind, g2.unit
    of = None
    if kind in (None, "duration") and unit in (None, "year", "month") and _age_word_before(text, start):
        kind, unit, of = "duration", unit or "year", "age"     # "aged 5-11", "aged between 18 and 25"
    elif kind == "duration" and unit in ("year", "month") and (g2.old or R_OLD.match(text, g2.end)):
        kind, of = "duration", "age"                            # "17 or 18 years old"
    if lr:
        start = lr.start() if not sym else min(start, lr.start())
        qual = None
    if sym and not unit:
        kind, unit = "money", sym
    end = g2.end
    if of == "age" and (om := R_OLD.match(text, end)):
        end = om.end()
    rate = None
    if kind in (None, "money", "measure", "percent") or kind == "count" and unit == "time":
        rate, end2 = _rate_after(text, end, kind == "money", kind in ("money", "measure"))     # "two to three times a day"
        if rate:
            end = end2
        rate = rate or g2.rate
    if kind is None:
        if digits and re.fullmatch(r"\d{4}", digits) and 1000 <= v1 <= 2199 and 1000 <= v2 <= 2199:
            out.append(figure(text, start, end, v1, "year", iso="%d/%d" % (v1, v2), low=v1, high=v2))
            return end
        phrase, e2 = counted_noun(text, end, True)
        if phrase:
            kind, unit, end = "count", phrase, e2
            rate, e3 = _rate_after(text, end, False, True)     # "200,000 to 250,000 jobs each month", as one count
            if rate:
                end = e3
        else:
            kind = "number"
    elif kind == "percent":
        of = of_noun(text, end)
    out.append(figure(text, start, end, v1, kind, unit, qual, rate, low=v1, high=v2, of=of))
    return end


def _audience_next(text, pos):
    """Do people follow pos ("4K fans watched on Xbox": thousands; "4K videos": a resolution)?"""
    nxt = R_NEXT_WORD.match(text, pos)
    return bool(nxt) and text[pos:pos + 1] == " " and singular(nxt.group("w").lower()) in AUDIENCE_NOUNS


def _measured_after(text, pos):
    """Does a unit, percent or counted noun follow pos ("margin of 10 to 15 points"; "5 to 4
    in favour" has no inches)?"""
    um = R_UNIT.match(text, pos)
    if um and um.group("sp") and um.group("u").lower() in SHORT_UNITS:
        um = None
    return bool(um or R_PERCENT.match(text, pos) or counted_noun(text, pos, True)[0])


def _rate_after(text, end, money, of=False):
    """rate_after(), and for money a noun after "per", "a" or "an": "$300 per named user"
    (user), "$15,000 per processor", "$30 a ticket", "$200 a night". of: a period may come
    after what is measured or counted ("1 million barrels of oil a day", "500 cases of
    measles a week"), so that it pairs with "1 million barrels a day"."""
    rate, end2 = rate_after(text, end)
    if rate:
        return rate, end2
    om = R_OF_THEN_PERIOD.match(text, end) if of else None
    if om:
        rate, end2 = rate_after(text, om.end())
        if rate:
            return rate, end2
    if not money:
        return None, end
    per = R_PER.match(text, end)
    if per:
        return _per_noun(text, per.end(), end)
    a = R_A_NOUN.match(text, end)
    return _a_noun(text, a.end(), end) if a else (None, end)


def _per_noun(text, pos, end):
    """The noun a price is per after "per" ending at pos: "$300 per named user" (user),
    "$3.41 per million British thermal units" (million thermal unit); else (None, end)."""
    sm = R_NEXT_WORD.match(text, pos)
    scale = sm.group("w").lower() if sm and sm.group("w").lower() in SCALE_WORDS else None
    phrase, e2 = counted_noun(text, sm.end(), True) if scale else counted_noun(text, pos, False)
    if not phrase or phrase in NOT_PER:
        return None, end
    return (scale + " " + phrase if scale else phrase), e2


def _a_noun(text, pos, end):
    """The noun a price is per after "a" ending at pos: its first noun ("$1,000 a plate
    fundraiser": plate; a unit whole, "$300 a square foot"); not a period ("a year ago" is
    rate_after's to read), "a few", "a lot" (NOT_PER), nor the subject of a verb of saying
    ("$3 billion a company spokesman confirmed"); else (None, end)."""
    phrase, e2 = counted_noun(text, pos, False)
    if not phrase or set(phrase.split()) & NOT_PER:
        return None, end
    said = R_NEXT_WORD.match(text, e2)
    said = said.group("w").lower() if said else ""
    if said in SPEECH_VERBS or said.endswith("ed"):
        return None, end
    um = R_UNIT.match(text, pos)
    wm = R_NEXT_WORD.match(text, pos)
    if um and " " in um.group("u"):
        phrase, e2 = um.group("u").lower(), um.end("u")
    elif phrase.split()[0] == singular(wm.group("w").lower()):
        phrase, e2 = phrase.split()[0], wm.end()
    if phrase in TIME_UNITS or phrase in PERIODS:
        return None, end
    return phrase, e2


def _single_figure(text, s, start, g, sym, qual, digits, surface, out):
    """Append the figure of one number grown to g (no range); return its end or None.
    A bare number becomes a year, a count of the noun after it, or a plain number."""
    value, end, kind, unit = g.value, g.end, g.kind, g.unit
    rate, of = None, None
    if sym:
        if kind in (None, "money"):
            kind, unit = "money", unit or sym
        s = start
    if kind in ("money", "measure", "percent") or kind == "count" and unit == "time":
        # "three times a day" is a frequency too, "5% a year" a yearly rate
        rate, end2 = _rate_after(text, end, kind == "money", kind in ("money", "measure"))
        if rate:
            end = end2
        rate = rate or g.rate
    if kind == "percent":
        of = of_noun(text, end)
    elif kind == "duration":
        if unit in ("year", "month") and _age_word_before(text, s):
            of = "age"        # "aged 12 years"
        elif g.hyphen or g.old:
            of = noun_after(text, end) if not g.old else "age"
        elif om := R_OLD.match(text, end):
            end, of = om.end(), "age"
    elif kind is None and (text[s - 2:s] == ", " or "ge" in text[max(0, s - 20):s] or out and out[-1].kind == "age") \
            and _age(text, s, end, value, digits, out):     # (cheap tests first: most numbers are no ages)
        kind, unit, of = "duration", "year", "age"
    elif kind is None and digits and 0 < value < 10 and (ms := _magnitude_start(text, s, end)) is not None:
        kind, unit, s = "measure", "magnitude", ms
    elif kind is None and digits and value == int(value) and ("No" in text[s - 4:s] or "o." in text[s - 4:s]
                                                              or "#" in text[s - 2:s]) and L_RANK.search(text, max(0, s - 5), s):
        out.append(figure(text, s, end, value, "ordinal", qualifier=qual, of=noun_after(text, end)))
        return end            # a rank: "the No. 5 seed" (5, of seed)
    elif kind is None:
        # years: four digits, no sign, no separator
        if digits and re.fullmatch(r"\d{4}", digits) and 1000 <= value <= 2199 and not g.scaled:
            return _four_digits(text, s, end, value, qual, digits, out)
        if len(digits or "") == 2 and text[s - 1:s] in ("'", "’") and L_SHORT_YEAR.search(text, max(0, s - 12), s - 1) \
                and (text[max(0, s - 5):s - 1] == "the " or not counted_noun(text, end, True)[0]):
            # "in early '09", "the class of '68", "the '08 election results"; an opening
            # quote is not after a lower-case word ("'50 is the new 40,' she said")
            y = short_year(value)
            out.append(figure(text, s - 1, end, y, "year", qualifier=qual, iso=str(y)))
            return end
        hm = R_HYPHEN_NOUN.match(text, end) if text[end:end + 1] == "-" else None
        if hm and hm.group("w") not in NOT_HYPHEN_NOUNS and hm.group("w") not in NOUN_PHRASE_ENDS \
                and not (hm.group("w").endswith("ed") and len(hm.group("w")) > 4 and not hm.group("w").endswith("eed")):
            # a hyphenated modifier counts its noun: "a four-door coupe" (4 door), "10-speed";
            # not an adjective in -ed ("three-tiered pricing")
            out.append(figure(text, s, hm.end(), value, "count", singular(hm.group("w")), qual,
                              of=noun_after(text, hm.end())))
            return hm.end()
        phrase, e2 = counted_noun(text, end, value != 1)
        if phrase:
            kind, unit, end = "count", phrase, e2
            rate, e3 = _rate_after(text, end, False, True)     # "500 cases of measles a week"
            if rate:
                end = e3
        else:
            kind = "number"
            if surface.lower() in ("a", "an"):
                return None
            if value == int(value) and 0 < value < 125 and (L_AGE_VERB.search(text, max(0, s - 24), s) or
                                                            R_PERSON_NEXT.match(text, end) and L_AT_CLAUSE.search(text, max(0, s - 8), s)):
                kind, unit, of = "duration", "year", "age"   # "who is 45", "turned 50", "died at 85", "At 16, he"
            elif value >= 2 and text[end:end + 4] == " of ":
                # a part of a group: "34 of the men", "seven of LeBron's assists" (key number:man,
                # apart from the group's own size, "the 22 victims", a count)
                of = group_noun(text, end)
    qual = bound_after(text, end, qual)
    out.append(figure(text, s, end, value, kind, unit, qual, rate, of=of))
    return end


def _four_digits(text, s, end, value, qual, digits, out):
    """Append the figure of a bare four-digit number from 1000 to 2199 at text[s:end]: a
    year, a span of years, or a count of the plural noun after it; return its end."""
    y2 = _span_end(text, end, value)
    if y2:
        # a season, a fiscal year, a span: "the 2022/23 season" (2022..2023), "1939-45"
        e2 = R_SEASON.match(text, end).end()
        out.append(figure(text, s, e2, value, "year", qualifier=qual, iso="%d/%d" % (value, y2),
                          low=value, high=y2))
        return e2
    cm = L_CAPS_BEFORE.search(text, max(0, s - 8), s)
    if cm and cm.group("w") not in ERAS and cm.group("w").lower() not in NOUN_PHRASE_ENDS \
            and not text[max(0, cm.start() - 12):cm.start()].isupper():
        # after letters in capitals: an edition's year ("CES 2020 opens", "FY 2019"), else a
        # model number ("the GTX 1660 Ti", "the RTX 2060"), no figure; not in text written
        # in capitals ("FOUNDED IN 1850", "QUAKE KILLS 1200")
        if not 1950 <= value <= 2035:
            return end
        out.append(figure(text, s, end, value, "year", qualifier=qual, iso=digits))
        return end
    ctx = L_YEAR_CONTEXT.search(text, max(0, s - 12), s)
    phrase, e2 = counted_noun(text, end, True)
    last = text[max(0, s - 14):s].rsplit(None, 1)[-1:]
    last = last[0].lower() if last else ""
    if (last in QUANTITY_LAST_WORDS and L_QUANTITY_BEFORE.search(text, max(0, s - 40), s) or last in CHANGE_VERBS) \
            and not (phrase and phrase.split()[-1] in YEAR_MEASURES) and text[end:end + 2] not in ("'s", "’s"):
        # (a change: "gained 1200"; but "fell to 2008 levels" compares with a year, "2019's
        # fastest goal" is one)
        out.append(figure(text, s, e2, value, "count", phrase, qual) if phrase
                   else figure(text, s, end, value, "number", qualifier=bound_after(text, end, qual)))
        return e2 if phrase else end
    # (a year context before a number far from today's years with a plural noun
    # after it is no year: "a resolution of 1080 pixels")
    if not phrase or ctx and 1500 <= value <= 2100 or 1900 <= value <= 2100 and (
            text[end:end + 1] in ("", ".", ",", ")", ";", ":", "-", "–") or text[end + 1:end + 2].isupper()
            or L_THE_OR_POSSESSIVE.search(text, max(0, s - 6), s) and phrase.split()[-1] in EVENT_NOUNS
            or 1950 <= value <= 2035 and phrase in YEAR_RESULTS):
        # (a year before a name: "the 2020 Tokyo Olympics", not 2020 Olympics counted;
        # after "the" or a possessive before events: "the 2004 elections", "Brazil's 2014
        # protests", but "the 2000 workers", "the company's 2000 employees"; a year's results
        # anywhere: "hit 2020 earnings", "cut its 2021 forecasts")
        out.append(figure(text, s, end, value, "year", qualifier=qual, iso=digits))
        return end
    out.append(figure(text, s, e2, value, "count", phrase, qual))
    return e2


def _magnitude_start(text, s, end):
    """Where a quake's magnitude that is the bare number text[s:end] starts ("magnitude 7.1"
    from its word, "a 6.1 earthquake" and "the quake measured 6.1" at the number), or None:
    a magnitude pairs only with a magnitude in conflicts, so each way of writing one must
    read as one."""
    if "agnitude" in text[max(0, s - 14):s] and (m := L_MAGNITUDE.search(text, max(0, s - 14), s)):
        return m.start()
    if R_QUAKE_NEXT.match(text, end):
        return s
    if L_MEASURED.search(text, max(0, s - 18), s) and QUAKE.search(text, 0, s):
        return s
    return None


def _age_word_before(text, s):
    """ "aged", "age", "ages", "age of" (and "between"/"from") before s."""
    # a substring test in C first: all those words hold "ge"
    return "ge" in text[max(0, s - 20):s] and L_AGE.search(text, max(0, s - 20), s) is not None


def _span_end(text, end, year):
    """The last year of a span written after `year` ending at end, or None: "/23" or "-23"
    within 20 years of it ("2022/23", "1939-45"), "/2020" the next year ("2019/2020")."""
    m = R_SEASON.match(text, end)
    if not m:
        return None
    y = m.group("y")
    if len(y) == 4:
        return int(y) if int(y) == year + 1 else None
    y2 = year - year % 100 + int(y)
    return y2 if year < y2 <= year + 20 else None


def _age(text, s, end, value, digits, out):
    """Is the bare number at text[s:end] an age? "aged 26", "at age 51", "at the age of
    51", the second of "ages 16 and 6"; or, in digits, an age in apposition after a name
    or a person ("Peterson, 32, was", "her son, 4, and"): news style states ages there."""
    if value != int(value) or not 0 < value < 125:
        return False
    if _age_word_before(text, s):
        return True
    if out and out[-1].kind == "age" and re.fullmatch(r",?\s+(?:and|or)\s+|,\s+", text[out[-1].end:s]):
        return True
    # a number list ("Tuesday, 5, 6 and 7") and a date ("March, 12, 2019") go on with a digit
    return bool(digits and text[s - 2:s] == ", " and R_APPOSITION_END.match(text, end)
                and L_APPOSITION.search(text, max(0, s - 30), s))
