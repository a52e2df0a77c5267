"""Extract and normalise every figure a news sentence states.

    >>> [(f.surface, f.value, f.unit, f.kind, f.key)
    ...  for f in extract("They plan to spend 1 billion euros per month.")]
    [('1 billion euros per month', 1000000000.0, 'EUR', 'money', 'money:EUR:month')]

Method: compiled regular expressions find the *core* of every figure (digits,
spelled-out numbers, ordinals, fractions, multipliers, dates) and mask what only looks
like a number (URLs, e-mails, phone numbers, identifiers such as COVID-19 or F-16,
version numbers, clock times).  Each core is then grown with small anchored patterns:
to the left a currency symbol and a qualifier ("about", "more than"); to the right a
scale ("billion", "bn"), a percent sign, a currency, a unit, a rate ("per month") or,
failing those, the counted noun ("32 member states" -> "member state").

Modules, each decision in one place:
    lexicon      word tables: number words, scales, currencies, units, periods, qualifiers
    patterns     the compiled regular expressions built from those tables
    nouns        singular(word), is_plural(word) for counted nouns
    words        values of number words, spelled fractions, "and a half"
    scan         candidate positions and core matches
    grow         growing a core left and right (Growth); counted and ordered nouns
    qualifiers   qualifiers, bounds, rates; two bounds joined into one range
    figure       making a records.Figure and its pairing key
    cardinals    digit and spelled numbers: proportions, ranges, years, counts
    ordinals     ordinal and fraction words
    extractor    extract(text): cores -> figures, names dropped, bounds joined

Pure: no I/O, deterministic; a non-string or blank text gives [].  A bug raises: no
error is swallowed here.  See docs/numbers.md for the decisions.
"""
from .extractor import extract

__all__ = ["extract"]
