"""Singular forms of English nouns, for counted things ("32 member states" -> "member
state") and the nouns after "of" ("two-thirds of voters" -> "voter").

Self-contained (no imports): a rule of thumb for news English, not a dictionary.

    >>> [singular(w) for w in ("States", "casualties", "churches", "people", "crisis")]
    ['state', 'casualty', 'church', 'people', 'crisis']
"""

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


def singular(word):
    """The singular of a noun, lowercased ("’" read as "'"); a singular is returned as is."""
    w = word.lower().replace("’", "'")
    if w in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[w]
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "sses", "xes", "zes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(_NOT_PLURAL_ENDINGS):
        return w[:-1]
    return w


def is_plural(word):
    """Does the noun read as a plural ("states", "people"; not "bus", "crisis")?"""
    w = word.lower()
    if w in IRREGULAR_PLURALS:
        return True
    return len(w) > 3 and w.endswith("s") and not w.endswith(_NOT_PLURAL_ENDINGS)
