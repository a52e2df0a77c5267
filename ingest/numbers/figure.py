"""Making a records.Figure: its surface from the offsets, its value as a float, its key."""
from ingest.records import Figure


def figure(text, s, e, value, kind, unit=None, qualifier=None, rate=None, iso=None,
           low=None, high=None, of=None):
    """The figure text[s:e]. Its key pairs the same quantity across articles: kind plus
    unit (or what it counts or orders) plus rate, empty parts dropped ("money:EUR:month",
    "ordinal:year"); dates and years are keyed by kind alone."""
    if kind in ("date", "year"):
        key = kind
    else:
        key = kind + "".join(":" + x for x in (unit or of, rate) if x)
    return Figure(surface=text[s:e], start=s, end=e,
                  value=None if value is None else float(value), unit=unit, kind=kind,
                  qualifier=qualifier, rate=rate, iso=iso, low=low, high=high, of=of, key=key)


def date_iso(y, mo, d):
    """ISO 8601 for a date whose year or day may be unknown: 2025-12-03, 2025-12, --12-03."""
    if y:
        return "%04d-%02d-%02d" % (y, mo, d) if d else "%04d-%02d" % (y, mo)
    return "--%02d-%02d" % (mo, d)
