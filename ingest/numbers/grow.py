"""Growing a core to the left and right: what turns "5" into "about €5bn a month".

Left of a core: a currency sign or code, "minus", a qualifier (qualifiers.py).  Right of
it: "and a half" or "1/2", a scale ("billion", "bn"), then one of percent, a currency, "N
times", a unit or time unit; and, for bare numbers, the counted noun ("32 member states"
-> "member state") or the noun an ordinal orders ("its fourth year" -> "year").
"""
import re
from dataclasses import dataclass

from .lexicon import (
    CASUALTY_WORDS,
    CURRENCY_NAMES,
    CURRENCY_SIGNS,
    DOLLAR_COUNTRIES,
    DROPPED_ADJECTIVES,
    LY_ADJECTIVES,
    NOUN_ENDING_VERBS,
    OBJECT_VERBS,
    FRACTION_SIGNS,
    HUNDREDTHS,
    ING_NOUNS,
    MEASURES,
    MONEY_NOUNS,
    NATIONAL_CURRENCIES,
    NORDIC_CURRENCIES,
    NOT_NOUNS,
    SCALES,
    SHORT_UNITS,
    NOUN_PHRASE_ENDS,
    ONES,
    POLICE_PEOPLE,
    SCALE_WORDS,
    TENS,
    TIME_UNITS,
    UNIT_LOOKALIKES,
)
from ..text import is_plural, singular
from .patterns import (
    CLOSERS,
    CURRENCY_ENDS,
    CURRENCY_END_PAIRS,
    L_CURRENCY,
    L_RANK,
    NORDIC_CONTEXT,
    POWER_CONTEXT,
    R_AND_FRACTION,
    R_CLAUSE_GOES_ON,
    R_CURRENCY,
    R_DIGITS_END,
    R_DIGIT_NEXT,
    R_DIMENSION_WORD,
    R_FEET_MARK,
    R_FOOT_INCHES,
    R_HALF,
    R_HYPHEN_MIXED,
    R_INCHES,
    R_INCH_MARK,
    R_INITIALS,
    R_MIXED,
    R_NEXT_WORD,
    R_OBJECT_NEXT,
    R_OF,
    R_PERCENT,
    R_QUOTE_MARK,
    R_SCALE,
    R_TIMES,
    R_UNIT,
    R_WORDS,
    R_WORD_TOKEN,
    TEMPERATURE_CONTEXT,
)
from .qualifiers import qualifier_before
from .words import and_fraction, round_scale


@dataclass(slots=True)
class Growth:
    """What grow_right found after a core."""

    value: float              # after "and a half", "1/2", the scale, cents
    end: int                  # where the grown figure ends
    scaled: bool = False      # a scale word or letter applied ("5bn", "3 million")
    minor: bool = False       # in hundredths of a currency ("80 cents", "10 pence")
    unit: str | None = None
    kind: str | None = None   # percent, money, measure, duration, multiplier, count; None: bare
    hyphen: bool = False      # the unit was joined by a hyphen ("a two-day summit")
    old: bool = False         # "-old" or "-long" followed the unit ("10-year-old")
    rate: str | None = None   # a rate inside the unit: "bpd" (barrels per day)


def grow_right(text, pos, value, money, allow_scale=True):
    """Grow a number of `value` ending at pos to the right: fraction, scale, then percent,
    currency, "times", unit. `money`: a currency sign was found on the left, so only a
    scale can follow."""
    g = Growth(value, pos)
    if text[pos - 1:pos].isdigit() and _rank(text, pos):
        return g              # a rank names what follows: "No. 1 PC maker", "No. 2 HP saw", "the No. 5 seed"
    if text[pos:pos + 1] in CLOSERS and not text[pos + 1:pos + 2].isdigit():
        if text[pos:pos + 1] == '"':
            _marks(text, pos, g)  # "a 55" TV"
        return g              # "in 2019.", "(5)", "20,": nothing can follow (cheap exit)
    pos = _add_fraction(text, pos, value, g)
    if allow_scale:
        pos = _scale(text, pos, g, money)
    if _percent(text, pos, g) or _currency(text, pos, g, money) or money:
        return g
    if not _times(text, pos, g):
        _unit(text, pos, g)
    return g


def _rank(text, pos):
    """Do the digits ending at pos follow "No.", "No" or "#"? (a cheap test first: most do not)"""
    start = pos - len(R_DIGITS_END.search(text, max(0, pos - 16), pos).group(0))
    return ("No" in text[max(0, start - 5):start] or "#" in text[max(0, start - 3):start]) \
        and L_RANK.search(text, max(0, start - 6), start) is not None


def _add_fraction(text, pos, value, g):
    """ "two and a half", "3 million and a third" (of the round scale), "2 1/2", "1-1/2", "3½"."""
    m = R_AND_FRACTION.match(text, pos)
    fr = and_fraction(text, m) if m else None
    if fr is not None:
        g.value += (fr if value >= 0 else -fr) * round_scale(value)
        pos = g.end = m.end()
        return pos
    if text[pos:pos + 1] == "-" and value == int(value) and (m := R_HYPHEN_MIXED.match(text, pos)):
        n, d = int(m.group(1) or m.group(3)), int(m.group(2) or m.group(4))
        if n < d:
            g.value += n / d if value >= 0 else -n / d
            pos = g.end = m.end()
        return pos
    if R_HALF.match(text, pos) and value == int(value):
        m = R_MIXED.match(text, pos)
        if m and m.group(1):
            n, d = int(m.group(1)), int(m.group(2))
            if 0 < n < d:
                g.value += n / d if value >= 0 else -n / d
                pos = g.end = m.end()
        elif m:
            g.value += FRACTION_SIGNS[m.group(3)]
            pos = g.end = m.end()
    return pos


def _scale(text, pos, g, money):
    """ "billion", "bn", "m", "lakh crore" after the number, then "and a half"."""
    m = R_SCALE.match(text, pos)
    if not m:
        return pos
    sc = m.group("sc")
    lsc = re.sub(r"\s+", " ", sc.lower())
    attached = not m.group("sp")
    ok = True
    if len(lsc) == 1:
        # one-letter scales only when glued: "£5m", "10k", "$2.1T"; "m"/"t" glued to
        # a non-money number is more likely metres / tonnes unless a noun follows (a
        # capital "M" or "B" that names something is dropped before: cardinals._letter_name)
        ok = attached and m.group("sp") != "-" and (money or lsc in ("k", "bn", "mn") or sc in ("M", "B")
                                                   or lsc in ("m", "b") and plural_next(text, m.end()))
        if lsc == "m" and not money and re.match(r"\s+(?:tall|long|high|wide|deep|away|thick|"
                                                 r"below|above|under|in\s+(?:height|length|diameter))\b",
                                                 text[m.end():m.end() + 20]):
            ok = False        # "1.8m tall": metres
        if lsc == "t" and not money:
            ok = False
    if lsc == "mm":
        ok = money and attached   # "$200MM" (finance's million); "200mm" is millimetres
    if m.group("sp") == "-" and len(lsc) > 2:
        ok = True
    elif m.group("sp") == "-":
        ok = False
    if not ok:
        return pos
    g.value *= SCALES[lsc]
    g.scaled = True
    pos = g.end = m.end()
    # "3 million and a half"
    m = R_AND_FRACTION.match(text, pos)
    fr = and_fraction(text, m) if m else None
    if fr is not None and fr in (0.5, 0.25, 0.75):
        g.value += fr * SCALES[lsc]
        pos = g.end = m.end()
    return pos


# an adjective that may stand between a glued "m" and the plural it counts: "500m daily
# users", "2m new jobs" (not "the 200m European titles": a race, so metres)
_MILLION_ADJECTIVES = LY_ADJECTIVES | {"new", "more", "additional", "extra", "other"}


def plural_next(text, pos):
    """Does a plural noun follow pos, after one adjective at most? "5m copies", "2m tonnes",
    "500m daily users" are millions; "the 100m in 9.58 seconds", "a 100m sprint" are metres."""
    nxt = R_NEXT_WORD.match(text, pos)
    if nxt and nxt.group("w").lower() in _MILLION_ADJECTIVES:
        nxt = R_NEXT_WORD.match(text, nxt.end()) if text[pos:pos + 1] == " " else None   # "500m daily users"
    return bool(nxt and text[pos:pos + 1] == " " and nxt.group("w").lower() not in NOUN_PHRASE_ENDS
                and is_plural(nxt.group("w").lower()))


def _percent(text, pos, g):
    """ "%", "per cent", "percentage points" (pp), "basis points" (bp). True when found."""
    m = R_PERCENT.match(text, pos)
    if not m:
        return False
    if m.group("pp"):
        low = m.group("pp").lower()
        g.unit = "bp" if low.startswith(("b", "bp")) else "pp"
    else:
        g.unit = "%"
    g.kind = "percent"
    g.end = m.end()
    return True


def _currency(text, pos, g, money):
    """A currency name, code or sign after the number ("5 billion euros", "10 USD", "5€");
    "pounds" may be a weight. True when the figure is complete."""
    m = R_CURRENCY.match(text, pos)
    if not m:
        return False
    if m.group("cw"):
        w = re.sub(r"\s+", " ", m.group("cw").lower())
        if w in HUNDREDTHS:
            g.value *= 0.01
            g.unit, g.minor = HUNDREDTHS[w], True
        else:
            g.unit = CURRENCY_NAMES[w]
            adj = re.sub(r"\s+", " ", m.group("adj").lower()) if m.group("adj") else None
            if adj and w.startswith("dollar"):
                g.unit = DOLLAR_COUNTRIES.get(adj, "USD")
            elif adj and (adj, w) in NATIONAL_CURRENCIES:
                g.unit = NATIONAL_CURRENCIES[(adj, w)]
            elif w in ("kr", "krone", "kroner"):
                g.unit = _nordic(text, g.unit)
            if w in ("pound", "pounds") and not money and _pound_weight(text, pos, m.end(), g.scaled):
                g.unit, g.kind, g.end = "lb", "measure", m.end()
                return True
        # "won", "real", "rand", "lei" are too often words: only after a scale or money sign
        if w in ("won", "real", "rand", "lei", "leu", "quid") and not (g.scaled or money):
            g.unit = None
            return False
        g.kind = "money"
        g.end = m.end()
        return True
    if m.group("code"):
        g.unit, g.kind, g.end = m.group("code"), "money", m.end()
        sm = R_SCALE.match(text, m.end())
        if sm and sm.group("sp") and len(sm.group("sc")) > 2 and not g.scaled:
            g.value *= SCALES[sm.group("sc").lower()]
            g.end = sm.end()
        return True
    if m.group("sym") and not money:
        g.unit, g.kind, g.end = CURRENCY_SIGNS[m.group("sym")], "money", m.end()
        return True
    return False


def _nordic(text, code):
    """The krona or krone of the country the sentence names ("kr", "kroner"), else code."""
    m = NORDIC_CONTEXT.search(text)
    return NORDIC_CURRENCIES[m.group(0).lower()] if m else code


def _times(text, pos, g):
    """ "three times as many" (a multiplier), "won 5 times" (a count of `time`)."""
    m = R_TIMES.match(text, pos)
    if not m or m.group("t") in "xX" and m.start("t") != pos:
        return False          # "2x" glued only: "5 x 10" is a product
    if m.group("t").lower() in ("fold", "x") or m.group("cmp"):
        g.kind, g.end = "multiplier", m.end("t")
    else:
        g.kind, g.unit, g.end = "count", "time", m.end("t")
    return True


def _unit(text, pos, g):
    """A measure or time unit, also hyphenated ("200-mile", "two-day", "10-year-old");
    feet and inches add up."""
    m = R_UNIT.match(text, pos)
    if not m:
        if text[pos:pos + 1] in "\"″'′":
            _marks(text, pos, g)
        return
    u = re.sub(r"\s+", " ", m.group("u")).lower()
    glued = not m.group("sp")
    if m.group("u") in UNIT_LOOKALIKES or u == "ms" and m.group("u") != "ms":
        return                # "5G", "3D": names, not grams; "5 MS patients" (a "4ms" delay is time)
    if m.group("u") == "Nm":  # newton-metres; lowercase "nm" is the nautical mile
        g.unit, g.kind, g.end, g.hyphen = "Nm", "measure", m.end("u"), m.group("sp") == "-"
        return
    if u == "w" and (re.match(r"-\d", text[m.end():m.end() + 2]) or not POWER_CONTEXT.search(text)):
        return                # a motor oil's grade ("5W-30"), a road ("I-35W"), a longitude
    if u == "in":
        # "2 in." / "2in" is inches; "2 in thick" or "5 in 2020" is not
        if not (glued or re.match(r"\s*(?:[.,;:)]|$)|\s+(?:thick|long|wide|high|deep|tall|across)\b",
                                  text[m.end():m.end() + 8])):
            return
    elif u in ("c", "f"):
        # "30C", "86F" are temperatures in a sentence about weather or heat; "5c",
        # "Grade 5 F", "a Boeing 777F", "the 13F filing", "14.7C/ per unit" are not
        if m.group("u") not in ("C", "F") or not glued or re.match(r"[\w/-]", text[m.end():m.end() + 1]) \
                or not TEMPERATURE_CONTEXT.search(text):
            return
    elif u in SHORT_UNITS and not glued and u not in ("ft", "mi", "oz", "yd", "ha") \
            and m.group("u") not in ("L", "t", "MP") and not (u == "m" and R_DIMENSION_WORD.match(text, m.end())) \
            and not (text[m.end():m.end() + 1] == "/" and R_UNIT.match(text, m.end() + 1)):
        return                # a spaced "m" only as in "1.8 m wide" or "120 g/km"
    if u in TIME_UNITS:
        g.unit, g.kind = TIME_UNITS[u], "duration"
    elif MEASURES[u] == "bpd":
        g.unit, g.kind, g.rate = "barrel", "measure", "day"
    else:
        g.unit, g.kind = MEASURES[u], "measure"
        if m.group("u") in ("MB", "GB", "TB", "KB", "MW", "GW", "kW"):
            g.unit = m.group("u")
    g.end = m.end("u")
    if g.kind == "measure" and text[g.end:g.end + 1] == "/" and not m.group("old") and "/" not in g.unit:
        # a compound: "120 g/km", "5 mg/l", "3 kg/m2" (a time after the slash is a rate)
        m2 = R_UNIT.match(text, g.end + 1)
        if m2 and not m2.group("sp") and not m2.group("old") and m2.group("u").lower() in MEASURES \
                and m2.group("u") not in UNIT_LOOKALIKES and MEASURES[m2.group("u").lower()] != "bpd":
            if "/" not in MEASURES[m2.group("u").lower()]:
                g.unit, g.end = g.unit + "/" + MEASURES[m2.group("u").lower()], m2.end("u")
    if m.group("old"):
        g.end = m.end("old")
        g.old = True
    g.hyphen = m.group("sp") == "-"
    if g.unit == "foot":
        # heights: "5 feet 2 inches", "6ft 2in", "5 ft and 2 in", "a 6-foot-2 guard"
        im = (R_FOOT_INCHES if g.hyphen else R_INCHES).match(text, g.end)
        if im and int(im.group(1)) < 12:
            g.value += int(im.group(1)) / 12.0
            g.end = im.end()


def _marks(text, pos, g):
    """Inch and foot marks glued to the number: "a 15.6″ display", "a 55" TV", "6'2"" (6.17 foot)."""
    m = R_FEET_MARK.match(text, pos)
    if m and int(m.group(1)) < 12:
        g.value += int(m.group(1)) / 12.0
        g.unit, g.kind, g.end = "foot", "measure", m.end()
    elif R_INCH_MARK.match(text, pos) and not (text[pos] == '"' and len(R_QUOTE_MARK.findall(text, max(0, pos - 120), pos)) % 2):
        # (a straight quote that closes one opened before is no inch mark: 'gave it a "9" for its
        # display'; the inch marks before it are no quotes: '22" long and 22" wide')
        g.unit, g.kind, g.end = "inch", "measure", pos + 1


def _hyphen_weight(text, s, e):
    """ "a 500-pound bomb", "a twenty-pound bag" weigh; "a 10-pound note" is money."""
    if text[s:s + 1] != "-":
        return False
    nxt = R_NEXT_WORD.match(text, e)
    return bool(nxt and nxt.group("w").lower() not in MONEY_NOUNS and nxt.group("w").lower() not in NOUN_PHRASE_ENDS)


def _weighty(text, s, e):
    """Is "pounds" here a weight? ("2,000 pounds of cocaine", "it weighs 5 pounds")"""
    return (re.match(r"\s+of\s", text[e:e + 5]) is not None
            or re.search(r"(?i)weigh|heav|lbs?\b|\bkg\b|mass|load|\bbaby|\bborn\b|\bton|\bkilo|"
                         r"\bounces?\b|\b(?:lost|gained|lose|gain|shed)\b", text[max(0, s - 40):s]) is not None)


# after "millions of pounds of": things that are weighed ("2 million pounds of thrust",
# "1.5 million pounds of cocaine"). Any other noun leaves the pounds money: British copy
# writes "5 million pounds of compensation", "of new funding", "of jewellery" for sums.
_WEIGHED = {"thrust", "force", "pressure", "cargo", "freight", "payload", "cocaine", "heroin",
            "marijuana", "cannabis", "methamphetamine", "meth", "fentanyl", "drugs", "explosives",
            "waste", "trash", "garbage", "rubbish", "debris", "plastic", "plastics", "steel",
            "aluminum", "aluminium", "copper", "coal", "scrap", "concrete", "sand", "ice", "snow",
            "food", "beef", "pork", "chicken", "meat", "poultry", "fish", "seafood", "shrimp",
            "produce", "fruit", "vegetables", "potatoes", "grain", "wheat", "corn", "rice",
            "soybeans", "sugar", "cheese", "butter", "milk", "flour", "feed", "fertilizer",
            "chemicals", "fuel", "mail"}


def _pound_weight(text, s, e, scaled):
    """Is "pounds" at text[s:e] a weight? A scaled one ("2 million pounds") only with "of"
    and a thing that is weighed."""
    if not scaled:
        return _weighty(text, s, e) or _hyphen_weight(text, s, e)
    m = re.match(r"\s+of\s+([a-z]+)", text[e:e + 40])
    return m is not None and m.group(1) in _WEIGHED


def grow_left(text, s, lo=0):
    """(currency, qualifier, start) before a core at s: the ISO code of a sign or code
    right before it ("US$", "€", "USD 5"), the qualifier before that, and where the figure
    then starts. Nothing before `lo` (the end of the previous figure) is looked at."""
    sym, start = None, s
    k = s - 1
    while k >= lo and text[k] in " \t\u00a0":
        k -= 1
    # a symbol or code ends in "$", a sign, or a capital ("USD", "Rs", "Rs."): skip the
    # search for the usual lowercase word or punctuation before a number
    m = L_CURRENCY.search(text, max(lo, s - 8), s) if k >= lo and (
        text[k] in CURRENCY_ENDS or text[k - 1:k + 1] in CURRENCY_END_PAIRS) else None
    if m:
        k = m.group("s") or m.group("code")
        sym = m.group("code") or CURRENCY_SIGNS.get(k.lower().replace(" ", ""), "USD" if k.endswith("$") else None)
        if k.lower().startswith("kr"):
            sym = _nordic(text, sym)
        start = m.start()
    return sym, qualifier_before(text, start, lo), start


# words that end a counted noun phrase, in one set for the hot loop below
_NOUN_STOPS = NOUN_PHRASE_ENDS | NOT_NOUNS | set(ONES) | set(TENS) | SCALE_WORDS


def counted_noun(text, pos, plural):
    """The counted thing after a number: ("member state", end offset) or (None, pos)."""
    m = R_WORDS.match(text, pos)
    if not m:
        return None, pos
    run = []
    found = list(R_WORD_TOKEN.finditer(m.group(0)))
    for k, w in enumerate(found):
        lw = w.group(0).lower()
        if k == 0 and lw in ("other", "more"):
            continue          # "20 other countries", "two more people": the noun follows
        if k == 0 and lw.endswith(("n't", "n’t")):
            return None, pos  # "one doesn't exist": a pronoun and a verb
        if k == 0 and lw in CASUALTY_WORDS and R_CLAUSE_GOES_ON.match(text, m.start() + w.end()):
            return None, pos  # "3 dead, 1 hurt in shooting": a participle ("two dead bodies" counts)
        if k == 0 and plural and (lw.endswith("ly") and lw not in LY_ADJECTIVES and lw not in _NOUN_STOPS
                                  or lw == "very" and k + 1 < len(found)):
            continue          # "three highly trained officers", "two very young girls": the adverb of an adjective
        if (lw in _NOUN_STOPS and not (lw in ("us", "it") and w.group(0).isupper())
                or lw.endswith("ly") and lw not in LY_ADJECTIVES):
            break             # (a number word starts another number: "one two three"; "nine US companies")
        if run and not plural and lw in NOUN_ENDING_VERBS:
            break             # "one official said": the verb, and what follows it, is no noun
        if run and plural and lw in OBJECT_VERBS and R_OBJECT_NEXT.match(text, m.start() + w.end()):
            return None, pos  # "the 2020 model makes 300 hp": a singular noun and its verb
        run.append((w, lw))
        if plural and is_plural(w.group(0)) and not (lw == "police" and k + 1 < len(found)
                                              and is_plural(found[k + 1].group(0).lower())):
            break             # (but "300 police officers" read on)
        if len(run) >= 4:
            break
    if not plural:
        while len(run) > 1 and (run[-1][1] in DROPPED_ADJECTIVES or run[-1][1].endswith(("ed", "ing"))
                                and run[-1][1] not in ING_NOUNS):
            run.pop()         # a verb after the noun: "one person survived", "one building collapsed"
    if not run:
        return None, pos
    last, lw = run[-1]
    if plural and not is_plural(last.group(0)):
        return None, pos
    if not plural and len(run) > 2:
        return None, pos
    words = [x for _, x in run]
    # drop leading adjectives and proper names, keep noun modifiers ("member", "air defense")
    i = 0
    while i < len(words) - 1 and (words[i] in DROPPED_ADJECTIVES or run[i][0].group(0)[:1].isupper()
                                  or words[i].endswith(("ed", "ing"))):
        i += 1
    head = singular(last.group(0))
    phrase = " ".join(words[i:-1] + [head])
    if words[-2:-1] == ["police"] and head in POLICE_PEOPLE:
        phrase = "police"     # "two police officers" pairs with "two police"
    if not plural and (lw in DROPPED_ADJECTIVES or lw.endswith(("ed", "ing")) and lw not in ING_NOUNS):
        return None, pos
    if len(run) > 1 and all(w.group(0)[:1].isupper() for w, _ in run) and R_DIGIT_NEXT.match(text, m.start() + last.end()):
        return None, pos      # a table's row: "1 Kyle Busch 5040 5 1 17 27" (a rank, a name, cells;
                              # "3 Americans 2 Britons" stays a count: one word)
    return phrase, m.start() + last.end()


def noun_after(text, pos):
    """The noun an ordinal orders: "its fourth [consecutive] year" -> "year", "the 50th U.S.
    state" -> "state", or None."""
    im = R_INITIALS.match(text, pos)
    if im:
        pos = im.end()
    m = R_NEXT_WORD.match(text, pos)
    if m and (m.group("w").lower() in ("consecutive", "straight", "successive", "full",
                                        "largest", "biggest", "most", "best", "worst")
              or m.group("w").lower() in ONES or m.group("w").lower() in TENS):   # "the first two games"
        m2 = R_NEXT_WORD.match(text, m.end())
        if m2 and m2.group("w").lower() not in NOUN_PHRASE_ENDS:
            m = m2
    if not m:
        return None
    w = m.group("w").lower()
    if w in NOUN_PHRASE_ENDS or w.endswith("ly"):
        return None
    return singular(w)


def group_noun(text, pos):
    """The head noun of the group after "of": "34 of [the] men" -> "man", "seven of LeBron's
    assists" -> "assist", "46 of their close contacts" -> "contact"; or None."""
    m = R_OF.match(text, pos)
    if not m:
        return None
    phrase = counted_noun(text, m.start("w") - 1, True)[0]
    return phrase.split()[-1] if phrase else None


def of_noun(text, pos):
    """The noun after "of": "two-thirds of [the] voters" -> "voter", or None."""
    m = R_OF.match(text, pos)
    if m and m.group("w").lower() not in NOUN_PHRASE_ENDS:
        return singular(m.group("w"))
    return None
