"""Extract and normalise every figure a news sentence states.

    >>> [(f["surface"], f["value"], f["unit"], f["kind"], f["key"])
    ...  for f in extract("They plan to spend 1 billion euros per month.")]
    [('1 billion euros per month', 1000000000.0, 'EUR', 'money', 'money:EUR:month')]

Method: one compiled regular expression finds the *core* of every figure (digits,
spelled-out numbers, ordinals, fractions, multipliers, dates) and masks what only looks
like a number (URLs, e-mails, phone numbers, identifiers such as COVID-19 or F-16,
version numbers, clock times).  Each core is then grown with small anchored patterns:
to the left a currency symbol and a qualifier ("about", "more than"); to the right a
scale ("billion", "bn"), a percent sign, a currency, a unit, a rate ("per month") or,
failing those, the counted noun ("32 member states" -> "member state").  Tables below
hold every word list, so each decision lives in one place.

Pure: no I/O, deterministic, never raises.  See docs/numbers.md for the decisions.
"""
import re

from ingest.records import Figure

__all__ = ["extract"]

# ---------------------------------------------------------------- number words
_UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
          "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
          "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
          "eighteen": 18, "nineteen": 19, "nought": 0}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
         "seventy": 70, "eighty": 80, "ninety": 90}
_BIG = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
        "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
        "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
        "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
        "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
        "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90,
        "hundredth": 100, "thousandth": 1000, "millionth": 1e6, "billionth": 1e9,
        "trillionth": 1e12, "nineth": 9}
# denominators of spelled fractions: "two-thirds", "three quarters", "one half"
_DENOM = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
          "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
          "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9,
          "ninths": 9, "tenth": 10, "tenths": 10, "hundredth": 100, "hundredths": 100,
          "thousandth": 1000, "thousandths": 1000, "millionth": 1e6, "millionths": 1e6,
          "billionth": 1e9, "billionths": 1e9, "trillionth": 1e12, "trillionths": 1e12}
_MULT = {"twice": 2, "thrice": 3, "double": 2, "triple": 3, "quadruple": 4}
_SCALE = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "mln": 1e6,
          "mio": 1e6, "billion": 1e9, "bn": 1e9, "b": 1e9, "bln": 1e9,
          "trillion": 1e12, "tn": 1e12, "trn": 1e12, "t": 1e12,
          "dozen": 12, "dozens": 12, "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
          "lakh crore": 1e12}

# ---------------------------------------------------------------- currencies
_SYM = {"$": "USD", "us$": "USD", "u.s.$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY",
        "₽": "RUB", "₴": "UAH", "₹": "INR", "₩": "KRW", "₺": "TRY", "₪": "ILS",
        "a$": "AUD", "au$": "AUD", "c$": "CAD", "ca$": "CAD", "nz$": "NZD",
        "hk$": "HKD", "s$": "SGD", "r$": "BRL", "rs": "INR", "rs.": "INR", "rmb": "CNY",
        "chf": "CHF", "kr": "SEK", "zł": "PLN", "₿": "BTC", "₡": "CRC", "₾": "GEL",
        "₭": "LAK", "元": "CNY", "usd$": "USD", "aud$": "AUD", "cad$": "CAD", "nzd$": "NZD",
        "mxn$": "MXN", "mex$": "MXN", "hk $": "HKD", "c $": "CAD", "us $": "USD",
        "nt$": "TWD", "nt $": "TWD"}
_CODES = ("USD EUR GBP JPY CNY RUB UAH CHF INR CAD AUD NZD HKD SGD BRL KRW TRY ILS PLN "
          "HUF SEK NOK DKK CZK RON MXN ZAR SAR AED QAR KZT BYN GEL AMD AZN MDL RSD "
          "BTC").split()
# currency names after a number; an adjective before "dollar" picks the country
_CUR_WORD = {"euro": "EUR", "euros": "EUR", "eur": "EUR", "dollar": "USD",
             "dollars": "USD", "pound": "GBP", "pounds": "GBP", "sterling": "GBP",
             "pounds sterling": "GBP", "quid": "GBP", "ruble": "RUB", "rubles": "RUB",
             "rouble": "RUB", "roubles": "RUB", "hryvnia": "UAH", "hryvnias": "UAH",
             "hryvnas": "UAH", "hryvna": "UAH", "hryvnya": "UAH", "yuan": "CNY",
             "renminbi": "CNY", "yen": "JPY", "rupee": "INR", "rupees": "INR",
             "franc": "CHF", "francs": "CHF", "swiss francs": "CHF", "swiss franc": "CHF",
             "lira": "TRY", "liras": "TRY", "lire": "TRY", "zloty": "PLN", "zlotys": "PLN",
             "zlotych": "PLN", "forint": "HUF", "forints": "HUF", "krona": "SEK",
             "kronor": "SEK", "krone": "NOK", "kroner": "NOK", "rand": "ZAR",
             "peso": "MXN", "pesos": "MXN", "won": "KRW", "shekel": "ILS",
             "shekels": "ILS", "lari": "GEL", "tenge": "KZT", "lei": "RON", "leu": "RON",
             "bitcoin": "BTC", "bitcoins": "BTC", "real": "BRL", "reais": "BRL", "rmb": "CNY",
             "peseta": "ESP", "pesetas": "ESP", "guilder": "NLG", "guilders": "NLG",
             "markka": "FIM", "markkaa": "FIM", "deutsche marks": "DEM", "deutsche mark": "DEM",
             "d-marks": "DEM", "french francs": "FRF", "french franc": "FRF",
             "koruna": "CZK", "markkas": "FIM"}
_DOLLAR_ADJ = {"us": "USD", "u.s.": "USD", "american": "USD", "canadian": "CAD",
               "australian": "AUD", "hong kong": "HKD", "new zealand": "NZD",
               "singapore": "SGD", "taiwan": "TWD", "taiwanese": "TWD"}
# a nationality before a currency name: "250 million Dutch guilders", "100 Chinese yuan";
# it picks the code where the name is shared (krone, franc, peso), else the name decides
_NAT_ADJ = ["dutch", "finnish", "chinese", "turkish", "japanese", "indian", "russian",
            "ukrainian", "mexican", "brazilian", "south african", "swedish", "norwegian",
            "danish", "polish", "hungarian", "czech", "israeli", "belgian", "swiss",
            "philippine", "argentine", "colombian", "chilean", "egyptian", "british"]
_NAT_CUR = {("danish", "krone"): "DKK", ("danish", "kroner"): "DKK", ("belgian", "franc"): "BEF",
            ("belgian", "francs"): "BEF", ("philippine", "peso"): "PHP", ("philippine", "pesos"): "PHP",
            ("argentine", "peso"): "ARS", ("argentine", "pesos"): "ARS", ("colombian", "peso"): "COP",
            ("colombian", "pesos"): "COP", ("chilean", "peso"): "CLP", ("chilean", "pesos"): "CLP",
            ("egyptian", "pound"): "EGP", ("egyptian", "pounds"): "EGP", ("czech", "koruna"): "CZK",
            ("swedish", "krona"): "SEK", ("swedish", "kronor"): "SEK"}
# hundredth parts: value scaled by 0.01 into the main currency
_CENT = {"cent": "USD", "cents": "USD", "pence": "GBP", "penny": "GBP", "kopeks": "RUB",
         "kopecks": "RUB"}

# ---------------------------------------------------------------- units
_DUR = {"second": "second", "seconds": "second", "sec": "second", "secs": "second",
        "minute": "minute", "minutes": "minute", "min": "minute", "mins": "minute",
        "hour": "hour", "hours": "hour", "hr": "hour", "hrs": "hour",
        "day": "day", "days": "day", "week": "week", "weeks": "week",
        "fortnight": "fortnight", "fortnights": "fortnight",
        "month": "month", "months": "month", "year": "year", "years": "year",
        "yr": "year", "yrs": "year", "decade": "decade", "decades": "decade",
        "century": "century", "centuries": "century", "millennium": "millennium",
        "millennia": "millennium"}
# measures: many spellings -> one canonical unit (SI symbols, imperial names)
_MEAS = {}
for _canon, _names in {
    "km": "km kms kilometre kilometres kilometer kilometers",
    "m": "m metre metres meter meters",
    "cm": "cm centimetre centimetres centimeter centimeters",
    "mm": "mm millimetre millimetres millimeter millimeters",
    "dm": "dm decimetre decimetres decimeter decimeters",
    "nanometre": "nanometre nanometres nanometer nanometers",
    "mile": "mile miles mi",
    "nautical mile": "nautical mile|nautical miles|nm",
    "foot": "foot feet ft",
    "inch": "inch inches in",
    "yard": "yard yards yd yds", "megapixel": "megapixel megapixels",
    "kg": "kg kgs kilogram kilograms kilogramme kilogrammes kilo kilos",
    "g": "g gram grams gramme grammes",
    "mg": "mg milligram milligrams",
    "µg": "µg μg mcg microgram micrograms microgramme microgrammes",
    "tonne": "tonne|tonnes|t|metric ton|metric tons",
    "ton": "ton tons",
    "lb": "lb lbs",
    "ounce": "ounce ounces oz",
    "litre": "litre litres liter liters l",
    "cl": "cl centilitre centilitres centiliter centiliters",
    "ml": "ml millilitre millilitres milliliter milliliters",
    "gallon": "gallon gallons",
    "barrel": "barrel barrels bbl",
    "ha": "ha hectare hectares",
    "acre": "acre acres",
    "km2": "km2|km²|km^2|km squared|sq km|square kilometre|square kilometres|square kilometer|square kilometers",
    "m2": "m2|m²|m^2|sq m|square metre|square metres|square meter|square meters",
    "mile2": "sq mi|square mile|square miles",
    "m3": "m3|m³|m^3|cubic metre|cubic metres|cubic meter|cubic meters",
    "km3": "km3|km³|km^3|km cubed|cubic kilometre|cubic kilometres|cubic kilometer|cubic kilometers",
    "ft3": "cubic feet|cubic foot|cu ft",
    "°C": "°C|° C|degrees celsius|degree celsius|deg celsius|celsius|degrees centigrade|"
          "deg c|degrees c|celcius|degrees celcius|degree celcius|c",
    "°F": "°F|° F|degrees fahrenheit|degree fahrenheit|deg fahrenheit|fahrenheit|deg f|degrees f|"
          "farenheit|degrees farenheit|degree farenheit|f",
    "degree": "degree degrees ° deg",
    "tablespoon": "tablespoon tablespoons tbsp", "teaspoon": "teaspoon teaspoons tsp",
    "cup": "cup cups",
    "mph": "mph|miles per hour|mile per hour|miles an hour|mile an hour",
    "km/h": "km/h|kph|kmh|kmph|km/hr|kilometres per hour|kilometers per hour|kilometre per hour|"
            "kilometer per hour|kilometres an hour|kilometers an hour",
    "knot": "knot knots",
    "W": "watt watts", "kW": "kW kilowatt kilowatts", "MW": "MW megawatt megawatts",
    "GW": "GW gigawatt gigawatts", "kWh": "kWh|kilowatt hours|kilowatt-hours",
    "Wh": "Wh|watt hours|watt-hours",
    "MWh": "MWh|megawatt hours|megawatt-hours", "GWh": "GWh", "TWh": "TWh",
    "bit": "bit bits", "KB": "KB kilobyte kilobytes", "MB": "MB megabyte megabytes",
    "GB": "GB gigabyte gigabytes", "TB": "TB terabyte terabytes",
    "PB": "PB petabyte petabytes", "EB": "EB exabyte exabytes",
    "bcm": "bcm|billion cubic metres|billion cubic meters",
    "calorie": "calorie calories kcal",
    "volt": "volt volts", "hertz": "hz hertz", "GHz": "GHz gigahertz", "MHz": "MHz megahertz",
}.items():
    # "a b c" lists one-word names; "a|b c|d" lists names that may hold spaces
    for _n in (_names.split("|") if "|" in _names else _names.split()):
        _MEAS[_n.lower()] = _canon
del _canon, _names, _n
# short unit symbols that are words too ("in", "t", "l", "m") count only when attached
# to the number or when nothing else could be meant
_SHORT = {"m", "t", "l", "g", "mi", "nm", "ha", "ft", "oz", "yd", "in"}

# unit symbols whose other case is a name: "5G", "3D", "F-16"-like tokens
_CASE_REJECT = {"G", "M", "T", "D", "MI", "IN", "Mi", "In", "Ft", "FT", "Oz", "OZ", "c", "f"}
_PERIOD = {"month": "month", "months": "month", "mo": "month", "year": "year",
           "yr": "year", "annum": "year", "day": "day", "week": "week", "hour": "hour",
           "hr": "hour", "h": "hour", "quarter": "quarter", "minute": "minute",
           "second": "second", "monthly": "month", "annually": "year", "yearly": "year",
           "a year": "year", "daily": "day", "weekly": "week", "hourly": "hour",
           "quarterly": "quarter", "per annum": "year"}

_MONTHS = {"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
           "apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
           "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10,
           "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12}

_QUAL = {"about": "approximate", "around": "approximate", "approximately": "approximate",
         "approx.": "approximate", "nearly": "approximate", "almost": "approximate",
         "roughly": "approximate", "some": "approximate", "an estimated": "approximate",
         "estimated": "approximate", "close to": "approximate", "circa": "approximate",
         "c.": "approximate", "~": "approximate", "almost exactly": "approximate",
         "more than": "lower bound", "over": "lower bound", "at least": "lower bound",
         "upwards of": "lower bound", "above": "lower bound", "in excess of": "lower bound",
         "exceeding": "lower bound", "greater than": "lower bound",
         "no less than": "lower bound", "not less than": "lower bound",
         "just over": "lower bound", "well over": "lower bound", "no fewer than": "lower bound",
         "up to": "upper bound", "less than": "upper bound", "under": "upper bound",
         "at most": "upper bound", "fewer than": "upper bound", "below": "upper bound",
         "no more than": "upper bound", "not more than": "upper bound",
         "as many as": "upper bound", "as much as": "upper bound",
         "just under": "upper bound", "within": "upper bound", "maximum of": "upper bound", "a maximum of": "upper bound",
         "exceed": "lower bound", "exceeds": "lower bound", "exceeded": "lower bound",
         "surpass": "lower bound", "surpassed": "lower bound", "surpasses": "lower bound",
         "surpassing": "lower bound", "larger than": "lower bound", "bigger than": "lower bound",
         "higher than": "lower bound", "smaller than": "upper bound", "lower than": "upper bound",
         ">": "lower bound", ">=": "lower bound", "> =": "lower bound", "≥": "lower bound",
         "<": "upper bound", "<=": "upper bound", "< =": "upper bound", "≤": "upper bound"}
# "greater than or equal to", "less or equal than", "at least or equal to", "equal to or more than"
for _w, _q in (("more", "lower bound"), ("greater", "lower bound"), ("larger", "lower bound"),
               ("bigger", "lower bound"), ("higher", "lower bound"), ("less", "upper bound"),
               ("fewer", "upper bound"), ("smaller", "upper bound"), ("lower", "upper bound")):
    _QUAL[_w + " than or equal to"] = _QUAL[_w + " or equal than"] = _q
    _QUAL[_w + " or equal to"] = _QUAL["equal to or " + _w + " than"] = _q
_QUAL["at least or equal to"] = "lower bound"
_QUAL["at most or equal to"] = "upper bound"

# words that end a counted noun phrase ("32 nations with ...")
_STOP = set("""a an the of to in on at by for from with without into onto upon over under
about above below after before during since until till than then and or but nor so yet
as if that which who whom whose what when where why how this these those there here it
its it's their they them he she his her hers him we our us you your i my me mine is are
was were be been being am do does did done have has had having will would shall should
can could may might must not no nor each every all any some both either neither few many
much more most less least several per via vs versus like such own other another same
out up down off just only also even still again ago later earlier now too very already
almost nearly around roughly approximately according respectively apiece each""".split())
# adjectives dropped from counted noun phrases so that "20 new air defense systems" and
# "20 air defense systems" pair on "air defense system"
_ADJ = set("""new more additional other extra further further old young big small large
major minor key main top senior junior former current total further latest recent
different separate various individual many several few fewer modern advanced heavy
light long short high low full nearly estimated so-called local foreign international
national regional domestic western eastern northern southern military civilian
possible potential confirmed reported suspected known unknown armed unarmed ukrainian
russian american european british chinese german french israeli palestinian iranian
foreign-born""".split())
_NOT_PLURAL_END = ("ss", "us", "is", "ous", "'s", "’s")
_IRREG_PL = {"people": "people", "children": "child", "men": "man", "women": "woman",
             "police": "police", "personnel": "personnel", "staff": "staff",
             "aircraft": "aircraft", "troops": "troop", "cattle": "cattle",
             "sheep": "sheep", "fish": "fish", "feet": "foot", "teeth": "tooth",
             "mice": "mouse", "geese": "goose", "data": "data", "media": "media",
             "criteria": "criterion", "phenomena": "phenomenon", "crises": "crisis",
             "analyses": "analysis", "theses": "thesis", "series": "series",
             "species": "species", "lives": "life", "wives": "wife", "knives": "knife",
             "thieves": "thief", "wolves": "wolf", "halves": "half", "leaves": "leaf",
             "shelves": "shelf", "headquarters": "headquarters", "offspring": "offspring",
             "civilians": "civilian", "casualties": "casualty"}
_NOT_NOUN = set("""times percent cents""".split())


def _alt(words):
    """Regex alternation, longest first so "million" wins over "mi"."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in
                    sorted(set(words), key=lambda w: (-len(w), w)))


_NUMW = _alt(list(_UNITS) + list(_TENS) + ["hundred"] + list(_BIG) + ["dozen", "dozens"])
_ORDW = _alt(_ORD)
_MONTH_RX = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|"
             r"Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|"
             r"JAN(?:UARY)?|FEB(?:RUARY)?|MAR(?:CH)?|APR(?:IL)?|MAY|JUNE?|JULY?|"
             r"AUG(?:UST)?|SEPT?(?:EMBER)?|OCT(?:OBER)?|NOV(?:EMBER)?|DEC(?:EMBER)?)")
# a spelled number: "twenty-five", "two hundred and fifty", "a dozen", "half a million"
_SPELLED = (r"(?:(?:(?:a|one)\s+)?(?:half|quarter)(?:\s+of)?(?:\s+an?)?\s+(?:dozen|thousand|million|billion|trillion)\b"
            r"|an?\s+(?:hundred|thousand|million|billion|trillion|dozen)\b(?:(?:\s+and\s+|[\s-]+)(?:" + _NUMW + r")\b){0,10}"
            r"|(?:" + _NUMW + r")\b(?:(?:\s+and\s+|[\s-]+)(?:" + _NUMW + r")\b){0,10})")
_DIGITS = r"(?:\d+(?:\.\d+)?[eE][-+]?\d{1,3}(?!\w|\.\d)|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?(?![\d,])|(?<!\d )[1-9]\d{0,2}(?: \d{3})+(?![\d,.]?\d| \d)(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[\u00a0\u202f]\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?|\.\d+)"

_P_MONTHDAY = (
    r"|(?P<md>(?<![\w.])(?P<mon>" + _MONTH_RX + r")\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?![\w%,.]\d|\d|[.,]?\d|\s*(?:%|per\s?cent))"
    r"(?:,?\s+(?P<yr>\d{4})(?![\w,.]\d))?)"
    r"|(?P<my>(?<![\w.])(?P<mon2>" + _MONTH_RX + r")\.?,?\s+(?P<yr2>\d{4})(?![\w,.]\d))")
# at a digit: things that look numeric but are no figures, ISO dates, "3 December",
# fractions "3/4", plain numbers
_MAIN_DIG = re.compile(
    r"(?P<skip>\+\d[\d\s().-]{6,}\d|\(\d{3}\)\s?\d{3}[-.\s]\d{4}|(?<!\d)\d{3}[-.]\d{3}[-.]\d{4}(?!\d)"
    r"|(?<![\w.])\d+(?:\.\d+){2,}\w*"                             # versions, IP addresses
    r"|(?<![\w.])\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\b\.?)?"   # clock times
    r"|(?<![\w.,])\d{1,2}(?:\.\d{2})?\s?(?:[ap]\.m\.|[AaPp][Mm]\b)"
    r"|(?<![\w./])\d{1,4}/\d{1,2}/\d{1,4}(?![\d/])"                # 12/03/2025: order unknown
    r"|(?<![\w./])(?:24/7|9/11)(?![\d/])"                          # idioms and names
    r")"
    r"|(?P<iso>(?<![\w.-])(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})(?![\w-]))"
    r"|(?P<dm>(?<![\w.,])(?P<day2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon3>" + _MONTH_RX + r")\b\.?"
    r"(?:,?\s+(?P<yr3>\d{4})(?![\w,.]\d))?)"
    r"|(?P<dfrac>(?<![\w.,/])(?P<fsign>(?<![^\s(\[{\"'“‘«:<>=≤≥~])[-−–])?(?P<fn>\d{1,3})/(?P<fd>\d{1,3})(?![\d/]))"
    r"|(?P<dig>(?<![\w.,\d])(?:(?<![^\s(\[{\"'“‘«/:<>=≤≥~])[-+−–])?" + _DIGITS + r")"
    r"|(?P<frac>[½⅓⅔¼¾⅕⅛])"
)
# at a starter word: dates, ordinals and spelled fractions, spelled numbers, multipliers
_MAIN_WORD = re.compile(
    r"(?P<ordw>(?i:\b(?:an?\s+)?(?:(?:" + _NUMW + r")(?:\s+and\s+|[\s-]+)){0,8}(?:(?:" + _ORDW + r")s?|quarters?|halves|half)\b))"
    r"|(?P<spell>(?i:\b" + _SPELLED + r"))"
    r"|(?P<mult>(?i:\b(?:twice|thrice|(?:" + _NUMW + r")fold|(?:" + _NUMW + r")-fold)\b))"
    + _P_MONTHDAY
)
_A_NEXT = re.compile(r"\s+(?:half|quarter|hundred|thousand|million|billion|trillion|dozen|third|"
                     r"fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b", re.I)

_URLMAIL = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# candidate positions: identifiers (skipped whole), digits, fraction signs, and only the
# words in _STARTERS (number words, ordinals, months, ...), found by one compiled regex
# (a trie of the words behind a word boundary), so that a sentence with no digit and no
# number word costs one C-level scan and the expensive _MAIN patterns run at a handful
# of positions.  Built below, once _STARTERS is known.
_ID_OK = {"mid", "pre", "post", "late", "early", "non", "over", "under", "top", "sub", "ex",
          "anti", "in", "by", "of", "to", "the", "and", "from", "per", "at", "us", "the",
          "since", "until", "between", "about", "around", "some", "up", "than"}
_FRAC_CHAR = {"½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅛": 0.125}
_WORD_RX = re.compile(r"[A-Za-z]+")
_STARTERS = (set(_UNITS) | set(_TENS) | set(_BIG) | set(_ORD) | set(_DENOM) | set(_MONTHS)
             | set(_MULT) | {"hundred", "dozen"})


def _trie(words):
    """Regex alternation as a trie ("t(?:en|hree|wo)"): one branch per first letter, so
    the engine rejects most positions after one character comparison."""
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
        part = re.escape(ch) + ("(?:%s)%s" % (sub, "?" if opt else "") if sub else "")
        alts.append(part)
    return "|".join(alts)


_A_SCALE = (r"an?(?=\s+(?:half|quarter|hundred|thousand|million|billion|trillion|dozen|third|"
            r"fourth|fifth|sixth|seventh|eighth|ninth|tenth|hundredth|thousandth|millionth|"
            r"billionth|trillionth|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b)")
# words: run on the lowercased text (no per-character case folding in the engine)
_CAND_W = re.compile(r"\b(?:(?:" + _trie(_STARTERS) + r")(?:-?fold)?\b|" + _A_SCALE + ")")
_CAND_WI = re.compile(r"(?i)\b(?:(?:" + _trie(_STARTERS) + r")(?:-?fold)?\b|" + _A_SCALE + ")")
_CAND_D = re.compile(r"\d+|[½⅓⅔¼¾⅕⅛]")
_ID_TAIL = re.compile(r"[\w./-]*")

# ---- patterns applied at a position, to the right of a core
_SP = r"[ \t\u00a0]*"
_R_HALF = re.compile(_SP + r"(?=[½¼¾⅓⅔]|\d{1,2}/\d)")
# "two and a half", "forty two and a third", "five and three quarters", "3 million and a half"
_R_AND_FRAC = re.compile(r"\s+and\s+(?P<n>an?|one|two|three|four|five|six|seven|eight|nine)[\s-]+"
                         r"(?P<d>half|halves|quarters?|thirds?|fourths?|fifths?|sixths?|sevenths?|"
                         r"eighths?|ninths?|tenths?)\b", re.I)
# spelled decimals: "five point five", "two hundred point seventy-one", "nine point nought four"
_R_POINT = re.compile(r"\s+point\s+(?P<d>(?:" + _NUMW + r")\b(?:[\s-]+(?:" + _NUMW + r")\b)*)", re.I)
# "one in five", "two out of three", "5 out of 10"
_TEMP_CONTEXT = re.compile(r"(?i)temperatur|heat|\bhot|\bcold|\bwarm|\bcool|weather|degree|celsius|"
                           r"fahrenheit|\bhighs?\b|\blows?\b|freez|thermomet|forecast|mercury|climate|"
                           r"\bsummer|\bwinter|\bfever|\boven|°")
_R_INCHES = re.compile(r"\s*(?:and\s+)?(\d{1,2})\s?(?:inches|inch|in\b)")
_R_OUTOF = re.compile(r"\s+(?P<w>out\s+of|in)\s+(?:every\s+)?", re.I)
# a bound stated after the number: "500 or more", "65 and over", "5000 or less"
_R_POSTQ = re.compile(r"\s+(?:or|and)\s+(?:(?P<lo>more|greater|above|over|higher|larger|bigger)|"
                      r"(?P<hi>less|fewer|below|under|lower|smaller))\b(?!\s+(?:than|of)\b|\s*[\d$€£])", re.I)
_R_MIXED = re.compile(_SP + r"(?:(\d{1,2})/(\d{1,2})(?![\d/])|([½¼¾⅓⅔]))")
_R_SCALE = re.compile(r"(?P<sp>" + _SP + r"|-)(?P<sc>(?i:thousand|million|billion|trillion|bn|mn|mln|bln|tn|trn|mio|dozens?|lakh\s+crore|lakhs?|crores?)\b"
                      r"|(?:[kKmMbBtT]|[mM]n|[bB]n)(?![\w°²³]))")
_R_PCT = re.compile(_SP + r"(?:(?P<pp>(?i:percentage|per\s?cent(?:age)?)\s+points?|pp\b|p\.p\.|bps?\b|basis\s+points?)"
                    r"|(?P<pct>%|(?i:per\s?cents?|percents?|pct|percentage(?!\s+points?))\b))", re.I)
_R_CUR = re.compile(r"(?:" + _SP + r"|-)(?:(?P<adj>(?i:U\.S\.|US|American|Canadian|Australian|Hong\s+Kong|New\s+Zealand|Singapore|Taiwan(?:ese)?|"
                    + _alt(_NAT_ADJ) + r"))\s+)?"
                    r"(?P<cw>(?i:" + _alt(list(_CUR_WORD) + list(_CENT)) + r"))\b(?!-(?!an?-))"
                    r"|" + _SP + r"(?P<code>" + _alt(_CODES) + r")\b"
                    r"|" + _SP + r"(?P<sym>[€£¥₽₴₹₩₺₪₿₡₾₭元]|\$(?![\s\d]*\d))")
_R_UNIT = re.compile(r"(?P<sp>" + _SP + r"|-)(?P<u>(?i:" + _alt(list(_MEAS) + list(_DUR)) + r"))(?![\w²³])"
                     r"(?P<old>-?(?:old|long)\b)?", re.I)
_R_TIMES = re.compile(_SP + r"(?:-\s*)?(?P<t>times|fold)\b(?P<cmp>\s+(?:as|more|less|larger|higher|greater|bigger|smaller|"
                      r"faster|slower|the|that|what|over|cheaper|longer|lower|fewer))?", re.I)
_R_RATE = re.compile(r"(?:" + _SP + r"(?:/|\s(?:per|a|an|each|every)\s+)" + _SP +
                     r"(?P<p>month|mo|year|yr|annum|day|week|hour|hr|h|quarter)\b"
                     r"|\s+(?P<adv>monthly|annually|yearly|daily|weekly|hourly|quarterly|per\s+annum)\b)"
                     r"(?!\s+(?:ago|earlier|later|before|after|from|since|old)\b)", re.I)
_R_RANGE = re.compile(r"(?P<sep>-?\s+(?:to|and|through)\s+|" + _SP + r"[-–—~]" + _SP + r")(?=[\d$€£¥₽₴a-zA-Z.])", re.I)
_R_OF = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+|all\s+)?(?P<w>[A-Za-z][\w-]*)")
_R_NPWORDS = re.compile(r"(?:[ \t\u00a0]+[A-Za-z][\w'’-]*){1,6}")
_R_NEXTWORD = re.compile(r"(?:[\s-]+)(?P<w>[A-Za-z][\w'’]*)")
_CORE = re.compile(r"(?P<dig>" + _DIGITS + r")|(?P<spell>(?i:" + _SPELLED + r"))")

# ---- patterns applied at a position, to the left of a core (searched up to it)
_L_SYM = re.compile(r"(?:(?<![A-Za-z])(?P<s>NT\x20?\$|(?:(?i:US|U\.S\.|A|AU|C|CA|NZ|HK|S|R|USD|AUD|CAD|NZD|MXN|Mex)"
                    r"|(?i:HK|US|C)\x20)?\$|[€£¥₽₴₹₩₺₪₿₡₾₭]|(?i:Rs\.?)|RMB|CHF"
                    r"|(?P<code>" + _alt(_CODES) + r")))" + _SP + r"$")
_L_QUAL = re.compile(r"(?:(?<![\w-])(?P<q>(?i:" + _alt(w for w in _QUAL if w[0].isalpha()) + r"))\s+"
                     r"|(?P<qs>[<>≤≥]\s?=?|~)\s*)$")
_L_QUAL_REV = re.compile(r"(?:\s+(?P<q>(?i:" + "|".join(
    re.escape(w[::-1]).replace(r"\ ", r"\s+") for w in sorted((w for w in _QUAL if w[0].isalpha()),
                                                              key=lambda w: (-len(w), w)))
    + r"))(?![\w-])|\s*(?P<qs>=?\s?[<>≤≥]|~))")
_L_VAGUE = re.compile(r"(?<![\w-])(?i:several|few|many|hundreds\s+of|thousands\s+of)\s+$")
_L_FRAC_CTX = re.compile(r"(?<![\w-])(?i:by|than|about|nearly|almost|roughly|around|over|under|"
                         r"only|just|some|least|most|is|was|be)\s+$")
_L_MINUS = re.compile(r"(?<![\w-])(?i:minus|negative)\s+$")
_L_A = re.compile(r"(?i)\b(an?|one)\s+$")
_L_RANGE = re.compile(r"(?<![\w-])(?P<w>(?i:between|from))\s+$")
_L_YEARCTX = re.compile(r"(?<![\w-])(?i:in|by|since|until|till|of|from|to|during|before|after|early|late|mid|"
                        r"end|spring|summer|autumn|fall|winter|year|since|through|and|or|between)[\s-]+$")
_L_NEG_ONE = re.compile(r"(?<![\w-])(?i:no|the|this|that|every|any|each|which|only|little|"
                        r"big|last|next|first|same|another|such|right|wrong|new|old)\s+$")
_NEG_ONE_NEXT = {"of", "another", "other", "by", "who", "that", "which", "thing", "hand",
                 "way", "another's", "day", "time", "point", "off", "must", "might", "can",
                 "could", "would", "should", "will", "does", "is", "was", "has", "may"}


def _num_words(s):
    """Value of a run of number words, or None if it does not read as one number."""
    words = [w for w in _WORD_RX.findall(s.lower()) if w != "and"]
    if not words:
        return None
    if words[0] in ("a", "an"):
        words[0] = "one"
    if words[0] in ("half", "quarter"):                      # "half a million", "quarter of a billion"
        f = 0.5 if words[0] == "half" else 0.25
        return f * (12 if words[-1] == "dozen" else _BIG.get(words[-1], 1))
    if len(words) >= 2 and words[1] in ("half", "quarter"):  # "a quarter of a billion"
        f = 0.5 if words[1] == "half" else 0.25
        return f * (12 if words[-1] == "dozen" else _BIG.get(words[-1], 1))
    total, cur, last = 0.0, 0.0, None
    for w in words:
        if w in _UNITS:
            if last in ("unit", "tens") and not (last == "tens" and _UNITS[w] < 10):
                return None
            cur += _UNITS[w]
            last = "unit"
        elif w in _TENS:
            if last in ("unit", "tens"):
                return None
            cur += _TENS[w]
            last = "tens"
        elif w == "hundred":
            if last == "hundred":
                return None
            cur = (cur or 1) * 100
            last = "hundred"
        elif w in ("dozen", "dozens"):
            cur = (cur or 1) * 12
            last = "hundred"
        elif w in _BIG:
            total += (cur or 1) * _BIG[w]
            cur = 0
            last = "big"
        else:
            return None
    return total + cur


def _singular(w):
    w = w.lower().replace("’", "'")
    if w in _IRREG_PL:
        return _IRREG_PL[w]
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "sses", "xes", "zes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(_NOT_PLURAL_END):
        return w[:-1]
    return w


def _is_plural(w):
    w = w.lower()
    if w in _IRREG_PL:
        return True
    return len(w) > 3 and w.endswith("s") and not w.endswith(_NOT_PLURAL_END)


def _noun_phrase(text, pos, plural):
    """The counted thing after a number: ("member state", end offset) or (None, pos)."""
    m = _R_NPWORDS.match(text, pos)
    if not m:
        return None, pos
    run = []
    for w in re.finditer(r"[A-Za-z][\w'’-]*", m.group(0)):
        lw = w.group(0).lower()
        if lw in _STOP or lw.endswith("ly") or lw in _NOT_NOUN:
            break
        run.append((w, lw))
        if plural and _is_plural(lw):
            break
        if len(run) >= 4:
            break
    if not run:
        return None, pos
    last, lw = run[-1]
    if plural and not _is_plural(lw):
        return None, pos
    if not plural and len(run) > 2:
        return None, pos
    words = [x for _, x in run]
    # drop leading adjectives and proper names, keep noun modifiers ("member", "air defense")
    i = 0
    while i < len(words) - 1 and (words[i] in _ADJ or run[i][0].group(0)[:1].isupper()
                                  or words[i].endswith(("ed", "ing"))):
        i += 1
    phrase = " ".join(words[i:-1] + [_singular(words[-1])])
    if not plural and (lw in _ADJ or lw.endswith(("ed", "ing"))):
        return None, pos
    return phrase, m.start() + last.end()


def _fig(text, s, e, value, kind, unit=None, qualifier=None, rate=None, iso=None,
         low=None, high=None, of=None):
    if kind in ("date", "year"):
        key = kind
    else:
        key = kind + "".join(":" + x for x in (unit or of, rate) if x)
    return {"surface": text[s:e], "start": s, "end": e,
            "value": None if value is None else float(value), "unit": unit, "kind": kind,
            "qualifier": qualifier, "rate": rate, "iso": iso, "low": low, "high": high,
            "of": of, "key": key}


def _core_value(text, m):
    """Value of a core match from _CORE or _MAIN (group dig or spell)."""
    if m.lastgroup == "dig":
        d = m.group("dig")
        d = d.replace(",", "").replace(" ", "").replace("\u00a0", "").replace("\u202f", "").replace("−", "-").replace("–", "-")
        return float(d)
    return _num_words(m.group("spell"))


def _date_iso(y, mo, d):
    if y:
        return "%04d-%02d-%02d" % (y, mo, d) if d else "%04d-%02d" % (y, mo)
    return "--%02d-%02d" % (mo, d)


# characters after which no suffix (scale, unit, currency, range, rate...) can start
_CLOSERS = frozenset(",;:)]}!?\"'.”’(") | {""}


def _right(text, pos, value, money, allow_scale=True):
    """Grow a number to the right: half, scale, percent, currency, unit.
    Returns dict of findings and the new end."""
    r = {"value": value, "scaled": False, "unit": None, "kind": None, "end": pos}
    if text[pos:pos + 1] in _CLOSERS and not text[pos + 1:pos + 2].isdigit():
        return r              # "in 2019.", "(5)", "20,": nothing can follow (cheap exit)
    m = _R_AND_FRAC.match(text, pos)
    fr = _and_frac(text, m) if m else None
    if fr is not None:
        big = _round_scale(value)
        r["value"] += (fr if value >= 0 else -fr) * big
        pos = r["end"] = m.end()
        m = None
    else:
        m = _R_HALF.match(text, pos)
    if m and value == int(value):
        m = _R_MIXED.match(text, pos)
        if m and m.group(1):
            n, d = int(m.group(1)), int(m.group(2))
            if 0 < n < d:
                r["value"] += n / d if value >= 0 else -n / d
                pos = r["end"] = m.end()
        elif m:
            r["value"] += _FRAC_CHAR[m.group(3)]
            pos = r["end"] = m.end()
    if allow_scale:
        m = _R_SCALE.match(text, pos)
        if m:
            sc = m.group("sc")
            lsc = re.sub(r"\s+", " ", sc.lower())
            attached = not m.group("sp")
            ok = True
            if len(lsc) == 1:
                # one-letter scales only when glued: "£5m", "10k", "$2.1T"; "m"/"t" glued to
                # a non-money number is more likely metres / tonnes unless a noun follows
                ok = attached and m.group("sp") != "-" and (money or lsc in ("k", "bn", "mn") or sc in ("M", "B")
                                                           or _R_NPWORDS.match(text, m.end()) is not None
                                                           and lsc in ("m", "b"))
                if lsc == "m" and not money and re.match(r"\s+(?:tall|long|high|wide|deep|away|thick|"
                                                         r"below|above|under|in\s+(?:height|length|diameter))\b",
                                                         text[m.end():m.end() + 20]):
                    ok = False        # "1.8m tall": metres
                if lsc == "t" and not money:
                    ok = False
            if m.group("sp") == "-" and len(lsc) > 2:
                ok = True
            elif m.group("sp") == "-":
                ok = False
            if ok:
                r["value"] *= _SCALE[lsc]
                r["scaled"] = True
                pos = r["end"] = m.end()
                # "3 million and a half"
                m = _R_AND_FRAC.match(text, pos)
                fr = _and_frac(text, m) if m else None
                if fr is not None and fr in (0.5, 0.25, 0.75):
                    r["value"] += fr * _SCALE[lsc]
                    pos = r["end"] = m.end()
    m = _R_PCT.match(text, pos)
    if m:
        if m.group("pp"):
            low = m.group("pp").lower()
            r["unit"] = "bp" if low.startswith(("b", "bp")) else "pp"
        else:
            r["unit"] = "%"
        r["kind"] = "percent"
        r["end"] = m.end()
        return r
    m = _R_CUR.match(text, pos)
    if m:
        if m.group("cw"):
            w = re.sub(r"\s+", " ", m.group("cw").lower())
            if w in _CENT:
                r["value"] *= 0.01
                r["unit"] = _CENT[w]
            else:
                r["unit"] = _CUR_WORD[w]
                adj = re.sub(r"\s+", " ", m.group("adj").lower()) if m.group("adj") else None
                if adj and w.startswith("dollar"):
                    r["unit"] = _DOLLAR_ADJ.get(adj, "USD")
                elif adj and (adj, w) in _NAT_CUR:
                    r["unit"] = _NAT_CUR[(adj, w)]
                if w in ("pound", "pounds") and not money and not r["scaled"] and (
                        _weighty(text, pos, m.end()) or _hyphen_weight(text, pos, m.end())):
                    r["unit"], r["kind"], r["end"] = "lb", "measure", m.end()
                    return r
            # "won", "real", "rand", "lei" are too often words: only after a scale or money sign
            if w in ("won", "real", "rand", "lei", "leu", "quid") and not (r["scaled"] or money):
                r["unit"] = None
            else:
                r["kind"] = "money"
                r["end"] = m.end()
                return r
        elif m.group("code"):
            r["unit"], r["kind"], r["end"] = m.group("code"), "money", m.end()
            sm = _R_SCALE.match(text, m.end())
            if sm and sm.group("sp") and len(sm.group("sc")) > 2 and not r["scaled"]:
                r["value"] *= _SCALE[sm.group("sc").lower()]
                r["end"] = sm.end()
            return r
        elif m.group("sym") and not money:
            r["unit"], r["kind"], r["end"] = _SYM[m.group("sym")], "money", m.end()
            return r
    if money:
        return r
    m = _R_TIMES.match(text, pos)
    if m:
        if m.group("t").lower() == "fold" or m.group("cmp"):
            r["kind"], r["end"] = "multiplier", m.end("t")
        else:
            r["kind"], r["unit"], r["end"] = "count", "time", m.end("t")
        return r
    m = _R_UNIT.match(text, pos)
    if m:
        u = re.sub(r"\s+", " ", m.group("u")).lower()
        glued = not m.group("sp")
        if m.group("u") in _CASE_REJECT:
            return r          # "5G", "3D": names, not grams
        if u == "in":
            # "2 in." / "2in" is inches; "2 in thick" or "5 in 2020" is not
            if not (glued or re.match(r"\s*(?:[.,;:)]|$)|\s+(?:thick|long|wide|high|deep|tall|across)\b",
                                      text[m.end():m.end() + 8])):
                return r
        elif u in ("c", "f"):
            # "30C", "86F" are temperatures in a sentence about weather or heat; "5c",
            # "Grade 5 F", "a Boeing 777F", "the 13F filing", "14.7C/ per unit" are not
            if m.group("u") not in ("C", "F") or not glued or re.match(r"[\w/-]", text[m.end():m.end() + 1]) \
                    or not _TEMP_CONTEXT.search(text):
                return r
        elif u in _SHORT and not glued and u not in ("ft", "mi", "oz", "yd", "ha") \
                and m.group("u") not in ("L", "t"):
            return r
        if u in _DUR:
            r["unit"], r["kind"] = _DUR[u], "duration"
        else:
            r["unit"], r["kind"] = _MEAS[u], "measure"
            if m.group("u") in ("MB", "GB", "TB", "KB", "MW", "GW", "kW"):
                r["unit"] = m.group("u")
        r["end"] = m.end("u")
        if m.group("old"):
            r["end"] = m.end("old")
            r["old"] = True
        r["hyphen"] = m.group("sp") == "-"
        if r["unit"] == "foot" and not r["hyphen"]:
            # heights: "5 feet 2 inches", "6ft 2in", "5 ft and 2 in"
            im = _R_INCHES.match(text, r["end"])
            if im and int(im.group(1)) < 12:
                r["value"] += int(im.group(1)) / 12.0
                r["end"] = im.end()
        return r
    return r


def _and_frac(text, m):
    """Value of "and a half" / "and three quarters" (m from _R_AND_FRAC), or None when it
    reads as an ordinal ("one and a third party")."""
    n = m.group("n").lower()
    d = m.group("d").lower()
    num = 1 if n in ("a", "an") else _UNITS[n]
    den = _DENOM[d]
    if num >= den or (not d.endswith("s") and num != 1):
        return None
    if d not in ("half", "quarter") and not d.endswith("s"):
        e = m.end()
        nxt = _R_NEXTWORD.match(text, e)
        if nxt and text[e:nxt.start("w")].strip() != "-" and not (
                nxt.group("w").lower() in ("of", "percent") or _R_UNIT.match(text, e)
                or _R_CUR.match(text, e) or _R_SCALE.match(text, e)):
            return None
    return num / den


def _round_scale(value):
    """The scale a spelled "and a half" applies to: "one million and a half" -> 1e6."""
    v = abs(value)
    for sc in (1e12, 1e9, 1e6):
        if v >= sc and v % sc == 0:
            return sc
    return 1


_MONEY_NOUNS = {"note", "notes", "fine", "fines", "bill", "bills", "ticket", "tickets", "fee",
                "fees", "charge", "coin", "coins", "deal", "payment", "prize", "bet", "loan",
                "budget", "voucher", "levy", "tax", "subsidy", "grant", "bonus", "donation"}


def _hyphen_weight(text, s, e):
    """ "a 500-pound bomb", "a twenty-pound bag" weigh; "a 10-pound note" is money."""
    if text[s:s + 1] != "-":
        return False
    nxt = _R_NEXTWORD.match(text, e)
    return bool(nxt and nxt.group("w").lower() not in _MONEY_NOUNS and nxt.group("w").lower() not in _STOP)


def _weighty(text, s, e):
    """Is "pounds" here a weight? ("2,000 pounds of cocaine", "it weighs 5 pounds")"""
    return (re.match(r"\s+of\s", text[e:e + 5]) is not None
            or re.search(r"(?i)weigh|heav|lbs?\b|\bkg\b|mass|load|\bbaby|\bborn\b|\bton|\bkilo|"
                      r"\bounces?\b|\b(?:lost|gained|lose|gain|shed)\b", text[max(0, s - 40):s]) is not None)


def _rate(text, pos):
    m = _R_RATE.match(text, pos)
    if not m:
        return None, pos
    p = (m.group("p") or re.sub(r"\s+", " ", m.group("adv"))).lower()
    return _PERIOD.get(p), m.end()


_SYM_END = set("$€£¥₽₴₹₩₺₪₿₡₾₭.sS") | set("ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _left(text, s, lo=0):
    """Currency symbol and qualifier before a core at s."""
    sym, qual, start = None, None, s
    k = s - 1
    while k >= lo and text[k] in " \t\u00a0":
        k -= 1
    # a symbol or code ends in "$", a sign, or a capital ("USD", "Rs", "Rs."): skip the
    # search for the usual lowercase word or punctuation before a number
    m = _L_SYM.search(text, max(lo, s - 8), s) if k >= lo and text[k] in _SYM_END else None
    if m:
        k = m.group("s") or m.group("code")
        sym = m.group("code") or _SYM.get(k.lower().replace(" ", ""), "USD" if k.endswith("$") else None)
        start = m.start()
    # qualifiers end right before the number: match the reversed window at its start
    # (anchored), instead of searching every position of the window
    m = _L_QUAL_REV.match(text[max(lo, start - 40):start][::-1])
    if m:
        qual = _QUAL.get(re.sub(r"\s+", " ", (m.group("q") or m.group("qs"))[::-1].lower()))
    return sym, qual, start


def _of_word(text, pos):
    """Noun that follows: "its fourth [consecutive] year" -> ("year", end)."""
    m = _R_NEXTWORD.match(text, pos)
    if m and m.group("w").lower() in ("consecutive", "straight", "successive", "full",
                                       "largest", "biggest", "most", "best", "worst"):
        m2 = _R_NEXTWORD.match(text, m.end())
        if m2 and m2.group("w").lower() not in _STOP:
            m = m2
    if not m:
        return None
    w = m.group("w").lower()
    if w in _STOP or w.endswith("ly"):
        return None
    return _singular(w)


def _of_phrase(text, pos):
    m = _R_OF.match(text, pos)
    if m and m.group("w").lower() not in _STOP:
        return _singular(m.group("w"))
    return None


def _number(text, m, out, lo=0):
    """A digit or spelled-number core: build the full figure. Returns its end or None."""
    s, e = m.start(), m.end()
    g = m.lastgroup
    surface = m.group(0)
    value = _core_value(text, m)
    if value is None and g == "spell":
        # "one two three": not one number; keep the longest prefix that reads as one
        ends = [w.end() for w in _WORD_RX.finditer(surface)]
        for k in range(len(ends) - 1, 0, -1):
            if surface[:ends[k - 1]].lower().endswith("and"):
                continue              # "ten and fifteen": "ten", not "ten and"
            v = _num_words(surface[:ends[k - 1]])
            if v is not None:
                value, e, surface = v, s + ends[k - 1], surface[:ends[k - 1]]
                break
    if value is None:
        return None
    is_dig = g == "dig"
    raw = surface
    if not is_dig:
        low = surface.lower()
        if low in ("one", "a", "an"):
            nxt = _R_NEXTWORD.match(text, e)
            if nxt and nxt.group("w").lower() in _NEG_ONE_NEXT:
                return None
            if _L_NEG_ONE.search(text, max(0, s - 12), s):
                return None
        if low in ("dozen", "dozens"):
            return None
        if low.split()[0].rstrip("-") in _SCALE_WORDS and _L_VAGUE.search(text, max(0, s - 10), s):
            return None       # "several hundred years", "a few thousand": no number stated
        # spelled decimals: "five point five", "two hundred point seventy-one"
        pm = _R_POINT.match(text, e)
        if pm and value == int(value):
            ws = [w for w in _WORD_RX.findall(pm.group("d").lower()) if w != "and"]
            if all(w in _UNITS and _UNITS[w] < 10 for w in ws):
                frac = "".join(str(_UNITS[w]) for w in ws)
            else:
                fv = _num_words(pm.group("d"))
                frac = str(int(fv)) if fv is not None and fv == int(fv) else None
            if frac:
                value = float("%d.%s" % (value, frac))
                e = pm.end()
                surface = text[s:e]
    # digits glued to letters that are no unit ("5G", "3D", "4x4") are names, not figures
    if is_dig and e < len(text) and (text[e].isalpha() or text[e] == "_"):
        sufm = re.match(r"(?:st|nd|rd|th)\b", text[e:e + 3])
        if sufm and "." not in raw and "," not in raw:
            return _ordinal(text, s, e + sufm.end(), value, out)
        if re.match(r"s\b", text[e:e + 2]) and re.fullmatch(r"1\d\d0|20\d0", raw):
            out.append(_fig(text, s, e + 1, value, "year", iso=raw[:3], of="decade"))
            return e + 1
        um = _R_UNIT.match(text, e)
        if um and um.group("u") in _CASE_REJECT:
            um = None
        sm = _R_SCALE.match(text, e)
        cm = _R_CUR.match(text, e)
        pm = _R_PCT.match(text, e)
        if not (um or sm or (cm and cm.group("code")) or pm):
            return None
    sym, qual, start = _left(text, s, lo)
    if not sym:
        mm = _L_MINUS.search(text, max(lo, s - 10), s)
        if mm and value > 0:
            value, start, s = -value, mm.start(), mm.start()
    # proportions: "one in five", "two out of three", "5 out of 10"
    om = None if text[e:e + 1] in _CLOSERS else _R_OUTOF.match(text, e)
    if om and value == int(value) and value > 0:
        m2 = _CORE.match(text, om.end())
        if m2:
            d = _core_value(text, m2)
            d_end = m2.end()
            if m2.group("spell") and d is None:
                d = None
            ok = d is not None and d == int(d) and value < d
            if ok and om.group("w").lower() == "in":
                # "one in five": not "3 in 2020", "5 in 10 days", "1 in 3D"
                ok = d <= 1000 and not (d_end < len(text) and text[d_end].isalnum()) and not (
                    _R_UNIT.match(text, d_end) or _R_PCT.match(text, d_end) or _R_SCALE.match(text, d_end))
            if ok:
                phrase, _ = _noun_phrase(text, d_end, True)
                out.append(_fig(text, start if not sym else s, d_end, value / d, "fraction",
                                qualifier=qual, of=phrase))
                return d_end
    # range "from X to Y" / "between X and Y" / "X-Y"
    r = _right(text, e, value, bool(sym))
    rng = None
    rm = None if text[r["end"]:r["end"] + 1] in _CLOSERS else _R_RANGE.match(text, r["end"])
    if rm:
        sep = rm.group("sep").strip().lower()
        lr = _L_RANGE.search(text, max(lo, start - 10), start)
        if sep != "and" or (lr and lr.group("w").lower() == "between"):
            p2 = rm.end()
            # an optional currency sign before the second number: "$5 to $10"
            cm2 = re.match(r"(?:US|A|C|HK)?\$|[€£¥₽₴₹]", text[p2:p2 + 3])
            if cm2:
                p2 += cm2.end()
            m2 = _CORE.match(text, p2)
            if m2 and (m2.group("dig") or _num_words(m2.group("spell") or "") is not None):
                v2 = _core_value(text, m2)
                if m2.group("dig") and m2.end() < len(text) and text[m2.end()].isalpha():
                    um = _R_UNIT.match(text, m2.end()) or _R_SCALE.match(text, m2.end()) or _R_PCT.match(text, m2.end())
                    if not um:
                        v2 = None
                if v2 is not None:
                    r2 = _right(text, m2.end(), v2, bool(sym or cm2))
                    same = (r["kind"] is None or (r["kind"] == r2["kind"] and r["unit"] == r2["unit"]))
                    v1 = r["value"]
                    if r2["scaled"] and not r["scaled"]:
                        v1 = v1 * (r2["value"] / v2 if v2 else 1)
                    if same and v1 <= r2["value"]:
                        rng = (v1, r2["value"], r2, lr)
    if rng:
        v1, v2, r2, lr = rng
        if lr:
            start = lr.start() if not sym else min(start, lr.start())
            qual = None
        kind, unit = r2["kind"], r2["unit"]
        if sym and not unit:
            kind, unit = "money", sym
        end = r2["end"]
        rate = None
        if kind in (None, "money", "measure", "percent"):
            rate, end2 = _rate(text, end)
            if rate:
                end = end2
        of = None
        if kind is None:
            if is_dig and re.fullmatch(r"\d{4}", raw) and 1000 <= v1 <= 2199 and 1000 <= v2 <= 2199:
                out.append(_fig(text, start, end, v1, "year", iso="%d/%d" % (v1, v2), low=v1, high=v2))
                return end
            phrase, e2 = _noun_phrase(text, end, True)
            if phrase:
                kind, unit, end = "count", phrase, e2
            else:
                kind = "number"
        elif kind == "percent":
            of = _of_phrase(text, end)
        out.append(_fig(text, start, end, v1, kind, unit, qual, rate, low=v1, high=v2, of=of))
        return end

    value, end, kind, unit = r["value"], r["end"], r["kind"], r["unit"]
    rate, of = None, None
    if sym:
        if kind in (None, "money"):
            kind, unit = "money", unit or sym
        s = start
    if kind == "money" or kind == "measure":
        rate, end2 = _rate(text, end)
        if rate:
            end = end2
    elif kind == "percent":
        of = _of_phrase(text, end)
    elif kind == "duration":
        if r.get("hyphen") or r.get("old"):
            of = _of_word(text, end) if not r.get("old") else "age"
        elif re.match(r"\s+old\b", text[end:end + 5]):
            end = end + len(re.match(r"\s+old\b", text[end:end + 5]).group(0))
            of = "age"
    elif kind is None:
        # years: four digits, no sign, no separator
        if is_dig and re.fullmatch(r"\d{4}", raw) and 1000 <= value <= 2199 and not r["scaled"]:
            ctx = _L_YEARCTX.search(text, max(0, s - 12), s)
            phrase, e2 = _noun_phrase(text, end, True)
            if ctx or not phrase or 1900 <= value <= 2100 and text[end:end + 1] in ("", ".", ",", ")", ";", ":", "-", "–"):
                out.append(_fig(text, s, end, value, "year", qualifier=qual, iso=raw))
                return end
            out.append(_fig(text, s, e2, value, "count", phrase, qual))
            return e2
        phrase, e2 = _noun_phrase(text, end, value != 1)
        if phrase:
            kind, unit, end = "count", phrase, e2
            rate, e3 = _rate(text, end)
            if rate:
                end = e3
        else:
            kind = "number"
            if surface.lower() in ("a", "an"):
                return None
    pq = _R_POSTQ.match(text, end)
    if pq and qual in (None, "approximate"):
        qual = "lower bound" if pq.group("lo") else "upper bound"
    out.append(_fig(text, s, end, value, kind, unit, qual, rate, of=of))
    return end


def _ordinal(text, s, e, value, out):
    of = _of_word(text, e)
    low = text[s:e].lower()
    if low in ("first", "second") or low.endswith(" first"):
        nxt = _R_NEXTWORD.match(text, e)
        nw = nxt.group("w").lower() if nxt else ""
        if low == "first" and nw == "of" and text[nxt.end():nxt.end() + 4].lower() == " all":
            return None
        if re.search(r"(?i)(?:\bat|\ba|\bper|\bsplit|\bone|\d)\s*$", text[max(0, s - 6):s]) and low == "second" \
                and not (text[e:e + 1] == "-" and text[e + 1:e + 2].isalpha()):
            return None       # "a second", "per second"; but "a second-floor office" is ordinal
        if re.search(r"(?i)\bat\s+$", text[max(0, s - 4):s]) and low == "first":
            return None
        if text[e:e + 1] == "-" and nw in ("hand", "class", "rate", "ever"):
            if nw != "ever":
                return None
    out.append(_fig(text, s, e, value, "ordinal", of=of))
    return e


_SCALE_WORDS = {"hundred", "thousand", "million", "billion", "trillion", "dozen", "dozens"}


def _frac_words(ws):
    """Value of a spelled fraction ("two thirds", "three twenty-firsts", "a hundredth",
    "one hundred thirty fifths" = 100/35), or None. The denominator is the longest tail
    that reads as an ordinal; a singular denominator needs the numerator one."""
    if len(ws) < 2 or "and" in ws:
        return None
    last = ws[-1]
    plural = last.endswith("s")
    if last in _DENOM:
        dv = _DENOM[last]
    elif last in _ORD:
        dv = _ORD[last]
    elif plural and last[:-1] in _ORD:
        dv = _ORD[last[:-1]]
    else:
        return None
    for k in range(1, len(ws)):
        num_ws, den_ws = ws[:k], ws[k:]
        if len(den_ws) > 1 and den_ws[0] in _SCALE_WORDS:
            continue
        if len(den_ws) == 1 and last in ("first", "second", "firsts", "seconds"):
            continue          # "two seconds" is a duration, "one first" nothing
        num = _num_words(" ".join(num_ws))
        if num is None or num == 0:
            continue
        den = dv
        if len(den_ws) > 1:
            pv = _num_words(" ".join(den_ws[:-1]))
            # "twenty-fifths", "one hundred fifths"; not "thirty two fifths" (32/5 is read)
            if pv is None or pv < 20 or not (pv % 10 == 0 and dv < 10 or pv % 100 == 0 and dv < 100):
                continue
            den = pv + dv
        if not plural and num != 1:
            continue
        return num / den
    return None


def _emit_fraction(text, s, e, val, out):
    r = _right(text, e, val, False, allow_scale=False)
    if r["kind"] in ("measure", "duration"):
        out.append(_fig(text, s, r["end"], val, r["kind"], r["unit"]))
        return r["end"]
    out.append(_fig(text, s, e, val, "fraction" if val < 1 else "number", of=_of_phrase(text, e)))
    return e


def _ordword(text, m, out):
    s, e = m.start(), m.end()
    toks = [w.lower() for w in _WORD_RX.findall(m.group(0))]
    if toks[0] in ("a", "an") and len(toks) == 2 and toks[1] in ("half", "quarter", "halves", "quarters"):
        return None           # found again at "half"/"quarter", with the article looked up behind
    if "and" in toks:
        # mixed numbers: "one hundred and three quarters", "twenty and three fifths"
        k = len(toks) - 1 - toks[::-1].index("and")
        whole = _num_words(" ".join(toks[:k])) if toks[0] not in ("a", "an") else None
        fr = _frac_words(toks[k + 1:])
        if whole is not None and fr is not None and fr < 1:
            return _emit_fraction(text, s, e, whole + fr * _round_scale(whole), out)
    fr = _frac_words(toks)
    if fr is not None and toks[0] in ("a", "an") and not toks[-1].endswith("s"):
        # "a fifth of", "cut by a third", "a hundredth" (alone) are fractions; "a fifth
        # term", "wounding a third." (a third person) are ordinals
        nxt = _R_NEXTWORD.match(text, e)
        if nxt and not (nxt.group("w").lower() == "of" or _R_UNIT.match(text, e)):
            fr = None
        elif not nxt and s > 0 and not _L_FRAC_CTX.search(text, max(0, s - 12), s):
            fr = None
    if fr is not None:
        return _emit_fraction(text, s, e, fr, out)
    if toks[0] in ("a", "an"):
        return None           # the ordinal itself is found at its own word
    words = [w for w in toks if w != "and"]
    last = words[-1]
    prefix = words[:-1]
    pv = _num_words(" ".join(prefix)) if prefix else None
    if prefix and pv is None:
        return None
    if not prefix and last.endswith("s"):
        return None          # "some quarters", "thirds" alone: no figure
    if last in ("half", "quarter") and text[e:e + 1] == "-" and text[e + 1:e + 2].isalpha():
        return None          # "two half-brothers", "quarter-final": a compound noun
    is_frac = last in _DENOM and (last.endswith("s") or last in ("half", "quarter"))
    if last in ("half", "quarter") and not prefix:
        # "half of", "a half", "a quarter of the"; bare "half" elsewhere is too vague
        nxt = _R_NEXTWORD.match(text, e)
        nw = nxt.group("w").lower() if nxt else ""
        a_before = _L_A.search(text, max(0, s - 5), s)
        if nw == "of" or (last == "half" and nw in ("the", "a", "an", "their", "its", "his", "her")) \
                or (a_before and nw in ("of", "")):
            if a_before:
                s = a_before.start(1)
            val = 0.5 if last == "half" else 0.25
            if last == "half" and nw in ("a", "an"):
                # "half an hour", "half a day"
                um = _R_UNIT.match(text, nxt.end())
                if um and um.group("u").lower() in _DUR:
                    out.append(_fig(text, s, um.end("u"), 0.5, "duration", _DUR[um.group("u").lower()]))
                    return um.end("u")
                return None
            out.append(_fig(text, s, e, val, "fraction", of=_of_phrase(text, e)))
            return e
        return None
    if not prefix and last in _DENOM and last not in ("half", "quarter") and not last.endswith("s"):
        # "a third of" -> fraction; "the third year" -> ordinal
        a_before = _L_A.search(text, max(0, s - 5), s)
        if a_before and re.match(r"\s+of\b", text[e:e + 4]):
            out.append(_fig(text, a_before.start(1), e, 1.0 / _DENOM[last], "fraction",
                            of=_of_phrase(text, e)))
            return e
    if is_frac:
        num = pv if pv is not None else 1
        if prefix and prefix[0] in ("a", "an"):
            num = 1
        val = num / _DENOM[last]
        r = _right(text, e, val, False, allow_scale=False)
        if r["kind"] in ("measure", "duration"):
            out.append(_fig(text, s, r["end"], val, r["kind"], r["unit"]))
            return r["end"]
        out.append(_fig(text, s, e, val, "fraction", of=_of_phrase(text, e)))
        return e
    if last not in _ORD:
        return None
    v = _ORD[last]
    if prefix:
        if pv is None or (pv < 20 and pv != 0 and v < 100 and not any(p in _TENS for p in prefix)):
            return None
        # "two hundredth" = 200, "three trillionth"; "one hundred fifth" = 105
        v = pv * v if v >= 100 else pv + v
    return _ordinal(text, s, e, v, out)


def _matches(text):
    """Core matches of _MAIN at candidate positions, left to right."""
    digs = list(_CAND_D.finditer(text))
    low = text.lower()
    words = list((_CAND_W if len(low) == len(text) else _CAND_WI).finditer(
        low if len(low) == len(text) else text))
    if not digs and not words:
        return
    cands = sorted(digs + words, key=lambda c: c.start()) if digs and words else digs or words
    masks = []
    if "@" in text or "://" in text or "www." in text:
        masks = [(m.start(), m.end()) for m in _URLMAIL.finditer(text)]
    skip = 0
    n = len(text)
    for c in cands:
        i = c.start()
        if i < skip or masks and any(a <= i < b for a, b in masks):
            continue
        if c.re is _CAND_D:
            j = i
            if text[j].isdigit():
                # an identifier: letters, optional hyphen, digits ("COVID-19", "F-16", "G7")
                q = j - 1 if j > 0 and text[j - 1] == "-" else j
                r = q
                while r > 0 and (text[r - 1].isascii() and text[r - 1].isalpha() or text[r - 1] == "."):
                    r -= 1
                while r < q and text[r] == ".":
                    r += 1
                if r < q:
                    skip = _ID_TAIL.match(text, j).end()
                    # "mid-2025", "by2025": the letters are a prefix, keep the digits
                    w = re.match(r"[A-Za-z]+", text[r:q]).group(0).lower()
                    if w in _ID_OK:
                        m = _MAIN_DIG.match(text, j)
                        if m:
                            yield m
                    continue
            # the core may start before the digit: "(555) 123-4567", "-5", "+1 555", ".5", "-.5"
            if i > 0 and text[i - 1] in "(.+-−–":
                k = i - 1 if text[i - 1] == "." else i
                if k > 0 and text[k - 1] in "+-−–":
                    k -= 1
                if k > 0 and text[k - 1] == "(":
                    k -= 1
                if k < i and k >= skip:
                    m = _MAIN_DIG.match(text, k)
                    if m is not None:
                        yield m
                        continue
            m = _MAIN_DIG.match(text, i)
        else:
            e = c.end()
            if e < n and (text[e].isdigit() or text[e] == "-" and text[e + 1:e + 2].isdigit()):
                skip = _ID_TAIL.match(text, e).end()   # "Twenty20", "one-2": a name
                continue
            if low[i:e] in _MONTHS and text[i].islower():
                continue          # months only capitalised: "may", "march" are verbs
            m = _MAIN_WORD.match(text, i)
        if m is not None:
            yield m


def _extract(text):
    out = []
    pos = 0
    for m in _matches(text):
        if m.start() < pos:
            continue
        g = m.lastgroup
        if g == "skip":
            pos = m.end()
            continue
        end = None
        if g == "iso":
            y, mo, d = int(m.group("iy")), int(m.group("im")), int(m.group("id"))
            if 1 <= mo <= 12 and 1 <= d <= 31:
                out.append(_fig(text, m.start(), m.end(), None, "date", iso=_date_iso(y, mo, d)))
                end = m.end()
        elif g in ("md", "dm", "my"):
            gd = m.groupdict()
            mon = gd.get("mon") or gd.get("mon2") or gd.get("mon3")
            mo = _MONTHS.get(mon.lower())
            d = gd.get("day") or gd.get("day2")
            y = gd.get("yr") or gd.get("yr2") or gd.get("yr3")
            d = int(d) if d else None
            y = int(y) if y else None
            if mo and (d is None or 1 <= d <= 31) and (d or y):
                out.append(_fig(text, m.start(), m.end(), None, "date", iso=_date_iso(y, mo, d)))
                end = m.end()
        elif g in ("dig", "spell"):
            end = _number(text, m, out, pos)
        elif g == "ordw":
            end = _ordword(text, m, out)
            if end is None:
                # "one third" rejected as ordinal may still hold a plain number
                sm = _CORE.match(text, m.start())
                if sm and sm.group("spell"):
                    end = _number(text, sm, out, pos)
        elif g == "mult":
            w = m.group(0).lower()
            if w in _MULT:
                v = _MULT[w]
            else:
                v = _num_words(re.sub(r"-?fold$", "", w))
            if v:
                out.append(_fig(text, m.start(), m.end(), v, "multiplier"))
                end = m.end()
        elif g in ("frac", "dfrac"):
            if g == "frac":
                v = _FRAC_CHAR[m.group(0)]
            else:
                n, d = int(m.group("fn")), int(m.group("fd"))
                if d == 0 or d > 100 or n >= d * 10:
                    pos = m.end()       # "20/2030", "1/0": not a figure
                    continue
                v = -n / d if m.group("fsign") else n / d
            r = _right(text, m.end(), v, False, allow_scale=False)
            kind = r["kind"] if r["kind"] in ("measure", "duration") else "fraction"
            qual = _left(text, m.start(), pos)[1]
            out.append(_fig(text, m.start(), r["end"] if r["kind"] else m.end(), v, kind,
                            r["unit"] if r["kind"] else None, qual, of=None if r["kind"] else _of_phrase(text, m.end())))
            end = out[-1]["end"]
        if end is not None:
            pos = end
    if out:
        out = [f for f in out if not _context_not_figure(text, f)]
    return _bounded_ranges(text, out) if len(out) > 1 else out


# figures that context shows to be names (found on the real-news gold): road numbers
# ("Interstate 75", "Route 66"), street ordinals ("E. 55th St."), kinship ("first
# cousin"), vehicle names ("four-by-four"), emergency numbers ("a 999 call"), list
# numbering at the start of a sentence ("4. Will they...")
_CTX_BEFORE = re.compile(r"(?:\b(?:Interstate|Route|Highway|Hwy\.?|Rte\.?)\s+|\w-by-)$")
_CTX_AFTER = re.compile(r"(?:\s+(?:St|Ave|Rd|Blvd)\b\.?|\s+(?:Street|Avenue|Road|Boulevard)\b"
                        r"|\s+cousins?\b|-by-\w)")
_CTX_EMERGENCY = re.compile(r"(?:999|911|112|000)\s+(?:call|calls|operator|dispatcher)\b", re.I)


def _context_not_figure(text, f):
    s, e = f["start"], f["end"]
    if _CTX_BEFORE.search(text, max(0, s - 12), s) and f["kind"] in ("number", "count"):
        return True
    if f["kind"] == "ordinal" and _CTX_AFTER.match(text, e):
        return True
    if f["kind"] in ("number", "count") and _CTX_AFTER.match(text, e) and text[e:e + 4] == "-by-":
        return True
    if f["kind"] in ("number", "count") and _CTX_EMERGENCY.match(text, s):
        return True
    if s == 0 and f["kind"] == "number" and re.match(r"\d{1,2}\.\s+[A-Z]", text):
        return True
    return False


# "more than 10 and less than 40", "above 1000 but below 1500": two bounds, one range
_BETWEEN_BOUNDS = re.compile(r"\s*,?\s*(?:and|but)\s+(?P<q>(?i:" + _alt(w for w in _QUAL if w[0].isalpha()) + r"))\s+")


def _bounded_ranges(text, out):
    res = [out[0]]
    for f in out[1:]:
        p = res[-1]
        quals = {p["qualifier"], f["qualifier"]}
        same = p["kind"] == f["kind"] and p["unit"] == f["unit"] or p["kind"] == "number"
        if quals == {"lower bound", "upper bound"} and same \
                and p["high"] is None and f["high"] is None and p["value"] is not None and f["value"] is not None:
            lo, hi = (p["value"], f["value"]) if p["qualifier"] == "lower bound" else (f["value"], p["value"])
            if lo < hi and _BETWEEN_BOUNDS.fullmatch(text, p["end"], f["start"]):
                g = _fig(text, p["start"], f["end"], lo, f["kind"], f["unit"], None, f["rate"] or p["rate"],
                         iso="%d/%d" % (lo, hi) if f["kind"] == "year" else None,
                         low=lo, high=hi, of=f["of"] or p["of"])
                res[-1] = g
                continue
        res.append(f)
    return res


def extract(text):
    """Figures in text, in order, as records.Figure (see module docstring and docs/numbers.md)."""
    if not isinstance(text, str) or not text or text.isspace():
        return []
    return [Figure(**f) for f in _extract(text)]
