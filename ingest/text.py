"""Text basics every stage shares: the one home for normalising, tokenising, stemming,
stop words, singular nouns and reading dates, so that the aligner, story grouping,
conflicts and the SQL functions see the same words.
"""

import functools
import re
import unicodedata
from datetime import date, datetime

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"',
                         "„": '"', "«": '"', "»": '"', "‹": "'", "›": "'",
                         "–": "-", "—": "-", "−": "-", "\u00a0": " "})
_ACRONYM_DOT = re.compile(r"(?<=\b[A-Za-z])\.(?=[A-Za-z]\.)")
WORD = re.compile(r"\w+")

# English function words. Hand-made for news rather than a general list: general lists
# (scikit-learn's, for one) also drop content words that tell news stories apart
# ("fire", "bill", "system", "interest", spelled-out numbers).
FUNCTION_WORDS = frozenset("""
a about above after again against all almost alone along already also although always am
among an and another any anyone anything anywhere are around as at back be became because
become becomes been before being below beside besides between beyond both but by can cannot
could did do does doing done down during each either else enough even ever every few for
former from further had has have having he her here hers herself him himself his how however
i if in into is it its itself just last least less like made make many may me meanwhile
might mine more moreover most mostly much must my myself neither never nevertheless next no
nobody none nor not nothing now of off often on once one only onto or other others otherwise
our ours ourselves out over own per perhaps please put rather re same see seem seemed seems
several she should since so some somehow someone something sometime sometimes still such than
that the their theirs them themselves then there thereby therefore these they this those
though through throughout thus to together too toward towards under until up upon us very via
was we well were what whatever when where whether which while who whoever whole whom whose
why will with within without would yet you your yours yourself yourselves
""".split())
# Words every news report uses to attribute and introduce: they say nothing about the event.
REPORTING_WORDS = frozenset("""
said says say saying told tell according reported reports report added adding new news
mr mrs ms dr st inc ltd co
""".split())
STOP_WORDS = FUNCTION_WORDS | REPORTING_WORDS


def normalize(text):
    """Text as compared: NFKC, straight quotes and dashes, 'U.S.' -> 'US.', one space."""
    if not isinstance(text, str):
        return ""
    return _normalize(text)


@functools.lru_cache(maxsize=4096)
def _normalize(text):
    # Cached: align, claims and the analyzers normalise the same sentences several times.
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    text = _ACRONYM_DOT.sub("", text)
    return " ".join(text.split())


@functools.lru_cache(maxsize=1 << 16)
def stem(w):
    """A light suffix stripper: enough to pair "acquired"/"acquire", "talks"/"talk";
    character n-grams catch the rest of the morphology."""
    # Cached: a story repeats the same few thousand words (1.6M calls per 80 stories).
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    for suf, keep in (("ing", 4), ("ed", 4), ("es", 4), ("s", 3), ("e", 4)):
        if w.endswith(suf) and len(w) - len(suf) >= keep - 1 and not w.endswith("ss"):
            return w[: -len(suf)]
    return w


@functools.lru_cache(maxsize=1 << 14)
def stems(text):
    """Lower-cased, lightly stemmed word tokens of a sentence, as a tuple.

    Cached: align's relations, its candidate articles, the scorer and conflicts read the
    same sentences (and wire copy repeats them across articles)."""
    return tuple(stem(w) for w in WORD.findall(normalize(text).lower()))


def word_count(line):
    """Words as a reader counts them: runs of non-space characters."""
    return len(line.split())


# Singular forms of English nouns, for counted things ("32 member states" -> "member
# state") and the nouns after "of" ("two-thirds of voters" -> "voter"): a rule of thumb
# for news English, not a dictionary.
# endings of singular words that end in "s": "glass", "bus", "crisis", "famous", "Putin's"
_NOT_PLURAL_ENDINGS = ("ss", "us", "is", "ous", "'s", "’s")
# plural -> singular where the rules below would be wrong; invariable nouns map to themselves
IRREGULAR_PLURALS = {"people": "people", "children": "child", "men": "man", "women": "woman",
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
# demonyms in -i, whose plural ends in "is" like "crisis": "600,000 Israelis"
IRREGULAR_PLURALS.update({"passersby": "passerby", "passers-by": "passer-by"})
# compounds of "man" ("policemen", "gunmen", "fishermen"); not these words in -men
_NOT_MEN_PLURALS = {"specimen", "abdomen", "regimen", "omen", "amen", "stamen", "hymen", "yemen", "acumen", "semen",
                    "bitumen", "lumen", "albumen", "dolmen", "cyclamen", "rumen", "foramen", "carmen"}
IRREGULAR_PLURALS.update({d + "s": d for d in (
    "israeli", "iraqi", "pakistani", "saudi", "somali", "yemeni", "kuwaiti", "omani", "qatari",
    "emirati", "bahraini", "bangladeshi", "nepali", "azeri", "kashmiri", "punjabi", "bengali")})


# nouns in -s that are no plurals: "263 daily news organizations" count organizations
_SINGULAR_IN_S = {"news", "physics", "economics", "politics", "mathematics", "measles", "diabetes", "athletics"}
# nouns whose singular ends in -ie: "calories" is "calorie", not "calory" (as "casualties")
_IE_NOUNS = set("""calorie movie cookie rookie zombie selfie hippie genie prairie goalie freebie brownie
smoothie veggie newbie birdie auntie sweetie yuppie hoodie boogie roadie techie foodie indie
collie bookie bogie pinkie sortie junkie magpie pixie groupie oldie goodie necktie budgie""".split())


# the plural of an acronym: "90 RBIs", "200 MPs", "4 TDs" (the lowercase s tells it; "SARS",
# "GPS" in capitals are singulars)
_ACRONYM_PLURAL = re.compile(r"[A-Z]{2,5}s")


def _acronym(word):
    """ "plural" or "singular" for an acronym ("RBIs"; "SARS", "GPS"), else None."""
    if word[:2].isupper():
        if _ACRONYM_PLURAL.fullmatch(word):
            return "plural"
        if word.isupper() and len(word) <= 5 and word.lower() not in IRREGULAR_PLURALS:
            return "singular"
    return None


def singular(word):
    """The singular of a noun, lowercased ("’" read as "'"); a singular is returned as is.

    >>> [singular(w) for w in ("States", "casualties", "churches", "people", "crisis", "RBIs")]
    ['state', 'casualty', 'church', 'people', 'crisis', 'rbi']
    """
    kind = _acronym(word)
    if kind:
        return word.lower()[:-1] if kind == "plural" else word.lower()
    w = word.lower().replace("’", "'")
    if w in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[w]
    if w in _SINGULAR_IN_S:
        return w
    if _men_plural(w):
        return w[:-3] + "man"
    if w.endswith("ies") and len(w) > 4:
        return w[:-1] if w[:-1] in _IE_NOUNS else w[:-3] + "y"
    if w.endswith(("ches", "shes", "sses", "xes", "zes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(_NOT_PLURAL_ENDINGS):
        return w[:-1]
    return w


def is_plural(word):
    """Does the noun read as a plural ("states", "people", "RBIs"; not "bus", "crisis", "news",
    "SARS")?"""
    kind = _acronym(word)
    if kind:
        return kind == "plural"
    w = word.lower()
    if w in IRREGULAR_PLURALS or _men_plural(w):
        return True
    if w in _SINGULAR_IN_S:
        return False
    return len(w) > 3 and w.endswith("s") and not w.endswith(_NOT_PLURAL_ENDINGS)


def _men_plural(w):
    """Is w a plural compound of "man" ("policemen", "gunmen"), not "specimen"?"""
    return len(w) > 4 and w.endswith("men") and w not in _NOT_MEN_PLURALS


def parse_iso(value):
    """The date or datetime an ISO 8601 string names (its date part when the rest does not
    parse), or None."""
    if not isinstance(value, str) or not value.strip():
        return None
    s = value.strip().replace("Z", "+00:00")
    for parse, part in ((date.fromisoformat, s), (datetime.fromisoformat, s), (date.fromisoformat, s[:10])):
        try:
            return parse(part)
        except ValueError:
            pass
    return None
