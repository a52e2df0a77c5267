"""Making a records.Figure: its surface from the offsets, its value as a float, its unit
by pint's canonical name, its key."""
from ingest.records import Figure

from .lexicon import MEASURES
from .units import build, compound, significant

# every measure code and percent unit, resolved by pint once, at import
UNITS = build(set(MEASURES.values()) - {"bpd"} | {"%", "pp", "bp"})


def figure(text, s, e, value, kind, unit=None, qualifier=None, rate=None, iso=None,
           low=None, high=None, of=None):
    """The figure text[s:e]. A measure's or percentage's unit code becomes pint's
    canonical name ("km" -> "kilometer", "%" -> "percent"); a measure also gets its
    dimension and base-unit value. An N-year-old is an age. The key pairs the same
    quantity across articles: kind plus unit (measures: their dimension; counts and
    ordinals: what they count or order) plus rate, empty parts dropped
    ("money:EUR:month", "measure:length", "ordinal:year"); dates and years are keyed by
    kind alone."""
    value, low, high = _exact(value), _exact(low), _exact(high)
    dimension = base = None
    if kind == "duration" and of == "age":
        kind, of = "age", None
    if kind in ("measure", "percent") and (unit in UNITS or kind == "measure" and unit and "/" in unit):
        u = compound(UNITS, unit)
        unit = u.name
        if kind == "measure" and value is not None:
            dimension, base = u.dimension, significant(u.base(value), 2)
    if kind in ("date", "year"):
        key = kind
    else:
        key = kind + "".join(":" + x for x in (dimension or unit or of, rate) if x)
    return Figure(surface=text[s:e], start=s, end=e, value=value, unit=unit, kind=kind,
                  qualifier=qualifier, rate=rate, iso=iso, low=low, high=high, of=of, key=key,
                  dimension=dimension, base=base)


def _exact(x):
    """x as a float without the binary noise of scaling ("£4.1 billion" is 4100000000.0,
    not 4099999999.9999995; "41 cents" 0.41): 15 significant digits keep every digit a
    figure states ("$31,412,345,678,901") and drop the noise of the 16th and 17th."""
    return None if x is None else float("%.15g" % x)


def date_iso(y, mo, d):
    """ISO 8601 for a date whose year or day may be unknown: 2025-12-03, 2025-12, --12-03."""
    if y:
        return "%04d-%02d-%02d" % (y, mo, d) if d else "%04d-%02d" % (y, mo)
    return "--%02d-%02d" % (mo, d)


def short_year(yy):
    """The year two digits stand for ("'90s", "in early '09", "05/03/13"): 00-29 are
    2000-2029, 30-99 the 1900s (news writes of the recent past and the near future)."""
    return int((2000 if yy < 30 else 1900) + yy)
