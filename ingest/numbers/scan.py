"""Where figures start: the core matches of a text, left to right.

Candidate positions come from two C-level scans (digits and fraction signs; starter
words), so the anchored core patterns run at a handful of positions.  Identifiers
("COVID-19", "F-16", "G7", "Twenty20") are skipped whole, URLs and e-mail addresses masked.
"""
import re

from .lexicon import CURRENCY_SIGNS, ID_PREFIXES, MONTHS
from .patterns import (
    CANDIDATE_DIGIT,
    CANDIDATE_WORD,
    CANDIDATE_WORD_ANY_CASE,
    CORE,
    CORE_AT_DIGIT,
    CORE_AT_WORD,
    ID_TAIL,
    URL_OR_MAIL,
)


def cores(text):
    """Matches of CORE_AT_DIGIT or CORE_AT_WORD at the candidate positions, left to right
    (they may overlap: the caller skips those that start inside an earlier figure)."""
    digs = list(CANDIDATE_DIGIT.finditer(text))
    low = text.lower()
    words = list((CANDIDATE_WORD if len(low) == len(text) else CANDIDATE_WORD_ANY_CASE).finditer(
        low if len(low) == len(text) else text))
    if not digs and not words:
        return
    cands = sorted(digs + words, key=lambda c: c.start()) if digs and words else digs or words
    masks = []
    if "@" in text or "://" in text or "www." in text:
        masks = [(m.start(), m.end()) for m in URL_OR_MAIL.finditer(text)]
    skip = 0
    n = len(text)
    for c in cands:
        i = c.start()
        if i < skip or masks and any(a <= i < b for a, b in masks):
            continue
        if c.re is CANDIDATE_DIGIT:
            j = i
            if text[j + 1:j + 2] == "×" and re.match(r"\d×\d(?!\w|[.,]\d)", text[j:j + 5]) and not text[j - 1:j].isalnum():
                skip = j + 3      # "a 4×4 car": a name, as "4x4" (below)
                continue
            if text[j].isdigit():
                # an identifier: letters, optional hyphen, digits ("COVID-19", "F-16", "G7")
                q = j - 1 if j > 0 and text[j - 1] == "-" else j
                r = q
                while r > 0 and (text[r - 1].isascii() and text[r - 1].isalpha() or text[r - 1] == "."):
                    r -= 1
                while r < q and text[r] == ".":
                    r += 1
                if r < q:
                    skip = ID_TAIL.match(text, j).end()
                    # "mid-2025", "by2025", "RM79", "$US1": the letters are a prefix (a
                    # currency's among them), keep the digits
                    w = re.match(r"[A-Za-z]+", text[r:q]).group(0).lower()
                    if w in ID_PREFIXES or text[r - 1:r] == "$" and "$" + w in CURRENCY_SIGNS:
                        # glued letters fail the digit core's look-behind: read the bare number
                        m = CORE_AT_DIGIT.match(text, j) or (CORE.match(text, j) if text[j - 1].isalpha() else None)
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
                    m = CORE_AT_DIGIT.match(text, k)
                    if m is not None:
                        yield m
                        continue
            m = CORE_AT_DIGIT.match(text, i)
        else:
            e = c.end()
            if e < n and (text[e].isdigit() or text[e] == "-" and text[e + 1:e + 2].isdigit()):
                skip = ID_TAIL.match(text, e).end()   # "Twenty20", "one-2": a name
                continue
            if low[i:e] in MONTHS and text[i].islower():
                continue          # months only capitalised: "may", "march" are verbs
            m = CORE_AT_WORD.match(text, i)
        if m is not None:
            yield m
