"""extract(text): every figure a sentence states, as records.Figure, in order.

Each core match (scan.py) is turned into a figure by its kind: dates here, digit and
spelled numbers in cardinals.py, ordinal and fraction words in ordinals.py; then figures
that context shows to be names are dropped and bounds are joined into ranges.
"""
import re

from ..text import is_plural
from .cardinals import cardinal
from .figure import date_iso, figure, short_year
from .grow import counted_noun, grow_left, grow_right, of_noun
from .lexicon import (
    CURRENCY_NAMES,
    FRACTION_SIGNS,
    HEADLINE_ARTICLES,
    HEADLINE_PREPOSITIONS,
    HEADLINE_COUNT_VERBS,
    MEASURES,
    MONTH_ABBREVIATIONS,
    MONTHS,
    MULTIPLIERS,
    NOUN_PHRASE_ENDS,
    ONES,
    PERSON_NOUNS,
    QUALIFIERS,
    SCALE_WORDS,
    SCALES,
    SENTENCE_OPENERS,
    STAT_NOUNS,
    TENS,
    TIME_UNITS,
    WEEKDAYS,
)
from .ordinals import ordinal_words
from .patterns import (
    CORE,
    EMERGENCY_CALL,
    L_BETWEEN,
    L_DATE_CHANGE,
    L_EMERGENCY_CALLED,
    L_ITEM_OF,
    L_TEAM_PREV,
    NAME_AFTER,
    NAME_BEFORE,
    NAME_WORD_BEFORE,
    R_ADDRESS,
    R_AIRLINER,
    R_CAPITAL_WORD,
    R_CELL_NEXT,
    R_CURRENCY,
    R_DATE_TO,
    R_HEADLINE_WORD,
    R_MULTIPLIED,
    R_NEXT_WORD,
    R_NUMBER_VERB,
    R_REFERENCES,
    R_TEAM_NEXT,
    VAGUE,
    VAGUE_OF,
)
from .qualifiers import join_bounds, rate_after
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
            if end is None and g == "dm" and m.group("day4"):
                # "5 and 6 May" is no span: the first number by itself, the date after it
                sm = CORE.match(text, m.start())
                end = cardinal(text, sm, out, pos) if sm else None
        elif g == "nd":
            end = _numeric_date(text, m, out)
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
        refs = R_REFERENCES.search(text) if text.rstrip().endswith((")", ").")) else None
        if refs and refs.group("w") in PERSON_NOUNS:
            refs = None
        out = [f for f in out if not (_is_name(text, f) or refs and refs.start("refs") < f.start < refs.end("refs"))]
    if "ozens" in text or "undreds" in text or "housands" in text or "illions" in text or (
            "ozen" in text or "undred" in text or "housand" in text or "illion" in text) and (
            "ew " in text or "everal" in text or "any " in text):
        _vague(text, out)     # substring tests in C first: most sentences have none
    return join_bounds(text, out) if len(out) > 1 else out


# vague amounts: the plural scale word and the range it states (low, high); "tens of" or
# "hundreds of" before a plural scale multiply it: "tens of thousands" 20,000..99,999
VAGUE_RANGES = {"dozens": (24, 99), "hundreds": (200, 999), "thousands": (2e3, 9999),
                "millions": (2e6, 9999999), "billions": (2e9, 9999999999)}
VAGUE_PREFIX = {"tens": 10, "hundreds": 100}


def _vague(text, out):
    """Add "dozens of people", "tens of thousands of dollars", "millions of Americans",
    "injured dozens" as ranges (kind count, or money before "of dollars/euros...")."""
    for m in VAGUE.finditer(text):
        s, e = m.start(), m.end()
        if any(f.start < e and s < f.end for f in out):
            continue
        prev = text[max(0, s - 12):s].split()
        if prev and (prev[-1][-1:].isdigit() or prev[-1].lower() in ONES or prev[-1].lower() in TENS):
            continue          # "three dozens", "two hundreds": a number and its scale
        low, high = VAGUE_RANGES[(m.group("sc") or m.group("one") + "s").lower()]
        if m.group("pre") or m.group("two"):
            k = VAGUE_PREFIX[m.group("pre").lower()] if m.group("pre") else SCALES[m.group("two").lower()]
            low, high = low * k, (high + 1) * k - 1     # "tens of thousands", "several hundred thousand"
        kind, unit = "count", None
        om = VAGUE_OF.match(text, e)
        # what is counted: after "of", or right after "several hundred" ("several hundred people")
        at = om.end() - 1 if om else e if m.group("one") else None
        if at is not None:
            cm = R_CURRENCY.match(text, at)
            if cm and cm.group("cw") and cm.group("cw").lower() in CURRENCY_NAMES:
                kind, unit, e = "money", CURRENCY_NAMES[cm.group("cw").lower()], cm.end()
            else:
                phrase, e2 = counted_noun(text, at, True)
                if phrase:
                    unit, e = phrase, e2
        if unit in TIME_UNITS:
            kind = "duration"                           # "several hundred years", "thousands of years"
        elif unit in MEASURES and MEASURES[unit] != "bpd":
            kind, unit = "measure", MEASURES[unit]      # "a few hundred yards", "thousands of miles"
        f = figure(text, s, e, low, kind, unit, low=low, high=high)
        out.append(f)
    out.sort(key=lambda f: f.start)


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
    e = m.end()
    if m.lastgroup == "dm" and m.group("day4"):
        d2 = int(m.group("day4"))
        sep = m.group("dsep").strip().lower()
        if not d < d2 <= 31 or sep == "and" and not L_BETWEEN.search(text, max(0, m.start() - 9), m.start()):
            return None
        return _date_span(text, m.start(), e, (y, mo, d), (y, mo, d2), m.group("yr3") is not None, out)
    if d and m.lastgroup in ("md", "dm"):
        span = _date_to(text, m.start(), e, y, mo, d, m.lastgroup, out)
        if span:
            return span
    if text[e - 1] == "." and m.lastgroup == "dm" and not m.group("yr3") and m.group("mon3").lower() not in MONTH_ABBREVIATIONS:
        e -= 1                # "till 31 December.": the sentence's full stop, not "Dec."
    out.append(figure(text, m.start(), e, None, "date", iso=date_iso(y, mo, d)))
    return e


def _date_to(text, s, e, y, mo, d, form, out):
    """A span of days that starts with the date text[s:e]: "May 1-3", "May 1 to May 3",
    "between May 1 and 3", "1 May to 3 May 2024". Returns its end, or None when no end
    day follows, it comes before the start, or the words make two dates ("and" without
    "between", "moved from May 1 to May 3")."""
    m = R_DATE_TO.match(text, e)
    if not m:
        return None
    sep = m.group("sep").strip().lower()
    if form == "dm" and m.group("day") and not m.group("mon"):
        return None           # "1 May - 3": the month of the end is unknown
    if form == "md" and m.group("day2"):
        return None           # "May 1 to 3 June": no writer mixes the orders
    before = text[max(0, s - 40):s]
    if sep == "and" and not L_BETWEEN.search(before):
        return None
    if sep in ("to", "until", "till", "through") and L_DATE_CHANGE.search(before):
        return None
    mon = m.group("mon") or m.group("mon2")
    mo2 = MONTHS.get(mon.lower()) if mon else mo
    d2 = int(m.group("day") or m.group("day2"))
    y2 = m.group("yr") or m.group("yr2")
    y2 = int(y2) if y2 else None
    if not mo2 or not 1 <= d2 <= 31 or y and y2 and y2 < y:
        return None
    y1 = y or y2
    y2 = y2 or y
    return _date_span(text, s, m.end(), (y1, mo, d), (y2, mo2, d2), not m.group("day2") or m.group("yr2"), out)


def _date_span(text, s, e, first, last, keep_stop, out):
    """The date range text[s:e] from first to last, each (year or None, month, day): kind
    date, iso an ISO 8601 interval ("2024-05-01/2024-05-03", "--05-01/--05-03"), low and
    high the ends as numbers YYYYMMDD when the year is known (see docs/numbers.md).
    None when last does not come after first."""
    if last[0] == first[0] and last[1:] <= first[1:] or last[0] and first[0] and last < first:
        return None
    if not keep_stop and text[e - 1] == "." and text[s:e].rstrip(".").split()[-1].lower() not in MONTH_ABBREVIATIONS:
        e -= 1
    iso = date_iso(*first) + "/" + date_iso(*last)
    low = high = None
    if first[0] and last[0]:
        low, high = (float("%04d%02d%02d" % t) for t in (first, last))
    out.append(figure(text, s, e, None, "date", iso=iso, low=low, high=high))
    return e


def _numeric_date(text, m, out):
    """ "05/03/2013", "11/30/09", "2013/05/03", "05-03-2013" (month first, as in the US:
    where the first number cannot be a month, day first), "03.05.2013" (day first, as
    written in Europe). Returns the end; a date that cannot be is skipped, no figure."""
    if m.group("ny"):
        y, mo, d = int(m.group("ny")), int(m.group("nm")), int(m.group("nd2"))
    else:
        a, b, y = (m.group("na"), m.group("nb"), m.group("nc")) if m.group("na") else (
            m.group("ha"), m.group("hb"), m.group("hc"))
        a, b, y = int(a), int(b), int(y)
        if y < 100:
            y = short_year(y)
        mo, d = (b, a) if m.group("hs") == "." or a > 12 else (a, b)
    if 1 <= mo <= 12 and 1 <= d <= (29 if mo == 2 else 30 if mo in (4, 6, 9, 11) else 31):
        out.append(figure(text, m.start(), m.end(), None, "date", iso=date_iso(y, mo, d)))
    return m.end()


def _multiplier(text, m, out):
    """ "twice", "thrice", "tenfold", "three-fold"; "twice" and "thrice" not before what
    they multiply ("twice the level", "twice as many") say how often: a count of `time`
    ("shot twice", "twice cut the rate"), as "two times" is."""
    w = m.group(0).lower()
    if w in MULTIPLIERS:
        v = MULTIPLIERS[w]
    else:
        v = spelled_value(re.sub(r"-?fold$", "", w))
    if not v:
        return None
    if w in ("twice", "thrice") and not R_MULTIPLIED.match(text, m.end()):
        rate, end = rate_after(text, m.end())      # "twice a week"
        out.append(figure(text, m.start(), end, v, "count", "time", None, rate))
        return end
    else:
        out.append(figure(text, m.start(), m.end(), v, "multiplier"))
    return m.end()


def _fraction(text, m, out, pos):
    """A fraction sign ("½") or digit fraction ("3/4", "-4/5"), with its unit if one follows."""
    if m.lastgroup == "frac":
        v = FRACTION_SIGNS[m.group(0)]
    else:
        n, d = int(m.group("fn")), int(m.group("fd"))
        if d == 0 or d > 100 or n > d or n == d > 1:
            return m.end()    # "20/2030", "1/0", "130/80" (blood pressure), a "50/50" split: not a figure
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
    s, e, kind = f.start, f.end, f.kind
    # a year before a verb of a name ("Resolution 1540 requires") is a name's number too
    bare = kind in ("number", "count") or kind == "year" and R_NUMBER_VERB.match(text, e) is not None
    # (cheap tests first: this runs for every figure)
    if bare and s > 1 and text[s].isdigit() and not (kind == "count" and f.unit in STAT_NOUNS):
        seg = text[max(0, s - 24):s]
        # (a number another number follows is a table's cell: "18 Jimmie Johnson 835 0 1 3 12")
        if seg != seg.lower() and not R_CELL_NEXT.match(text, e):
            nm = NAME_WORD_BEFORE.search(text, max(0, s - 24), s)
            if nm and _name_word(text, nm.start(), nm.group("w")) and not _headline_figure(text, nm.group("w"), s):
                d = re.match(r"[\d,.]+", text[s:e]).group(0)
                if not (d.isdigit() and (R_TEAM_NEXT.match(text, s + len(d))
                                         or L_TEAM_PREV.search(text, max(0, s - 40), s))):
                    return True
    if kind == "ordinal" and (text[s].isdigit() or text[s].isupper()) and text[e - 1].isalpha():
        # "the 79th Academy Awards"; not a rank ("the No. 1 Tar Heels") nor in a headline
        cw = R_CAPITAL_WORD.match(text, e)
        if cw and cw.group("w").lower() not in MONTHS and cw.group("w").lower() not in WEEKDAYS \
                and not _headline(text):
            return True
    if bare and NAME_BEFORE.search(text, max(0, s - 12), s):
        return True
    if kind in ("number", "count", "score", "multiplier") and text[s:s + 1] == "7" and (
            R_AIRLINER.match(text, s) or text[max(0, s - 7):s] == "Boeing "):
        return True           # "the 787-9 Dreamliner", "Boeing 737" (the fleet's count stays)
    if kind in ("number", "year") and text[e + 1:e + 2].isupper() and R_ADDRESS.match(text, e):
        return True           # "123 Main Street", "1600 Pennsylvania Avenue"
    if text[s - 4:s] == " of " and kind in ("number", "count", "year") and L_ITEM_OF.search(text, max(0, s - 20), s):
        return True           # "Photo 1 of 12" (the 1 is a name already)
    if kind == "ordinal" and NAME_AFTER.match(text, e):
        return True
    if bare and text[e:e + 4] == "-by-":
        return True
    if bare and text[s:s + 3] in ("999", "911", "112", "000") and (
            EMERGENCY_CALL.match(text, s) or L_EMERGENCY_CALLED.search(text, max(0, s - 10), s)):
        return True           # "a 999 call", "called 911"
    if bare and s > 1 and text[s].isupper() and not text[s:s + 2].isupper():
        # a capitalised number word after a capitalised word: "Air Force One", "the Big Four"
        nm = NAME_WORD_BEFORE.search(text, max(0, s - 24), s)
        if nm and _name_word(text, nm.start(), nm.group("w")) and not _headline(text):
            return True
    # list numbering at the start: "4. Will they", "1) Eat breakfast", "(2) Sleep"
    return s <= 1 and kind == "number" and re.match(r"\(?\d{1,2}[.)]\s+[\"“‘']?[A-Z]", text) is not None


def _headline_figure(text, word, s):
    """In a title-case headline every word is capitalised, so the word before a number
    says less: "Corpses Of 53 Men", "Car Bombs Kill 58 in Iraqi Capital", "More Than 100
    Are Charged" state figures. A number there is one after a function word, or before a
    plural noun or a lower-case preposition; "iPhone 11 Pro Review" stays a name."""
    if not _headline(text):
        return False
    if word.lower() in NOUN_PHRASE_ENDS or word.lower() in HEADLINE_COUNT_VERBS:
        return True           # ("Suicide Bombs Hit Egypt Military in Sinai, Kill 6")
    nxt = R_NEXT_WORD.match(text, re.match(r"[\d,.]*\d", text[s:]).end() + s)
    return bool(nxt) and text[nxt.start():nxt.start() + 1] == " " and (
        nxt.group("w") in HEADLINE_PREPOSITIONS or nxt.group("w").lower() in SCALE_WORDS
        or is_plural(nxt.group("w").lower()))    # "Storm Leaves 1 Million Without Power"


def _headline(text):
    """Is text written in title case ("Colts Clinch 5th Seed In AFC Playoffs")? Then capitals
    say nothing about names."""
    words = [w for w in R_HEADLINE_WORD.findall(text) if len(w) > 3 or len(w) > 1 and w not in HEADLINE_PREPOSITIONS
             and w.lower() not in HEADLINE_ARTICLES]
    # the content words, the short ones too ("Amazon to Cut 18,000 Jobs"), all capitalised
    return len(words) >= 3 and all(w[0].isupper() for w in words)


def _name_word(text, s, w):
    """A capitalised word at s that names something: not a month, "No.", a qualifier or a
    number word; as the first word of the sentence, not a word that opens sentences
    before figures ("About", "Only", "Add", "In", adverbs in -ly)."""
    lw = w.lower()
    if lw in MONTHS or lw in QUALIFIERS or lw in ONES or lw in TENS or lw in ("no", "nos", "the", "a", "an"):
        return False
    before = text[:s].rstrip()
    if before and before[-1] not in ".!?:;\"“‘'([—–-" or w[0].islower() and len(w) > 2 and not w[1:].islower():
        return True           # (a brand in camel case opens sentences too: "iOS 13 made"; not "pH 7")
    # adjectives open headlines before figures ("Powerful 6.1 quake", "Massive 300-acre fire")
    return not (lw in SENTENCE_OPENERS or lw in NOUN_PHRASE_ENDS or not w[1:].islower()
                or lw.endswith(("ly", "ful", "ous", "ive", "est", "less", "able", "ible"))
                or len(lw) > 4 and lw.endswith("ed"))
