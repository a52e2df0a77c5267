"""Extract and normalise the figures a news sentence states.

First version: digit numbers, percentages and money. Interface is final.
"""
import re

_CUR_SYM = {"€": "EUR", "$": "USD", "£": "GBP", "¥": "JPY", "₽": "RUB", "₴": "UAH"}
_CUR_WORD = {"euro": "EUR", "euros": "EUR", "dollar": "USD", "dollars": "USD",
             "pound": "GBP", "pounds": "GBP", "ruble": "RUB", "rubles": "RUB",
             "rouble": "RUB", "roubles": "RUB", "hryvnia": "UAH", "hryvnias": "UAH",
             "hryvnias": "UAH", "yuan": "CNY", "yen": "JPY"}
_SCALE = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6,
          "billion": 1e9, "bn": 1e9, "trillion": 1e12, "tn": 1e12}
_RATE = {"month": "month", "year": "year", "day": "day", "week": "week", "hour": "hour"}

_RX = re.compile(
    r"(?<![\w.-])(?:(?P<sym>US\$|[€$£¥₽₴])\s?)?(?P<num>[-+−]?\d{1,3}(?:,\d{3})+(?:\.\d+)?|[-+−]?\d+(?:\.\d+)?)"
    r"(?:\s?(?P<scale>thousand|million|billion|trillion|bn|mn|tn|k|m)\b)?"
    r"(?:\s?(?P<pct>%|per\s?cent\b|percentage points?\b)|\s(?P<cur>euros?|dollars?|pounds?|rubles?|roubles?|hryvnias?|yuan|yen)\b)?"
    r"(?:\s(?:per|a)\s(?P<rate>month|year|day|week|hour)\b)?"
    r"(?![\w-])", re.I)


def extract(text):
    out = []
    if not isinstance(text, str) or not text:
        return out
    for m in _RX.finditer(text):
        try:
            v = float(m.group("num").replace(",", "").replace("−", "-"))
        except ValueError:
            continue
        if m.group("scale"):
            v *= _SCALE[m.group("scale").lower()]
        unit = kind = None
        kind = "number"
        if m.group("pct"):
            p = m.group("pct").lower()
            unit, kind = ("pp", "percent") if "point" in p else ("%", "percent")
        elif m.group("sym") or m.group("cur"):
            kind = "money"
            unit = "USD" if m.group("sym") == "US$" else (
                _CUR_SYM.get(m.group("sym")) if m.group("sym") else _CUR_WORD[m.group("cur").lower()])
        rate = m.group("rate").lower() if m.group("rate") else None
        key = kind + (":" + unit if unit else "") + (":" + rate if rate else "")
        out.append(dict(surface=m.group(0), start=m.start(), end=m.end(), value=v, unit=unit,
                        kind=kind, qualifier=None, rate=rate, iso=None, low=None, high=None,
                        of=None, key=key))
    return out
