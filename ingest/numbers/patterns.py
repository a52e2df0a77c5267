"""The compiled regular expressions, built once from the word tables in lexicon.py.

Four groups: the *cores* (CORE_AT_DIGIT, CORE_AT_WORD, CORE) and the candidate scans
that find where a core may start; R_* patterns, anchored right after a core (scale,
percent, currency, unit, rate, range...); L_* patterns, searched in a short window that
ends where a core starts (currency sign, qualifier, "minus", "between"...); and the
context patterns that show a figure to be a name.
"""
import re

from .lexicon import (
    CURRENCY_CODES,
    CURRENCY_NAMES,
    HUNDREDTHS,
    MEASURES,
    CHANGE_VERB_FORMS,
    CHANGE_VERBS,
    NUMBER_VERBS,
    PER_UNITS,
    NATIONALITIES,
    NORDIC_CURRENCIES,
    ONES,
    PERSON_NOUNS,
    ORDINALS,
    POWERS,
    QUALIFIERS,
    STARTERS,
    TENS,
    TIME_UNITS,
)


def alternation(words):
    """Regex alternation, longest first so "million" wins over "mi"."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in
                    sorted(set(words), key=lambda w: (-len(w), w)))


NUMBER_WORD = alternation(list(ONES) + list(TENS) + ["hundred"] + list(POWERS) + ["dozen", "dozens"])
ORDINAL_WORD = alternation(ORDINALS)
MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|"
         r"Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|"
         r"JAN(?:UARY)?|FEB(?:RUARY)?|MAR(?:CH)?|APR(?:IL)?|MAY|JUNE?|JULY?|"
         r"AUG(?:UST)?|SEPT?(?:EMBER)?|OCT(?:OBER)?|NOV(?:EMBER)?|DEC(?:EMBER)?)")
# a spelled number: "twenty-five", "two hundred and fifty", "a dozen", "half a million"
SPELLED = (r"(?:(?:(?:a|one)\s+)?(?:half|quarter)(?:\s+of)?(?:\s+an?)?\s+(?:dozen|thousand|million|billion|trillion)\b"
           r"|an?\s+(?:hundred|thousand|million|billion|trillion|dozen)\b(?:(?:\s+and\s+|[\s-]+)(?:" + NUMBER_WORD + r")\b){0,10}"
           r"|(?:" + NUMBER_WORD + r")\b(?:(?:\s+and\s+|[\s-]+)(?:" + NUMBER_WORD + r")\b){0,10})")
DIGITS = r"(?:\d+(?:\.\d+)?[eE][-+]?\d{1,3}(?!\w|\.\d)|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?(?![\d,])|(?<!\d )[1-9]\d{0,2}(?: \d{3})+(?![\d,.]?\d| \d| ?[A-Z%])(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[\u00a0\u202f]\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?|\.\d+)"

_MONTH_FIRST_DATE = (
    r"|(?P<md>(?<![\w.])(?P<mon>" + MONTH + r")\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?![\w%,.]\d|\d|[.,]?\d|\s*(?:%|per\s?cent))"
    r"(?:,?\s+(?P<yr>\d{4})(?![\w,.]\d))?)"
    r"|(?P<my>(?<![\w.])(?P<mon2>" + MONTH + r")\.?,?\s+(?P<yr2>\d{4})(?![\w,.]\d))")
# at a digit: things that look numeric but are no figures, ISO dates, "3 December",
# fractions "3/4", plain numbers
CORE_AT_DIGIT = re.compile(
    # numeric dates: "05/03/2013", "11 / 30 / 09", "2013/05/03", "05-03-2013", "03.05.2013"
    r"(?P<nd>(?<![\w./-])(?:(?P<na>\d{1,2})(?P<ns>\x20?/\x20?)(?P<nb>\d{1,2})(?P=ns)(?P<nc>\d{4}|\d{2})"
    r"|(?P<ny>\d{4})/(?P<nm>\d{1,2})/(?P<nd2>\d{1,2})"
    r"|(?P<ha>\d{1,2})(?P<hs>[-.])(?P<hb>\d{1,2})(?P=hs)(?P<hc>(?:19|20)\d\d))(?![\w/]|[-.]\d))"
    r"|(?P<skip>\+\d[\d\s().-]{6,}\d|\(\d{3}\)\s?\d{3}[-.\s]\d{4}|(?<!\d)\d{3}[-.]\d{3}[-.]\d{4}(?!\d)"
    r"|(?<![\w.])\d+(?:\.\d+){2,}\w*"                             # versions, IP addresses
    r"|(?<![\w.])\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\b\.?|[ap]\b)?"   # clock times ("6:11p")
    r"|(?<![\w.,])\d{1,2}(?:\.\d{2})?\s?(?:[AaPp]\.[Mm]\.|[AaPp][Mm]\b)"
    # 24-hour clock times: "by 0933 GMT", "1430 local time", "at 1100 hours"
    r"|(?<![\w.,])(?:[01]\d|2[0-3])[0-5]\d(?=\s?(?:GMT|UTC|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|CEST|JST|AEST|AEDT)\b"
    # "1015 ET", "0830 PT" ("In 2018 PT Freeport": a year and a company's name)
    r"|\s?(?:ET|PT|IST)\b(?!\s+[A-Z])|\s+local\s+time\b)"
    r"|(?:(?<=\bat )|(?<=\bby )|(?<=\buntil ))(?:[01]\d|2[0-3])[0-5]\d(?=\s?(?:hours|hrs|h)\b)"
    r"|(?<![\w./])\d{1,4}/\d{1,2}/\d{1,4}(?![\d/])"                # 12/03/2025: order unknown
    r"|(?<![\w./])(?:24/7|24-7|9/11)(?![\d/-])"                    # idioms and names
    r"|(?<![\w.-])[2-9]-in-1(?![\w-])"                               # "a 2-in-1 laptop", "3-in-1 charger"
    r"|(?<![\w.])\d{3}\([a-z]\)"                                     # retirement plans: "401(k)", "403(b)"
    r")"
    r"|(?P<iso>(?<![\w.-])(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})(?![\w-]))"
    r"|(?P<dm>(?<![\w.,])(?P<day2>\d{1,2})(?:st|nd|rd|th)?"
    r"(?:(?P<dsep>\s?[-–]\s?|\s+(?:to|through|and)\s+)(?P<day4>\d{1,2})(?:st|nd|rd|th)?)?"   # "1-3 May"
    r"\s+(?:of\s+)?(?P<mon3>" + MONTH + r")\b\.?"
    r"(?:,?\s+(?P<yr3>\d{4})(?![\w,.]\d))?)"
    r"|(?P<dfrac>(?<![\w.,/])(?P<fsign>(?<![^\s(\[{\"'“‘«:<>=≤≥~])[-−–])?(?P<fn>\d{1,3})/(?P<fd>\d{1,3})(?![\d/]))"
    r"|(?P<dig>(?<![\w.,\d])(?:(?<![^\s(\[{\"'“‘«/:<>=≤≥~])[-+−–])?" + DIGITS + r")"
    r"|(?P<frac>[½⅓⅔¼¾⅕⅛])"
)
# at a starter word: dates, ordinals and spelled fractions, spelled numbers, multipliers
CORE_AT_WORD = re.compile(
    r"(?P<ordw>(?i:\b(?:an?\s+)?(?:(?:" + NUMBER_WORD + r")(?:\s+and\s+|[\s-]+)){0,8}(?:(?:" + ORDINAL_WORD + r")s?|quarters?|halves|half)\b))"
    r"|(?P<spell>(?i:\b" + SPELLED + r"))"
    r"|(?P<mult>(?i:\b(?:twice|thrice|(?:" + NUMBER_WORD + r")fold|(?:" + NUMBER_WORD + r")-fold)\b))"
    + _MONTH_FIRST_DATE
)


# the end of a span of days after a date: "May 1-3", "May 30-June 2", "May 1 to May 3",
# "1 May to 3 May 2024", "May 1, 2024 - May 3, 2024"
R_DATE_TO = re.compile(r"(?P<sep>\s?[-–—]\s?|\s+(?:to|through|until|till|and)\s+)(?:"
                       r"(?P<day2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon2>" + MONTH + r")\b\.?"
                       r"(?:,?\s+(?P<yr2>\d{4})(?![\w,.]\d))?"
                       r"|(?:(?P<mon>" + MONTH + r")\.?\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)?"
                       r"(?![\w%]|[.,]?\d|[-–]\d|\s*(?:%|per\s?cent))(?:,?\s+(?P<yr>\d{4})(?![\w,.]\d))?)")
# a change of date is two dates, not a span: "postponed from May 1 to May 3"
L_DATE_CHANGE = re.compile(r"(?i:postpon|delay|mov|push|pushed|brought|bring|resched|shift|chang|advanc|extend|"
                           r"pull|put|set\s+back)\w*\s+(?:\w+\s+){0,3}from\s+$")
L_BETWEEN = re.compile(r"(?<![\w-])(?i:between)\s+$")


# masked before the scan (only when the text holds "@", "://" or "www.")
URL_OR_MAIL = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
WORD = re.compile(r"[A-Za-z]+")
R_HEADLINE_WORD = re.compile(r"(?<![\w'’])[A-Za-z]+")    # a word, not the "th" of "5th" nor the "s" of "it's"


def _trie(words):
    """Regex alternation as a trie ("t(?:en|hree|wo)"): one branch per first letter, so
    the engine rejects most positions after one character comparison. Longer words are
    tried first, as in alternation(); a space matches any run of white space."""
    words = sorted(set(words))
    if words == [""]:
        return ""
    groups = {}
    for w in words:
        groups.setdefault(w[:1], []).append(w[1:])
    alts = []
    for ch, rest in sorted(groups.items()):
        if ch == "":
            continue
        opt = "" in rest
        sub = _trie([r for r in rest if r])
        part = (r"\s+" if ch == " " else re.escape(ch)) + ("(?:%s)%s" % (sub, "?" if opt else "") if sub else "")
        alts.append(part)
    return "|".join(alts)


# candidate positions: identifiers (skipped whole), digits, fraction signs, and only the
# words in STARTERS (number words, ordinals, months, ...), found by one compiled regex
# (a trie of the words behind a word boundary), so that a sentence with no digit and no
# number word costs one C-level scan and the expensive CORE_AT_* patterns run at a
# handful of positions.
_A_BEFORE_NUMBER = (r"an?(?=\s+(?:half|quarter|hundred|thousand|million|billion|trillion|dozen|third|"
                    r"fourth|fifth|sixth|seventh|eighth|ninth|tenth|hundredth|thousandth|millionth|"
                    r"billionth|trillionth|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b)")
# words: run on the lowercased text (no per-character case folding in the engine)
CANDIDATE_WORD = re.compile(r"\b(?:(?:" + _trie(STARTERS) + r")(?:-?fold)?\b|" + _A_BEFORE_NUMBER + ")")
# ... unless lowercasing changes the text's length ("İ"): then offsets would shift, so
# this one runs on the text itself
CANDIDATE_WORD_ANY_CASE = re.compile(r"(?i)\b(?:(?:" + _trie(STARTERS) + r")(?:-?fold)?\b|" + _A_BEFORE_NUMBER + ")")
CANDIDATE_DIGIT = re.compile(r"\d+|[½⅓⅔¼¾⅕⅛]")
ID_TAIL = re.compile(r"[\w./-]*")

# ---- patterns applied at a position, to the right of a core
_SP = r"[ \t\u00a0]*"
R_HALF = re.compile(_SP + r"(?=[½¼¾⅓⅔]|\d{1,2}/\d)")
# "two and a half", "forty two and a third", "five and three quarters", "3 million and a half"
R_AND_FRACTION = re.compile(r"(?:\s+and\s+|-and-)(?P<n>an?|one|two|three|four|five|six|seven|eight|nine)[\s-]+"
                            r"(?P<d>half|halves|quarters?|thirds?|fourths?|fifths?|sixths?|sevenths?|"
                            r"eighths?|ninths?|tenths?)\b", re.I)
# spelled decimals: "five point five", "two hundred point seventy-one", "nine point nought four"
R_POINT = re.compile(r"\s+point\s+(?P<d>(?:" + NUMBER_WORD + r")\b(?:[\s-]+(?:" + NUMBER_WORD + r")\b)*)", re.I)
# a sentence about weather or heat, where a glued "30C" or "86F" is a temperature
TEMPERATURE_CONTEXT = re.compile(r"(?i)temperatur|heat|\bhot|\bcold|\bwarm|\bcool|weather|degree|celsius|"
                                 r"fahrenheit|\bhighs?\b|\blows?\b|freez|thermomet|forecast|mercury|climate|"
                                 r"\bsummer|\bwinter|\bfever|\boven|°")
VIDEO_CONTEXT = re.compile(r"(?i)stream|video|\b(?:hd|uhd)?tvs?\b|televis|resolution|\bhdr|display|screen|monitor|"
                           r"\bfps\b|\d+fps|frames? per second|blu-ray|\buhd\b|oled|camera|netflix|console|"
                           r"gaming|\d{3,4}p\b|\b(?:true|native|real)\s+\dk\b|\bstadia\b|\bxbox|\bplaystation|\bps[45]\b")
# a glued "W" is watts in a sentence about power or devices; "Interstate 35W", "71.2W"
# (a longitude) and "2W and 4W vehicles" are not
POWER_CONTEXT = re.compile(r"(?i)watt|charg|power|\busb|adapter|bulb|lamp|\bled\b|laser|speaker|amplifier|"
                           r"motor|solar|battery|output|supply|thunderbolt|enclosure|laptop|\bpsu|\btdp|\bgpu|"
                           r"\bcpu|processor|consum|\bdraws?\b|rated")
R_INCHES = re.compile(r"\s*(?:and\s+)?(\d{1,2})\s?(?:inches|inch|in\b)")
# what a length is before: "1.8 m wide", "3 m high"
R_DIMENSION_WORD = re.compile(r"\s+(?:tall|long|high|wide|deep|thick|away|across|below|above|under|in\s+(?:height|length|"
                              r"diameter|width|depth))\b")
# a street address: "123 Main Street", "1600 Pennsylvania Avenue"
R_ADDRESS = re.compile(r"\s+(?:[A-Z][\w.'’-]*\s+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|"
                       r"Way|Place|Pl|Court|Ct|Highway|Hwy|Parkway|Pkwy|Terrace|Square|Sq)\b")
# the count of a numbered item: "Photo 1 of 12", "Page 2 of 5"
L_ITEM_OF = re.compile(r"\b[A-Z][a-z]+\s+\d{1,3}\s+of\s+$")
# inch and foot marks: "a 15.6″ display", "a 55" TV" (a straight quote only before what
# screens and wheels are, or a dimension: "22" long"), a height "6'2"" (feet and inches)
_SCREENS = (r"screens?|displays?|monitors?|tvs?|television|laptops?|tablets?|touch|touchscreen|"
            r"lcd|oled|amoled|led|retina|hd|uhd|4k|panel|wheels?|rims?|macbook|ipad|imac|phone|smartphone")
# (a brand, a model or an adjective may come between: '65" LG 65UM7300 4K TV', '34" ultrawide monitor')
R_INCH_MARK = re.compile(r"″|\"(?=\s?(?i:" + _SCREENS + r"|long|wide|tall|high|deep|thick|across)\b"
                         r"|\s[\w-]+(?:\s[\w-]+){0,3}?\s(?i:" + _SCREENS + r")\b)")
# a straight quote that is no inch mark (not right after a digit)
R_QUOTE_MARK = re.compile(r'(?<!\d)"')
R_FEET_MARK = re.compile(r"['′](\d{1,2})(?:\"|″|''|′′)")
# a height written "6-foot-2": the inches after the hyphenated foot
R_FOOT_INCHES = re.compile(r"-(\d{1,2})(?!\d|[.,]\d|-\d)(?:-inch\b|\s?(?:inches|inch|in\b))?")
# "one in five", "two out of three", "5 out of 10", "a one-in-five chance"
R_OUT_OF = re.compile(r"(?:\s+|-)(?P<w>out[\s-]+of|in)(?:\s+|-)(?:every\s+)?", re.I)
# a fraction of a percentage point or percent: "a quarter of a percentage point", "half a percent"
R_FRACTION_OF_PERCENT = re.compile(r"\s+(?:of\s+)?an?\s+(?:(?P<pp>percentage\s+point|basis\s+point)|(?P<pct>per\s?cent|percent))\b",
                                   re.I)
# a half or a quarter of a point, after the fraction word: "a quarter point", "a half-point
# cut", "a quarter percentage point", "half a point"
R_POINT_AFTER = re.compile(r"(?:[ \t\u00a0]+(?:an?[ \t\u00a0]+)?|-)(?:(?P<pp>percentage[ \t\u00a0-]points?|basis[ \t\u00a0-]points?)"
                           r"|(?P<pt>points?))\b", re.I)
# a bound stated after the number: "500 or more", "65 and over", "5000 or less"
R_BOUND_AFTER = re.compile(r"\s+(?:or|and)\s+(?:(?P<lo>more|greater|above|over|higher|larger|bigger|older)|"
                           r"(?P<hi>less|fewer|below|under|lower|smaller|younger))\b(?!\s+(?:than|of)\b|\s*[\d$€£])", re.I)
R_MIXED = re.compile(_SP + r"(?:(\d{1,2})/(\d{1,2})(?![\d/])|([½¼¾⅓⅔]))")
# wire style: "a 1-1/2 year war", "2-3/4 inches" (halves, thirds, quarters, eighths only)
R_HYPHEN_MIXED = re.compile(r"-([1-7])/([2348])(?![\d/])|-([1-9]\d?)/(32|64)(?![\d/])")   # bonds: "1-11/32"
R_SCALE = re.compile(r"(?P<sp>" + _SP + r"|-)(?P<sc>(?i:thousand|million|billion|trillion|bn|mn|mln|bln|tn|trn|mio|dozens?|lakh\s+crore|lakhs?|crores?)\b"
                     r"|(?:[kKmMbBtT]|[mM]n|[bB]n|MM)(?![\w°²³]))")
R_PERCENT = re.compile(_SP + r"(?:(?P<pp>(?i:percentage|per\s?cent(?:age)?)\s+points?|pp\b|p\.p\.|bps?\b|basis\s+points?)"
                       r"|(?P<pct>%|(?i:per\s?cents?|percents?|pct|pc|percentage(?!\s+points?))\b))", re.I)
R_CURRENCY = re.compile(r"(?:" + _SP + r"|-)(?:(?P<adj>(?i:U\.S\.|US|American|Canadian|Australian|Hong\s+Kong|New\s+Zealand|Singapore|Taiwan(?:ese)?|"
                        + _trie(NATIONALITIES) + r"))\s+)?"
                        r"(?P<cw>(?i:" + _trie(list(CURRENCY_NAMES) + list(HUNDREDTHS)) + r"))\b(?!-(?!an?-))"
                        r"|" + _SP + r"(?P<code>" + alternation(CURRENCY_CODES) + r")\b"
                        r"|" + _SP + r"(?P<sym>[€£¥₽₴₹₩₺₪₿₡₾₭₦₱₫฿元]|\$(?![\s\d]*\d))")
# "3 more years", "10 additional km", "four straight years": the unit after the word (mod:
# a count's; "a third straight year" is a rank)
R_UNIT = re.compile(r"(?P<sp>" + _SP + r"|-)(?:(?<=\s)(?P<mod>more|additional|extra|further|other|straight|consecutive|successive|full|whole|entire)\s+)?(?P<u>(?i:" + _trie(list(MEASURES) + list(TIME_UNITS)) + r"))(?![\w²³])"
                    r"(?P<old>-?(?:old|long)\b)?", re.I)
R_TIMES = re.compile(_SP + r"(?:-\s*)?(?P<t>(?i:times|fold)|[xX](?=[\s.,;)]))\b(?P<cmp>\s+(?:(?i:as|more|less|larger|higher|greater|"
                     r"bigger|smaller|faster|slower|the|that|what|over|cheaper|longer|lower|fewer)\b"
                     r"|(?i:(?:forward|trailing|annual|expected)\s+)?(?i:earnings|sales|revenues?|book\s+value)\b"
                     # a pronoun's measure, up to two words before it: "ten times its annual revenue",
                     # "five times her husband's salary" (not "three times his lawyer said")
                     r"|(?i:its|his|her|their|our)\s+(?:[\w'’-]+\s+){0,2}?(?i:size|value|weight|levels?|numbers?|rates?"
                     r"|population|height|length|prices?|amount|salary|salaries|budgets?|income|speed|capacity|area"
                     r"|volume|total|costs?|pay|earnings|revenues?|sales|strength|profits?|debts?|assets|output|wages?"
                     r"|worth|average|original|normal|usual)\b"
                     r"|[A-Z][\w.&-]*['’]s\b))?")   # "three times Michigan's population"
# what follows a multiplier "twice": "twice the level", "twice as many", "twice that", "twice a year"?
R_MULTIPLIED = re.compile(r"\s+(?i:the|as|that|this|what|its|his|her|their|our|my|your|more|less|over|"
                          r"\$|[€£¥]|\d)")
R_RATE = re.compile(r"(?:(?:" + _SP + r"(?:/|\s(?:per|a|an|each|every)\s+)" + _SP + r"|-(?:an?|per)-)" +
                    r"(?:(?P<p>month|mo|year|yr|annum|day|week|hour|hr|h|quarter|decade)\b"
                    # not "a year ago", "a day later", "a year from now"
                    r"(?!\s+(?:ago|earlier|later|before|after|from|old)\b)"
                    r"|(?P<u>" + "|".join(PER_UNITS) + r")\b(?!\s+of\b))"
                    r"|\s+(?P<adv>(?:monthly|annually|yearly|daily|weekly|hourly|quarterly|per\s+annum)\b|p\.a\.(?=\W|$)))", re.I)
# what is measured, then how often: "barrels of oil a day", "tons of ice a year"
R_OF_THEN_PERIOD = re.compile(r"\s+of\s+(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*(?=(?:\s*/|\s+(?:per|a|an|each|every)\s+)"
                              r"(?:day|week|month|year|hour|quarter|decade)\b)")
R_LEAD_TO = re.compile(r"\s+to\s+(?P<b>\d{1,3}(?:\.\d+)?)\s*(?:%|per\s?cent\b|percent\b)")   # "48 to 44 percent"
R_LETTER_PAIR = re.compile(r"\d[MB]/$")     # the first of "3B/2B", before the second
R_NUMBER_VERB = re.compile(r"\s+(?:" + "|".join(sorted(NUMBER_VERBS)) + r")\b")
R_CLOCK_AFTER = re.compile(r"\s?(?:[AaPp]\.[Mm]\.|[AaPp][Mm]\b)")   # "3 a.m.", "3pm"
R_INITIALS = re.compile(r"\s+(?:[A-Z]\.){2,}(?=\s)")     # "U.S.", "U.N." before a noun
R_OLD = re.compile(r"\s+old\b")      # "45 years old"
# "per" before the noun a price is per ("$300 per named user"); not "per cent"
R_PER = re.compile(r"[ \t\u00a0]+per(?=[ \t\u00a0]+[a-z])(?![ \t\u00a0]+cent\b)")
R_A_NOUN = re.compile(r"[ \t\u00a0]+an?(?=[ \t\u00a0]+[a-z])")    # "$30 a ticket"
# (an em dash between spaces is a parenthesis, not a range: "Rockledge 14 11 6 15 — 44")
R_RANGE = re.compile(r"(?P<sep>-?\s+(?:to|and|through|or)\s+|" + _SP + r"[-–~]" + _SP + r"|—)(?=[\d$€£¥₽₴a-zA-Z.])", re.I)
R_OF = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+|all\s+)?(?P<w>[A-Za-z][\w-]*)")
# what follows a word that ends its phrase: punctuation, the end, a preposition
R_CLAUSE_GOES_ON = re.compile(r"\s*(?:[,.;:)!?'’\"”]|$)|\s+(?:in|at|after|as|and|on|when|while|during|by|from|following|near)\b")
# a word, or initials with dots ("200 U.S. military personnel"); R_WORDS, up to six of them
_WORD = r"[A-Z]\.(?:[A-Z]\.)+|[A-Za-z][\w'’-]*"
R_WORD_TOKEN = re.compile(_WORD)
R_WORDS = re.compile(r"(?:[ \t\u00a0]+(?:" + _WORD + r")){1,6}")
# a table's next cell: a percentage, or a number another number or the row's end follows
# ("835 0 1 3 12", "74 100% 7 tackles"); not "the iPhone 12 128 GB model", "Windows 10 2004 update"
R_CELL_NEXT = re.compile(r"[ \t]+(?:\d+(?:[.,]\d+)?%|\d+(?:[.,]\d+)?(?=[ \t]+\d|[ \t]*$))")
# the digits that end a text (where a number before a unit starts), a number after spaces
R_DIGITS_END = re.compile(r"[\d.,]*$")
R_DIGIT_NEXT = re.compile(r"[ \t]+\d")
# what follows a verb of lexicon.OBJECT_VERBS: a figure as its object ("makes 300 hp",
# "costs $800"); a determiner would take "41 House seats over the course" for a verb too
R_OBJECT_NEXT = re.compile(r"[ \u00a0]+(?:(?i:about|nearly|almost|over|up\s+to)\s+)?[$£€¥\d]")
R_NEXT_WORD = re.compile(r"(?:[\s-]+)(?P<w>[A-Za-z][\w'’]*)")
# a score or record after its first number: "3-1", "15-2-1", "12-all", "29-of-34", "1-for-8"
R_SCORE = re.compile(r"[-–](?:(?P<b>\d{1,3})(?:[-–](?P<c>\d{1,3}))?|(?P<all>all)|(?:of|for)-(?P<of>\d{1,3}))(?![\w%/]|[.,]\d|[-–]\w)")
# a vote written with "to": "voted 425 to 2", "ruled 5 to 4", "by a vote of 52 to 48"
R_VOTE_TO = re.compile(r"\s+to\s+(?P<b>\d{1,3}(?:,\d{3})*)(?![\w%]|[.,]\d|\s*(?:%|per\s?cent|percent|times)\b)")
L_VOTED = re.compile(r"\b(?:voted|ruled|vote\s+of|votes\s+of|margin\s+of)\s+$")
L_SET_BEFORE = re.compile(r"(?<![\w.-])[0-7]-[0-7],?\s+$")     # a set score right before: another set
L_SCORE_WORD = re.compile(r"(?P<w>[A-Za-z-]+)\s+(?:to\s+|of\s+)?(?:(?:an?|the|their|his|her|its)\s+)?\(?$")
# a team's record in brackets after its name: "The Chiefs (2-13)"
L_RECORD_BRACKET = re.compile(r"[A-Z][\w.'’&-]*\s\($")
# the last year of a span written short: "the 2022/23 season", "2000-01", "1939-45", "2019/2020"
R_SEASON = re.compile(r"[/–-](?P<y>\d{2}|(?<=/)\d{4})(?![\w%]|[/.,–-]\d)")
# a hyphenated modifier's noun: "four-door coupe", "a six-cylinder engine", "10-speed"
R_HYPHEN_NOUN = re.compile(r"-(?P<w>[a-z]{2,})(?![\w-])")
CORE = re.compile(r"(?P<dig>" + DIGITS + r")|(?P<spell>(?i:" + SPELLED + r"))")

# a country whose krona or krone "kr", "krone", "kroner" name
NORDIC_CONTEXT = re.compile(r"\b(?i:" + alternation(NORDIC_CURRENCIES) + r")\b")

# ---- patterns applied at a position, to the left of a core (searched up to it)
_QUALIFIER_WORDS = [w for w in QUALIFIERS if w[0].isalpha()]
L_CURRENCY = re.compile(r"(?:(?<![A-Za-z])(?P<s>NT\x20?\$|(?:(?i:US|U\.S\.|A|AU|C|CA|NZ|HK|S|R|USD|AUD|CAD|NZD|MXN|Mex)"
                        r"|(?i:HK|US|C)\x20)?\$|\$(?:US|A|NZ|C|HK)|[€£¥₽₴₹₩₺₪₿₡₾₭₦₱₫฿]|(?i:Rs\.?)|RMB|RM|CHF"
                        r"|Rp\.?|(?i:kr)\.?|K[Ss]h|Dhs?|S[Ff][Rr]\.?"
                        r"|(?P<code>" + alternation(CURRENCY_CODES) + r")))" + _SP + r"$")
# a qualifier ends right before the number: match the reversed window at its start
L_QUALIFIER_REVERSED = re.compile(r"(?:\s+(?P<q>(?i:" + alternation(w[::-1] for w in _QUALIFIER_WORDS)
                                  + r"))(?![\w-])|\s*(?P<qs>=?\s?[<>≤≥]|~))")
L_VAGUE = re.compile(r"(?<![\w-])(?i:several|few|many|hundreds\s+of|thousands\s+of)\s+(?:(?i:hundred|thousand|million)\s+)?$")
L_FRACTION_CONTEXT = re.compile(r"(?<![\w-])(?i:by|than|about|nearly|almost|roughly|around|over|under|"
                                r"only|just|some|least|most|is|was|be)\s+$")
L_MINUS = re.compile(r"(?<![\w-])(?<!plus or )(?<!plus-or-)(?i:minus|negative)\s+$")   # not "plus or minus 3"
L_A = re.compile(r"(?i)\b(an?|one)\s+$")
# before a number of quarters that are periods: "the last two quarters", "the next three quarters"
L_PERIODS_BEFORE = re.compile(r"\b(?i:last|past|next|previous|first|recent|following|coming|final)\s+$")
# ... and what may follow them: not "of" unless of a year ("the first three quarters of 2019")
R_QUARTERS_END = re.compile(r"(?!\s+of\b)|\s+of\s+(?:\d{4}\b|(?i:the|this|last|next)\s+year\b|(?i:fiscal)\b)")
# a half or a quarter of a period: "the second half of 2019", "the fourth quarter of",
# "the latter half of the decade" (no fraction: the half of "a half of" is one)
R_OF_PERIOD = re.compile(r"\s+of\s+(?:(?i:the|this|that|last|next|its|their|his|her)\s+)?(?:[\w-]+\s+)?"
                         r"(?:(?:19|20)\d\d\b|(?:19|20)?\d0['’]?s\b|'\d\d\b|(?i:year|decade|century|season|month|week|day|night"
                         r"|game|match|quarter|half|period|term|session|campaign|race|fight|bout|show|film|movie|book|series|tour"
                         r"|summer|winter|spring|autumn|fall|innings?|program(?:me)?)s?\b|"
                         + MONTH + r"\b)")
L_PART_OF_PERIOD = re.compile(r"(?i:\b(?:the|this|that|last|next|same|each|every|previous|current|final|latest|latter"
                              r"|former|fiscal|calendar|" + ORDINAL_WORD + r")|\d+(?:st|nd|rd|th))\s+$")
L_RANGE = re.compile(r"(?<![\w-])(?P<w>(?i:between|from))\s+$")
# a past verb of change right before a number: "rose 120 yen to 5,400 yen" is a change and
# the level it led to, not a range (market copy reports this way; "from" makes it a range,
# and a forecast, "expected to rise 2% to 3%", is one)
# a verb of moving before "up to" ("edged up to 3.9 percent"); a figure before "over" that
# then means during ("worth $4.2 billion over 10 years", "cut 5,000 jobs over three years")
L_MOVED_UP = re.compile(r"(?<![\w-])(?i:edged|climbed|went|moved|rose|risen|shot|crept|jumped|ticked|inched|soared|surged"
                        r"|rallied|gone|climbs|rises|moves|jumps|edges|goes)\s*$")
L_OVER_DURING = re.compile(r"(?:\d|\b(?i:million|billion|trillion|thousand|percent|jobs|people|bn|m))\s*$")
L_CHANGE = re.compile(r"(?<![\w-])(?i:" + "|".join(sorted(CHANGE_VERBS)) + r"|"
                      r"(?:edged|ticked|inched|was|were|closed|ended)\s+(?:up|down|higher|lower))"
                      r"(?:\s+by)?\s+$")
L_YEAR_CONTEXT = re.compile(r"(?<![\w-])(?i:in|by|since|until|till|of|from|to|during|before|after|early|late|mid|"
                            r"end|spring|summer|autumn|fall|winter|year|since|through|and|or|between)[\s-]+$")
# what makes a bare four-digit number a quantity, not a year: a verb of change or level
# before it ("the death toll rose to 1500", "the index closed at 1850", "totalled 1200";
# not "hit", "scored": "shortages hit 2021 production"),
# "a/an" and a noun of amount with "of" ("a crowd of 2000", "a total score of 2072"), or a
# bound ("more than 2000", "nearly 1500"); "the budget of 2020", "until at least 2021" stay years
L_QUANTITY_BEFORE = re.compile(
    r"(?i:\b(?:" + "|".join(sorted(CHANGE_VERBS | CHANGE_VERB_FORMS)) + r")\s+(?:up\s+|down\s+)?(?:to|by|from)"
    r"|\b(?:totall?ed|totals|numbered|numbers|reached|reaches|"
    r"(?:closed|opened|ended|finished|stood|stands|traded|trading|peaked|bottomed)\s+at)"
    r"|\b(?:a|an)\s+(?:[a-z]+\s+)?(?:crowd|population|total|tally|toll|score|average|high|low|peak|maximum|"
    r"minimum|budget|workforce|fleet|army|force|staff|sum|turnout|audience|attendance|capacity|price)\s+of"
    r"|(?<!\bin\s)(?<!\bby\s)(?<!\buntil\s)(?:\b(?:more|fewer|less)\s+than|\b(?:some|nearly|almost|roughly|approximately))"
    r")\s+$")
# "one" as a pronoun in idioms after it ("one at a time", "use one to cook"; not "one to
# four") and at a clause's end after "as" or an object ("as one", "tell me one")
R_ONE_IDIOM = re.compile(r"\s+(?:at\s+a\s+time|after\s+(?:the\s+other|another)|to\s+(?P<w>[a-z]+)\b(?!\s+\d))")
# ... but "won by one to clinch", "from one to a hundred", "only one hasn't": the number
L_ONE_COUNTED = re.compile(r"(?<![\w-])(?i:by|from|between|only|just)\s+$")
# a number after "to", "or", "and": "an estimated one to two years" is a range
R_NUMBER_AFTER_WORD = re.compile(r"\s+(?:\d|(?i:" + "|".join(sorted(ONES, key=len, reverse=True))
                                 + r"|a\s+(?:dozen|hundred|thousand))\b)")
# a capitalised word and a hyphen before a spelled number: "Take-Two", "Category-Five"
L_CAPITAL_HYPHEN = re.compile(r"(?<![\w-])(?P<w>[A-Z][a-z]+)-$")
L_AS_ONE = re.compile(r"(?<![\w-])(?i:as|me|him|them|us)\s+$")
# "a year or two", "an app or two": a noun, "or", then the number; not before a counted
# noun ("a day or two weeks", "a fine or two match suspensions")
L_A_UNIT_OR = re.compile(r"(?<![\w-])(?i:a|an)\s+(?P<u>[a-z][a-z-]+)\s+or\s+$")
# an age opening a clause: "At 16, he went to..." (not "At 10, the market opens")
R_PERSON_NEXT = re.compile(r",\s+(?:he|she|his|her)\b", re.I)
L_AT_CLAUSE = re.compile(r"(?:^|[.;:!?]\s+|—\s*)(?i:at)\s+$")
# capitals right before four digits: an edition or a model ("CES 2020", "GTX 1660"), not an era
L_CAPS_BEFORE = re.compile(r"(?<![\w&.'’-])(?P<w>[A-Z]{2,5}) $")
# a decade after a possessive is an age: "in his 60s", "in her mid-30s"
L_HIS_HER = re.compile(r"(?<![\w-])(?i:his|her|their)\s+(?:(?i:early|mid|late)(?:-\s*|\s+))?$")

# a determiner or preposition before "first" makes it an ordinal ("the first", "in first place")
L_DETERMINER = re.compile(r"(?i)(?:\b(?:the|an?|his|her|its|their|our|my|your|this|that|these|those|whose|very|another|"
                          r"in|for|of|on|from|to|at)|['’]s)\s+$")
# a rank: "the No. 5 seed", "world No. 1", "the #1 pick"
L_RANK = re.compile(r"(?:(?<![\w.])(?:No|no|Nos)\.\s?|(?<![\w.])No\s|(?<![\w&])#\s?)$")
# an earthquake's magnitude written around the number: "a magnitude 7.1 quake", "a
# preliminary magnitude of 4.6", "a powerful 6.1 earthquake", "the quake measured 6.1"
L_MAGNITUDE = re.compile(r"(?<![\w-])(?i:magnitude(?:\s+of)?)\s$")
R_QUAKE_NEXT = re.compile(r"[\s-]+(?i:quake|earthquake|tremor|temblor|aftershock)\b")   # "7 earthquakes" counts
L_MEASURED = re.compile(r"(?<![\w-])(?i:measured|measuring|registered|registering)\s+(?:(?i:a|at)\s+)?$")
QUAKE = re.compile(r"(?i)\b(?:quake|earthquake|tremor|temblor|aftershock)s?\b")
# ages: "aged 26", "at age 51", "at the age of 51", "aged between 18 and 25", "ages 5-11"
L_AGE = re.compile(r"(?<![\w-])(?i:aged|ages?|age\s+of)\s+(?:(?i:between|from)\s+)?$")
# a bare number after these states an age: "Smith, who is 45,", "she turned 50", "died at
# 85", "when he was just 15", "since I was 17"
L_AGE_VERB = re.compile(r"(?i:\bwho\s+(?:is|was)|\bturn(?:s|ed|ing)?|\b(?:died|dies|retired|retires|retiring)\s+at|"
                        r"\bI['’]m|\bI\s+am|"   # "I'm 74 and was tempted"
                        r"\b(?:when|since|until|till)\s+(?:he|she|i|they|we|you)\s+(?:was|were)(?:\s+(?:just|only))?)\s+$")
# an age in apposition: "Peterson, 32, was", "John Smith Jr., 45, of", "McDonald, 67,",
# "Anthony LaCalamita III, 38,", "her son, 4, and"
L_APPOSITION = re.compile(r"(?:(?<![\w'’.-])[A-Z][a-z'’]+(?:[A-Z][a-z'’]+)?(?:-[A-Z][a-z'’]+)?(?:,?\s+(?:Jr|Sr)\.?|\s+(?:I{2,3}|IV)\b)?"
                          r"|\b(?i:" + alternation(PERSON_NOUNS) + r")),\s+$")
R_APPOSITION_END = re.compile(r",(?!\s*\d)|\)|\.?\s*$")
# "one day", "one time" state a span or a count after these ("lasted one day", "for one day")
L_ONE_SPAN = re.compile(r"(?<![\w-])(?i:for|in|within|after|than|just|only|lasted|lasts|last|over|about|nearly|"
                        r"almost|of|per|every|each|least|most|to)\s+$")
# ... or before these: "one day after the attack", "one day later"
R_ONE_DAY_AFTER = re.compile(r"\s+day\s+(?:after|before|later|earlier|ago|prior)\b", re.I)
# the pronoun "one" as a subject: a lowercase verb and its object follow ("one hit a
# school", "one struck the building"), not "one meal a day" (a rate)
R_ONE_VERB = re.compile(r"[ \t\u00a0]+[a-z]+[ \t\u00a0]+(?:the|his|her|their|him|them|it|us|me|"
                        r"an?(?![ \t\u00a0]+(?:day|night|week|month|year|hour|minute|second|time|season|game|"
                        r"head|person|piece|pop|go|apiece)\b))\b")
# ... as a subject, at the start of a clause ("He scored one goal the whole season" keeps it)
L_CLAUSE_START = re.compile(r"(?:^|[,;:.!?()\"“”—–]\s*|\s-\s+|(?<![\w-])(?i:and|but|while|whereas|when|as|after|"
                            r"before|because|where|then|yet|so)\s+)$")
# "one was killed", "one is missing": the verb and a casualty word after "one"
R_ONE_CASUALTY = re.compile(r"\s+(?:was|is|has\s+been|had\s+been)\s+(?:(?:also|later|critically|seriously|"
                            r"badly|fatally|reportedly|still)\s+)?(?P<w>[a-z]+)\b")
# "a used one", "a relatively rare one": an article and its describing words before "one"
L_A_WORDS = re.compile(r"(?<![\w-])(?i:a|an)\s+(?P<words>(?:[a-z][a-z-]*\s+){1,3})$")
L_NOT_ONE = re.compile(r"(?<![\w-])(?i:no|the|this|that|every|any|each|which|only|little|"
                       r"big|last|next|first|same|another|such|right|wrong|new|old)\s+$")


# characters after which no suffix (scale, unit, currency, range, rate...) can start
CLOSERS = frozenset(",;:)]}!?\"'.”’(") | {""}

# a currency sign or code before a number ends in one of these (grow.grow_left's cheap test)
CURRENCY_ENDS = set("$€£¥₽₴₹₩₺₪₿₡₾₭₦₱₫฿.sS") | set("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
# ... or in one of these lowercase pairs ("kr", "Rp", "KSh", "Dh", "SFr")
CURRENCY_END_PAIRS = {"kr", "Kr", "Rp", "Sh", "sh", "Dh", "Fr", "fr"}


# figures that context shows to be names (found on the real-news gold): road numbers
# ("Interstate 75", "Route 66"), street ordinals ("E. 55th St."), kinship ("first
# cousin"), vehicle names ("four-by-four"), emergency numbers ("a 999 call"), list
# numbering at the start of a sentence ("4. Will they..."), the index "Standard & Poor's 500"
NAME_BEFORE = re.compile(r"(?:\b(?:Interstate|Route|Highway|Hwy\.?|Rte\.?)\s+|\w-by-|\bPoor['’]s\s+|\b[Tt]ype\s+)$")
NAME_AFTER = re.compile(r"(?:\s+(?:St|Ave|Rd|Blvd)\b\.?|\s+(?:Street|Avenue|Road|Boulevard)\b"
                        r"|\s+cousins?\b|-by-\w"
                        # ordinals in the names of laws, units and bodies: "the 22nd amendment"
                        r"|\s+(?:U\.S\.\s+)?(?i:amendments?|precincts?|district|circuit|congress|parliament|regiment|battalion|brigade"
                        r"|infantry|airborne|fleet|army|corps)\b)")
# an ordinal before a capitalised word is part of a name when written in digits or itself
# capitalised: "the 79th Academy Awards", "50th Anniversary Tour", "the Seventh District"
R_CAPITAL_WORD = re.compile(r"[ \u00a0](?P<w>[A-Z][a-z][\w'’-]*)")
# team totals keep their numbers: "Panthers 5, Flyers 2", "Creighton 65, Drake 5"
R_TEAM_NEXT = re.compile(r",\s+(?:[A-Z][\w.'’&-]*\s+){1,3}\d{1,3}(?![\w]|[.,]\d)")
L_TEAM_PREV = re.compile(r"[A-Z][\w.'’&-]*\s+\d{1,3},\s+(?:[A-Z][\w.'’&-]*\s+){1,3}$")
# a capitalised word right before a bare number makes a name: "iPhone 11 Pro", "Apple
# Watch 5", "the Big 12", "S&P 500", "Section 427 Row 21", "Windows 10 users"
# airliner models: "the 787-9 Dreamliner", "737 Max jets", "Boeing 777": names, not figures
# (two reports of one order would otherwise disagree on "787" and "737")
R_AIRLINER = re.compile(r"7[0-8]7(?:-\d{1,3}(?:ER|LR|X|F)?|[xX])?(?=\s+(?:Dreamliners?|MAX|Max|jets?|jetliners?|"
                        r"airliners?|aircraft|planes?|freighters?|fleet)\b|-\d)")
NAME_WORD_BEFORE = re.compile(r"(?<![\w&.'’])(?P<w>[A-Za-z&]*[A-Z][A-Za-z&]*)[ \u00a0]$")
# vague amounts: a plural scale word, "tens of" or "hundreds of" before another one
VAGUE = re.compile(r"\b(?i:(?P<pre>tens|hundreds)\s+of\s+)?(?P<sc>(?i:dozens|hundreds|thousands|millions|billions))\b"
                   # "several hundred people", "a few thousand followers", "many millions of dollars"
                   r"|(?<![\w-])(?i:(?:a\s+)?few|several|many)\s+(?P<one>(?i:dozen|hundred|thousand|million|billion))\b(?!-)"
                   r"(?:\s+(?P<two>(?i:thousand|million|billion))\b(?!-))?")
VAGUE_OF = re.compile(r"\s+of\s+")
# what comes before a year written short ("in early '09", "the '90s"): a lower-case word
L_THE_OR_POSSESSIVE = re.compile(r"(?:\b[Tt]he|['’]s) $")
L_SHORT_YEAR = re.compile(r"\b[a-z]+ $")
# reference markers closing a sentence of a health or science page: "... than therapy
# alone (20).", "(10, 11)", "(4–6)"; after a name or a person the brackets state an age
# ("John Smith (19).", "his wife (43)."), a hyphen a score or a vote ("(2-1)", "(52-48)")
R_REFERENCES = re.compile(r"\b(?P<w>[a-z][\w'’-]*),? (?P<refs>\(\d{1,3}(?:\s*[,–]\s*\d{1,3})*\))\.?\s*$")
EMERGENCY_CALL = re.compile(r"(?:999|911|112|000)\s+(?:call|calls|operator|dispatcher)\b", re.I)
L_EMERGENCY_CALLED = re.compile(r"\b(?i:call(?:s|ed|ing)?|dial(?:s|ed|led|ing)?|phon(?:e|es|ed|ing)|rang|ring)\s+$")

# "more than 10 and less than 40", "above 1000 but below 1500": two bounds, one range
BETWEEN_BOUNDS = re.compile(r"\s*,?\s*(?:and|but)\s+(?P<q>(?i:" + alternation(_QUALIFIER_WORDS) + r"))\s+")
