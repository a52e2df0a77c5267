"""Word tables: every list of words the extractor knows, each decision in one place.

Number words and scales, currencies (signs, ISO 4217 codes, names, nationalities),
measures and time units, rate periods, months, qualifiers, and the words that end or
trim a counted noun phrase.  Plain data: no regular expressions (see patterns.py).
"""

# ---------------------------------------------------------------- number words
ONES = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
        "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
        "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
        "eighteen": 18, "nineteen": 19, "nought": 0}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
        "seventy": 70, "eighty": 80, "ninety": 90}
POWERS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
            "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
            "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
            "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
            "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
            "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90,
            "hundredth": 100, "thousandth": 1000, "millionth": 1e6, "billionth": 1e9,
            "trillionth": 1e12, "nineth": 9}
# denominators of spelled fractions: "two-thirds", "three quarters", "one half"
DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
                "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
                "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9,
                "ninths": 9, "tenth": 10, "tenths": 10, "hundredth": 100, "hundredths": 100,
                "thousandth": 1000, "thousandths": 1000, "millionth": 1e6, "millionths": 1e6,
                "billionth": 1e9, "billionths": 1e9, "trillionth": 1e12, "trillionths": 1e12}
MULTIPLIERS = {"twice": 2, "thrice": 3, "double": 2, "triple": 3, "quadruple": 4}
SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "mln": 1e6,
          "mio": 1e6, "mm": 1e6, "billion": 1e9, "bn": 1e9, "b": 1e9, "bln": 1e9,
          "trillion": 1e12, "tn": 1e12, "trn": 1e12, "t": 1e12,
          "dozen": 12, "dozens": 12, "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
          "lakh crore": 1e12}

# ---------------------------------------------------------------- currencies
CURRENCY_SIGNS = {"$": "USD", "us$": "USD", "u.s.$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY",
                  "₽": "RUB", "₴": "UAH", "₹": "INR", "₩": "KRW", "₺": "TRY", "₪": "ILS",
                  "a$": "AUD", "au$": "AUD", "c$": "CAD", "ca$": "CAD", "nz$": "NZD",
                  "hk$": "HKD", "s$": "SGD", "r$": "BRL", "rs": "INR", "rs.": "INR", "rmb": "CNY",
                  "chf": "CHF", "sfr": "CHF", "sfr.": "CHF", "kr": "SEK", "zł": "PLN", "₿": "BTC", "₡": "CRC", "₾": "GEL",
                  "₭": "LAK", "元": "CNY", "usd$": "USD", "aud$": "AUD", "cad$": "CAD", "nzd$": "NZD",
                  "mxn$": "MXN", "mex$": "MXN", "hk $": "HKD", "c $": "CAD", "us $": "USD",
                  "nt$": "TWD", "nt $": "TWD", "rm": "MYR", "rp": "IDR", "rp.": "IDR", "kr.": "SEK",
                  "ksh": "KES", "dh": "AED", "dhs": "AED", "$us": "USD", "$a": "AUD", "$nz": "NZD",
                  "$c": "CAD", "$hk": "HKD", "₦": "NGN", "₱": "PHP", "₫": "VND", "฿": "THB"}
CURRENCY_CODES = ("USD EUR GBP JPY CNY RUB UAH CHF INR CAD AUD NZD HKD SGD BRL KRW TRY ILS PLN "
                  "HUF SEK NOK DKK CZK RON MXN ZAR SAR AED QAR KZT BYN GEL AMD AZN MDL RSD MYR "
                  "BTC").split()
# currency names after a number; an adjective before "dollar" picks the country
CURRENCY_NAMES = {"euro": "EUR", "euros": "EUR", "eur": "EUR", "dollar": "USD",
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
                  "koruna": "CZK", "markkas": "FIM", "ringgit": "MYR", "ringgits": "MYR",
                  "baht": "THB", "rupiah": "IDR", "dirham": "AED", "dirhams": "AED", "naira": "NGN",
                  "kr": "SEK"}
# "kr", "krone" and "kroner" are shared by Sweden, Norway and Denmark: a country named in
# the sentence picks the code (else the table above decides)
NORDIC_CURRENCIES = {"denmark": "DKK", "danish": "DKK", "copenhagen": "DKK", "norway": "NOK",
                     "norwegian": "NOK", "oslo": "NOK", "sweden": "SEK", "swedish": "SEK",
                     "stockholm": "SEK", "iceland": "ISK", "icelandic": "ISK", "reykjavik": "ISK"}
DOLLAR_COUNTRIES = {"us": "USD", "u.s.": "USD", "american": "USD", "canadian": "CAD",
                    "australian": "AUD", "hong kong": "HKD", "new zealand": "NZD",
                    "singapore": "SGD", "taiwan": "TWD", "taiwanese": "TWD"}
# a nationality before a currency name: "250 million Dutch guilders", "100 Chinese yuan";
# it picks the code where the name is shared (krone, franc, peso), else the name decides
NATIONALITIES = ["dutch", "finnish", "chinese", "turkish", "japanese", "indian", "russian",
                 "ukrainian", "mexican", "brazilian", "south african", "swedish", "norwegian",
                 "danish", "polish", "hungarian", "czech", "israeli", "belgian", "swiss",
                 "philippine", "argentine", "colombian", "chilean", "egyptian", "british"]
NATIONAL_CURRENCIES = {("danish", "krone"): "DKK", ("danish", "kroner"): "DKK", ("belgian", "franc"): "BEF",
                       ("belgian", "francs"): "BEF", ("philippine", "peso"): "PHP", ("philippine", "pesos"): "PHP",
                       ("argentine", "peso"): "ARS", ("argentine", "pesos"): "ARS", ("colombian", "peso"): "COP",
                       ("colombian", "pesos"): "COP", ("chilean", "peso"): "CLP", ("chilean", "pesos"): "CLP",
                       ("egyptian", "pound"): "EGP", ("egyptian", "pounds"): "EGP", ("czech", "koruna"): "CZK",
                       ("swedish", "krona"): "SEK", ("swedish", "kronor"): "SEK"}
# hundredth parts: value scaled by 0.01 into the main currency
HUNDREDTHS = {"cent": "USD", "cents": "USD", "pence": "GBP", "penny": "GBP", "kopeks": "RUB",
              "kopecks": "RUB"}

# ---------------------------------------------------------------- units
TIME_UNITS = {"second": "second", "seconds": "second", "sec": "second", "secs": "second",
              "minute": "minute", "minutes": "minute", "min": "minute", "mins": "minute",
              "hour": "hour", "hours": "hour", "hr": "hour", "hrs": "hour",
              "day": "day", "days": "day", "week": "week", "weeks": "week",
              "fortnight": "fortnight", "fortnights": "fortnight",
              "month": "month", "months": "month", "year": "year", "years": "year",
              "yr": "year", "yrs": "year", "decade": "decade", "decades": "decade",
              "century": "century", "centuries": "century", "millennium": "millennium",
              "millennia": "millennium", "millisecond": "millisecond", "milliseconds": "millisecond", "ms": "millisecond",
              "microsecond": "microsecond", "microseconds": "microsecond", "nanosecond": "nanosecond",
              "nanoseconds": "nanosecond"}
# measures: many spellings -> one canonical unit (SI symbols, imperial names)
MEASURES = {}
for _canon, _names in {
    "km": "km kms kilometre kilometres kilometer kilometers",
    "m": "m metre metres meter meters",
    "cm": "cm centimetre centimetres centimeter centimeters",
    "mm": "mm millimetre millimetres millimeter millimeters",
    "dm": "dm decimetre decimetres decimeter decimeters",
    "nanometre": "nanometre nanometres nanometer nanometers",
    "micrometre": "micrometre micrometres micrometer micrometers µm μm micron microns",
    "hp": "hp bhp horsepower", "psi": "psi", "PS": "PS|metric horsepower",
    # torque: "280 lb-ft", "295 pound-feet", "400 Nm" ("Nm" is matched by its case in grow.py:
    # lowercase "nm" is the nautical mile below)
    "lb-ft": "lb-ft|lb ft|lb.-ft.|lb.-ft|lbs-ft|lb-feet|lb.ft|pound-feet|pound-foot|pounds-feet|"
             "pounds-foot|pound feet|pounds feet|foot-pounds|foot-pound|ft-lb|ft-lbs|ft lb|ft lbs",
    "Nm": "N·m|N-m|newton-metres|newton-meters|newton metres|newton meters|newton-metre|newton-meter",
    "mpg": "mpg|miles per gallon|mile per gallon|miles a gallon",
    "km/L": "km/l|kmpl|kilometres per litre|kilometers per liter|kilometres per liter|kilometers per litre",
    "fps": "fps|frames per second|frame per second",
    "dB": "dB|dBA|dB(A)|decibel|decibels",
    "ppb": "ppb|parts per billion|part per billion", "ppm": "ppm|parts per million|part per million",
    "Mbps": "Mbps|Mbit/s|Mb/s|megabits per second|megabit per second",
    "Gbps": "Gbps|Gbit/s|Gb/s|gigabits per second|gigabit per second",
    "kbps": "kbps|kbit/s|kilobits per second",
    "mile": "mile miles mi",
    "nautical mile": "nautical mile|nautical miles|nm",
    "foot": "foot feet ft",
    "inch": "inch inches in incher inchers",
    "yard": "yard yards yd yds yarder yarders", "megapixel": "megapixel megapixels MP",
    "light year": "light year|light years|light-year|light-years|lightyear|lightyears",
    "stone": "stone stones",
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
    "km2": "km2|km²|km^2|km squared|sq km|square kilometre|square kilometres|square kilometer|square kilometers|"
           "square-kilometre|square-kilometer",
    "m2": "m2|m²|m^2|sq m|square metre|square metres|square meter|square meters|square-metre|square-meter",
    "mile2": "sq mi|square mile|square miles|square-mile",
    "m3": "m3|m³|m^3|cubic metre|cubic metres|cubic meter|cubic meters",
    "km3": "km3|km³|km^3|km cubed|cubic kilometre|cubic kilometres|cubic kilometer|cubic kilometers",
    "ft3": "cubic feet|cubic foot|cu ft|cu. ft.|cu.ft.|cu. ft|cu.ft",
    "ft2": "sq ft|sq. ft.|sq. ft|sq feet|square feet|square foot|sqft|square-foot|square-feet",
    "°C": "°C|° C|degrees celsius|degree celsius|deg celsius|celsius|degrees centigrade|"
          "deg c|degrees c|celcius|degrees celcius|degree celcius|c",
    "°F": "°F|° F|degrees fahrenheit|degree fahrenheit|deg fahrenheit|fahrenheit|deg f|degrees f|"
          "farenheit|degrees farenheit|degree farenheit|f",
    "degree": "degree degrees ° deg",
    "tablespoon": "tablespoon tablespoons tbsp", "teaspoon": "teaspoon teaspoons tsp",
    "cup": "cup cups",
    "mph": "mph|m.p.h.|m.p.h|miles per hour|mile per hour|miles an hour|mile an hour",
    "km/h": "km/h|kph|k.p.h.|kmh|kmph|km/hr|kilometres per hour|kilometers per hour|kilometre per hour|"
            "kilometer per hour|kilometres an hour|kilometers an hour",
    "knot": "knot knots", "m/s": "m/s|metres per second|meters per second|metre per second|meter per second",
    "rpm": "rpm|revolutions per minute", "mAh": "mAh|milliamp hours|milliampere hours|milliamp-hours",
    # barrels per day: a barrel at the rate "day" (grow.py), as "barrels a day" is
    "bpd": "bpd|b/d",
    "W": "w watt watts", "kW": "kW kilowatt kilowatts", "MW": "MW megawatt megawatts",
    "GW": "GW gigawatt gigawatts", "kWh": "kWh|kilowatt hours|kilowatt-hours",
    "Wh": "Wh|watt hours|watt-hours",
    "MWh": "MWh|megawatt hours|megawatt-hours", "GWh": "GWh", "TWh": "TWh",
    "bit": "bit bits", "KB": "KB kilobyte kilobytes", "MB": "MB megabyte megabytes",
    "GB": "GB gigabyte gigabytes", "TB": "TB terabyte terabytes",
    "PB": "PB petabyte petabytes", "EB": "EB exabyte exabytes",
    "bcm": "bcm|billion cubic metres|billion cubic meters",
    "calorie": "calorie calories kcal",
    # "a 6.4-magnitude quake", "5.8 on the Richter scale" ("magnitude 7.1" before the
    # number: cardinals.py)
    "magnitude": "magnitude|on the richter scale",
    "volt": "volt volts", "hertz": "hz hertz", "GHz": "GHz gigahertz", "MHz": "MHz megahertz",
}.items():
    # "a b c" lists one-word names; "a|b c|d" lists names that may hold spaces
    for _n in (_names.split("|") if "|" in _names else _names.split()):
        MEASURES[_n.lower()] = _canon
# areas and volumes of every length unit by its full names ("square centimetres", "cubic
# yards", "sq inches"), unless listed above: codes "cm^2", "yard^3" (pint reads them)
for _canon in ("km", "m", "cm", "mm", "mile", "foot", "inch", "yard"):
    for _n in [n for n, c in MEASURES.items() if c == _canon and len(n) > 2 and " " not in n]:
        for _pre, _power in (("square", 2), ("sq", 2), ("cubic", 3), ("cu", 3)):
            MEASURES.setdefault(_pre + " " + _n, "%s^%d" % (_canon, _power))
MEASURES["cc"] = "cm^3"       # engines: "a 125cc motorbike" (glued only: SHORT_UNITS)
del _canon, _names, _n, _pre, _power
# short unit symbols that are words too ("in", "t", "l", "m") count only when attached
# to the number or when nothing else could be meant
SHORT_UNITS = {"m", "t", "l", "g", "mi", "nm", "ha", "ft", "oz", "yd", "in", "mp", "w", "cc"}

# unit symbols whose other case is a name: "5G", "3D", "F-16"-like tokens
UNIT_LOOKALIKES = {"G", "M", "T", "D", "MI", "IN", "Mi", "In", "Ft", "FT", "Oz", "OZ", "c", "f"}
PERIODS = {"month": "month", "months": "month", "mo": "month", "year": "year",
           "yr": "year", "annum": "year", "day": "day", "week": "week", "hour": "hour",
           "hr": "hour", "h": "hour", "quarter": "quarter", "minute": "minute",
           "second": "second", "monthly": "month", "annually": "year", "yearly": "year",
           "a year": "year", "daily": "day", "weekly": "week", "hourly": "hour",
           "quarterly": "quarter", "per annum": "year", "p.a.": "year", "decade": "decade"}

# prices per unit: "22 cents a share", "$1,900 an ounce", "$80 a barrel", "$50 per person"
PER_UNITS = {"share": "share", "ounce": "ounce", "oz": "ounce", "barrel": "barrel", "gallon": "gallon",
             "litre": "litre", "liter": "litre", "tonne": "tonne", "ton": "ton", "person": "person",
             "head": "person", "capita": "person", "kwh": "kWh", "kilowatt hour": "kWh",
             "kilowatt-hour": "kWh", "watt": "watt"}

MONTHS = {"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
          "apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
          "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10,
          "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12}

MONTH_ABBREVIATIONS = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}

QUALIFIERS = {"about": "approximate", "around": "approximate", "approximately": "approximate",
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
    QUALIFIERS[_w + " than or equal to"] = QUALIFIERS[_w + " or equal than"] = _q
    QUALIFIERS[_w + " or equal to"] = QUALIFIERS["equal to or " + _w + " than"] = _q
QUALIFIERS["at least or equal to"] = "lower bound"
QUALIFIERS["at most or equal to"] = "upper bound"
del _w, _q

# Words that end a counted noun phrase ("32 nations with ..."): grammar, not the stop
# words of ingest/text.py (those weigh words; "former", "next" or "one" may sit inside
# a counted phrase, "ago" or "apiece" end one).
# the words title-case headlines leave in lower case after a figure ("Kill 58 in Iraq")
HEADLINE_PREPOSITIONS = {"in", "at", "on", "of", "for", "from", "after", "as", "by", "over", "near", "to", "with"}
# ... and the short words a title-case headline may leave in any case
HEADLINE_ARTICLES = {"a", "an", "the", "and", "or", "but", "vs"}
# verbs before the number closing a title-case headline, a toll or a level: "Suicide Bombs
# Hit Egypt Military in Sinai, Kill 6", "Death Toll Tops 100" (a capitalised word before a
# number is otherwise a name's)
HEADLINE_COUNT_VERBS = {"kill", "kills", "injure", "injures", "wound", "wounds", "hurt", "hurts", "leave", "leaves",
                       "claim", "claims", "tops", "hit", "hits", "reach", "reaches", "exceed", "exceeds"}
NOUN_PHRASE_ENDS = set("""a an the of to in on at by for from with without into onto upon over under
about above below after before during since until till than then and or but nor so yet
as if that which who whom whose what when where why how this these those there here it
its it's their they them he she his her hers him we our us you your i my me mine is are
was were be been being am do does did done have has had having will would shall should
can could may might must not no nor each every all any some both either neither few many
much more most less least several per via vs versus like such own other another same
out up down off just only also even still again ago later earlier now too very already
almost nearly around roughly approximately according respectively apiece each last next
yesterday today tonight overnight along across against among amid amongst beyond despite toward
towards through throughout within behind beside besides alongside""".split())
# adjectives dropped from counted noun phrases so that "20 new air defense systems" and
# "20 air defense systems" pair on "air defense system"
DROPPED_ADJECTIVES = set("""new more additional other extra further old young big small large
major minor key main top senior junior former current total further latest recent
different separate various individual many several few fewer modern advanced heavy
light long short high low full nearly estimated so-called local foreign international
national regional domestic western eastern northern southern military civilian
possible potential confirmed reported suspected known unknown armed unarmed ukrainian
russian american european british chinese german french israeli palestinian iranian
foreign-born biggest largest smallest highest lowest richest poorest best worst oldest youngest
longest fastest greatest strongest deadliest busiest""".split())
# what a player's line counts: after a name ("Baker 6 points.", "Trout 1 goal") the number is
# the player's, not part of a name as in "Apple Watch 5" or "Windows 10 users"
STAT_NOUNS = {"point", "rebound", "assist", "goal", "save", "steal", "block", "tackle", "yard",
              "carry", "catch", "touchdown", "strikeout", "wicket", "run", "hit", "ace", "birdie"}
# adjectives in -ly (other words in -ly end a counted noun: "30 people only"): "1.2bn
# monthly users", "500m daily readers", "five elderly residents"
LY_ADJECTIVES = {"daily", "weekly", "monthly", "yearly", "quarterly", "hourly", "nightly", "elderly"}
DROPPED_ADJECTIVES |= LY_ADJECTIVES
# nouns in -ing or -ed that "one" counts ("One thing was clear", "one building"); other
# such words after "one" are verbs or adjectives
ING_NOUNS = {"thing", "king", "ring", "wing", "string", "spring", "building", "meeting", "wedding",
             "evening", "morning", "ceiling", "bombing", "shooting", "killing", "sibling", "offering",
             "painting", "setting", "opening", "hearing", "bed", "shed", "seed", "red"}
# words that end a counted noun phrase before its first word: "5 times", "10 percent", "a
# 6.1 magnitude quake" (no count of magnitudes)
# what a year names before it as "the 2004 elections" (singular): no count of 2,004 of them
EVENT_NOUNS = set("""election poll primary midterm vote referendum olympics game playoff final championship
tournament protest riot attack bombing flood fire earthquake quake storm hurricane talk negotiation
accord agreement sanction tariff reform cut budget rule regulation result census season campaign
crisis war strike summit award""".split())
# past verbs of change before a figure: "rose 5%", "fell 120 yen to 5,400 yen" (patterns.L_CHANGE)
CHANGE_VERBS = {"rose", "fell", "gained", "lost", "jumped", "climbed", "dropped", "slipped", "slid", "added", "shed",
                "surged", "soared", "plunged", "tumbled", "declined", "increased", "decreased", "advanced", "eased",
                "slumped", "grew", "shrank", "rebounded", "expanded", "widened", "narrowed", "swelled"}
# ... and their other forms, before "to", "by" or "from" a level (patterns.L_QUANTITY_BEFORE)
CHANGE_VERB_FORMS = {"risen", "rises", "fallen", "falls", "climbs", "jumps", "drops", "slips", "grown", "sank",
                     "edged", "doubled", "tripled"}
# the last word of every lexicon of patterns.L_QUANTITY_BEFORE: tested first, as most years
# follow "in"
QUANTITY_LAST_WORDS = {"to", "by", "from", "at", "of", "than", "totalled", "totaled", "totals", "numbered",
                       "numbers", "reached", "reaches", "some", "nearly", "almost", "roughly", "approximately"}
# nouns that a spelled number after a hyphen labels: "a Category-Five hurricane", "Level-Three"
LABEL_NOUNS = {"category", "level", "stage", "phase", "grade", "class", "top", "type", "tier", "step"}
# words after "one to" that keep "one" a number: "led one to nil", "from one to a hundred"
NOT_AFTER_ONE_TO = {"a", "an", "nil", "none", "zero", "nothing"}
# eras before four digits, which stay years: "AD 1066"
ERAS = {"AD", "BC", "CE", "BCE"}
# a year's results, which four digits before them date, not count: "hit 2020 earnings"
YEAR_RESULTS = {"earning", "result", "target", "forecast", "estimate", "revenue", "profit", "loss", "outlook"}
# what a year measures after a verb of change: "fell to 2008 levels", "back to 2019 highs"
YEAR_MEASURES = {"level", "high", "low", "figure", "number", "price", "rate", "standard", "mark", "peak", "value"}
# nouns after "a" that no price is per: "$50 a lot", "$5 a while ago", "$1m a record"
NOT_PER = {"lot", "bit", "while", "total", "record", "further", "half", "quarter", "third", "couple", "number",
           "spokesman", "spokeswoman", "spokesperson", "aide", "official", "source", "statement", "report"}
# verbs in -s that a number or a name with a number takes as subject: "a reading above 50
# suggests growth", "Resolution 1540 requires"
NUMBER_VERBS = {"suggests", "indicates", "means", "says", "seems", "appears", "represents", "remains", "implies",
                "requires"}
NOT_NOUNS = {"times", "percent", "cents", "magnitude"} | NUMBER_VERBS
# verbs in -s that end a noun phrase of singular words before a figure: "the 2020 model
# makes 300 hp", "the 2,812 piece set costs $800" (a compound's plural is its head:
# "2000 steel workers"; these stop it only after a first word; verbs that are also plural
# nouns, "seats", "shows", "offers", "returns", are not among them)
OBJECT_VERBS = {"makes", "costs", "has", "gets", "takes", "gives", "sells", "produces", "includes", "weighs",
                "measures", "delivers", "packs", "adds", "brings", "carries", "boasts", "generates"}
# words after "N-" that are no counted noun: "20-something", "30-odd"; after "one-" also
# the idioms "one-time", "one-way", "one-sided"
NOT_HYPHEN_NOUNS = {"something", "somethings", "odd", "plus", "ish", "fold", "magnitude"}
ONE_HYPHEN_IDIOMS = {"time", "way", "sided", "size", "stop", "liner", "liners"}

# number words that scale what comes before ("two hundred"); alone after "several",
# "a few" they state no number
SCALE_WORDS = {"hundred", "thousand", "million", "billion", "trillion", "dozen", "dozens"}
# nouns a hyphenated "-pound" qualifies as money ("a 10-pound note"), not as weight
MONEY_NOUNS = {"note", "notes", "fine", "fines", "bill", "bills", "ticket", "tickets", "fee",
               "fees", "charge", "coin", "coins", "deal", "payment", "prize", "bet", "loan",
               "budget", "voucher", "levy", "tax", "subsidy", "grant", "bonus", "donation"}
# letters glued before digits that are a prefix, not part of an identifier: "mid-2025", "by2025"
ID_PREFIXES = {"rm", "rs", "rp", "kr", "ksh", "dh", "dhs", "mid", "pre", "post", "late", "early", "non", "over",
               "under", "top", "sub", "ex",
               "anti", "in", "by", "of", "to", "the", "and", "from", "per", "at", "us",
               "since", "until", "between", "about", "around", "some", "up", "than"}
FRACTION_SIGNS = {"½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅛": 0.125}
# the words at which a core can start (patterns.CANDIDATE_WORD is built from them)
STARTERS = (set(ONES) | set(TENS) | set(POWERS) | set(ORDINALS) | set(DENOMINATORS) | set(MONTHS)
            | set(MULTIPLIERS) | {"hundred", "dozen"})
# sport scores and records ("won 3-1", "a 24-17 victory", "improved to 2-13"): a score whose
# first number is the smaller is told from a range by one of these words right before
# it (articles skipped) or right after it
SCORE_BEFORE = set("""won win wins winning beat beats beating defeated defeat defeats lost lose
loses losing led lead leads leading trailed trail trails trailing drew draw draws drawing tied
tie ties edged edge edges routed rout thrashed crushed downed blanked beaten improved fell
dropped moved record score scored finished ended went stand stands stood""".split())
SCORE_AFTER = set("""win wins victory victories defeat defeats loss losses lead draw tie record run
deficit advantage triumph decision vote verdict margin thrashing rout drubbing scoreline
halftime half-time aggregate final shootout overtime ot edge majority count series""".split())
# words that open a sentence before a figure ("About 300 people", "Add 2 eggs"); any other
# capitalised first word before a bare number names something ("Windows 10 is",
# "Formula 1 returns", "Chapter 11 bankruptcy")
SENTENCE_OPENERS = set("""only just about around some all another nearly almost over under roughly
approximately exactly precisely fewer more less most least at least up to top last next past first
those these their its his her our my your each every both other additional further
still yet even also then now today yesterday new big small total record add use take bake cook
mix stir cut buy get make pay save win expect see meet spend allow give set choose pick try read watch join book call
visit drink eat keep let leave put remove serve heat boil place combine whisk pour preheat roast
grill fry chop slice bring send note remember imagine consider among amid amongst across against
along beyond despite except including inside near onto outside plus through throughout toward
towards unlike upon within without whereas while when where whether though although because
unless once many several half double triple""".split())
# verbs after which "first" ends a sentence as a rank ("He finished first."), not an adverb
RANK_VERBS = {"finish", "finished", "finishes", "came", "come", "comes", "placed", "ranked", "ranks",
              "rank", "is", "was", "are", "were", "be", "been", "went", "go", "goes", "bat", "bats",
              "batted", "batting", "finishing", "placing"}
# past forms that "first" qualifies as an adverb: "he first met her", "The case first captured"
ADVERB_FIRST_VERBS = {"came", "went", "met", "began", "took", "made", "saw", "told", "said", "won",
                      "became", "heard", "found", "spoke", "wrote", "got", "gave", "ran", "flew",
                      "thought", "knew", "felt", "fell", "rose", "broke", "set", "put", "hit", "let",
                      "comes", "come", "appear", "appears", "emerge", "emerges", "become",
                      "becomes", "meet", "meets", "learn", "learns", "learnt", "ate", "drove", "sang"}
# words that open a clause after a sentence-initial adverb "First" ("First the rain", "First he")
SUBJECT_WORDS = {"the", "a", "an", "he", "she", "it", "we", "they", "i", "you", "there", "this", "that",
                 "these", "those", "his", "her", "their", "our", "my", "your", "its"}
# video lines, not pence: "720p", "1080p"
VIDEO_LINES = {240, 360, 480, 576, 720, 1080, 1440, 2160, 4320}
# display resolutions named by thousands of pixels across: "4K streaming", "at 4k and 60fps"
# (in a sentence about screens or video; "a 5k run" and "$4K" are thousands)
DISPLAY_K = {1, 2, 4, 5, 6, 8}
# what a calibre written ".357" names: no figure
CALIBRE_NOUNS = {"revolver", "revolvers", "magnum", "pistol", "pistols", "rifle", "rifles", "handgun",
                 "handguns", "gun", "guns", "caliber", "calibre", "bullet", "bullets", "round", "rounds"}
# nouns after which ", 45," states the person's age (as after a name: "Peterson, 32,")
PERSON_NOUNS = set("""man woman boy girl son daughter wife husband mother father brother sister
victim driver suspect child teen teenager officer student friend partner girlfriend
boyfriend mom dad grandmother grandfather grandson granddaughter uncle aunt nephew niece
baby toddler resident pilot owner passenger widow fiancee fiance actor actress singer star player
coach worker soldier teacher doctor nurse patient gunman shooter journalist reporter rapper
musician lawyer mayor senator governor president chef athlete""".split())
# "police" before these is the count's noun: "300 police officers" and "300 police" pair
POLICE_PEOPLE = {"officer", "official", "man", "woman", "personnel", "constable", "trooper", "agent"}
# who a number of thousands counts where "4K" would be a resolution
AUDIENCE_NOUNS = PERSON_NOUNS | {"people", "person", "fan", "viewer", "user", "subscriber", "follower", "visitor",
                                 "gamer", "player", "copy", "share", "download", "unit", "sale"}
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
# words after "one" that make it a pronoun, no figure: "one of", "one another", "one must"
# ("day" and "time" too, unless a span is meant: cardinals.py)
PRONOUN_ONE_NEXT = {"of", "another", "by", "who", "that", "which", "hand",
                    "way", "another's", "point", "off", "must", "might", "can",
                    "could", "would", "should", "will", "does", "is", "was", "has", "may",
                    "sees", "knows", "thinks", "finds", "needs", "wants", "feels"}
# verbs of saying after a clause-opening "one": the pronoun, no figure ("one told reporters",
# "one said"); they need no object, so the object test of the other verbs misses them
SPEECH_VERBS = {"said", "says", "told", "tells", "added", "adds", "wrote", "writes", "explained",
                "noted", "recalled", "asked", "replied", "insisted", "admitted", "argued", "claimed",
                "warned", "complained", "posted", "tweeted"}
# irregular past verbs that end a singular counted noun ("one official said", "one soldier
# told reporters"), as an -ed ending does ("one person survived"); not "set", "hit", "put"
# or "fell", which are nouns or idioms after a number too ("one hit", "one fell swoop")
NOUN_ENDING_VERBS = SPEECH_VERBS | {"came", "went", "met", "began", "took", "made", "saw", "won",
                                    "became", "heard", "found", "spoke", "got", "gave", "ran", "flew",
                                    "thought", "knew", "felt", "rose", "broke", "drove", "sang"}
# ... but "one was killed" counts a casualty, as "two were killed" does (docs/numbers.md)
CASUALTY_WORDS = {"killed", "injured", "wounded", "hurt", "dead", "missing", "hospitalised",
                  "hospitalized", "arrested", "detained", "rescued", "shot", "stabbed", "treated",
                  "taken", "charged", "recovered", "evacuated", "trapped"}
