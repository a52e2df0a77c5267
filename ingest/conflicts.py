"""Where the sources of one story disagree: numbers, credit, acronyms, quotations, dates, names.

    >>> [(c.kind, c.value_a, c.value_b) for c in between(
    ...     "As the war enters its third year, the stakes rise.",
    ...     "As the war enters its fourth year, the stakes rise.")]
    [('number', 'third', 'fourth')]

`story_conflicts(sentences, alignments, claims, docs, labels)` fills the `conflicts` table
for one story; `between(a, b)` is the SQL function `newsdiff_conflicts(a, b)` and runs the
very same detectors on two texts taken as two one-paragraph articles.

Every detector works on *mentions* (a figure, a date, a credited statement, a quotation,
an acronym expansion, a name) and pairs mentions of two articles that state the same
fact, judged on the clause around the mention, not on whole sentences: rewrites split,
merge and reorder sentences, so alignments are only hints.  Pairing is one-to-one per
pair of articles, equal readings first (an article that says "4 billion" and "5
billion" agrees with one that says both).  Pairs are then joined across articles into
one disagreement, reported once with every holder named in `detail`.

A story of more than align.FULL_STORY articles pairs mentions only between its candidate
pairs of articles (align.candidate_pairs, the pairs the aligner compared), so that its cost
grows with articles x align.NEIGHBOURS, not with the square of the story.

Pure: records in, records out; deterministic; never raises on text.  See docs/conflicts.md.
"""
import datetime as _dt
import functools
import re
from collections import defaultdict

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.distance import JaroWinkler, LCSseq
from scipy.sparse import csr_matrix, triu as sp_triu

from ingest import numbers, segment
from ingest.align import candidate_pairs
from ingest.records import Conflict, Sentence
from ingest.text import STOP_WORDS, normalize, parse_iso, stems as words

__all__ = ["story_conflicts", "between", "KINDS"]

KINDS = ("number", "date", "attribution", "quote", "acronym", "spelling")

# between(): longer input is cut here, so that a SQL call stays fast on junk.
MAX_CHARS = 20000

# Figure pairing (measured on tests/data/conflicts_gold.json, docs/conflicts.md):
# score = CTX_WEIGHT * dice(clause words) + (1 - CTX_WEIGHT) * dice(sentence words)
CTX_WEIGHT = 0.6
SAME_MIN = 0.2        # an equal reading pairs (and is then off the table) from this score
CONFLICT_MIN = 0.3    # a different reading is the same fact from this score
CTX_MIN = 0.2         # ... and the clauses around the two figures share this much (dice)
CTX_ALONE = 0.4       # ... or, when no word right beside the figures is shared, this much
APPROX = 0.15         # "about 5" covers 4.25..5.75
STATEMENT_MIN = 0.45  # dice of content words for "the same statement" (attribution)
STATEMENT_WORDS = 3   # ... and at least this many content words in common

_STOP = frozenset(words(" ".join(sorted(STOP_WORDS))))
# Casualty words news copy uses interchangeably ("24 dead", "killing 24", "death toll of 24").
_CANON = {}
for _canon, _ws in {"kill": "kill killed killing kills dead death deaths died die dies toll fatality "
                            "fatalities life lives perished deadly",
                    "injur": "injure injured injuring injuries injury hurt wounded wounding wound "
                             "hospitalised hospitalized"}.items():
    for _w in _ws.split():
        for _s in words(_w):
            _CANON[_s] = _canon
del _canon, _ws, _w, _s
# Number words and words that every figure drags along say nothing about what is measured.
_NUMWORDS = frozenset(words("zero one two three four five six seven eight nine ten eleven twelve "
                            "twenty thirty forty fifty hundred thousand million billion trillion bn "
                            "dozen dozens first second third fourth fifth percent per cent"))


def _content(text):
    """Content words of a text: lightly stemmed, no stop words, no digits, casualty words canonical."""
    return [_CANON.get(w, w) for w in words(text)
            if w not in _STOP and w not in _NUMWORDS and not w[0].isdigit()]


def _dice(a, b):
    if not a or not b:
        return 0.0
    return 2.0 * len(a & b) / (len(a) + len(b))


# ---------------------------------------------------------------- the story, prepared once
class _Sent:
    """A body sentence with what every detector reads from it."""

    __slots__ = ("id", "art", "idx", "text", "figures", "content", "pos", "when")

    def __init__(self, s, pos):
        self.id, self.art, self.idx, self.text = s.id, s.article_id, s.idx, s.text or ""
        # a story's stored figures, as the numbers table holds them (between() reads its own)
        self.figures = s.figures
        self.content = frozenset(_content(self.text))
        self.pos = pos
        self.when = _when(self.text)


# ---------------------------------------------------------------- background about other events
# A figure in a sentence that places itself in another time ("A 6.1 quake struck in
# September, killing seven"; "the 2004 tsunami killed 170,000"; "Last year, a 6.4 quake")
# is background about another event: it is compared only with figures placed in that same
# time, never with the story's own figures. Times with a day ("Jan. 4", "on Sunday") are
# left out: news gives the story's own days that way. Years and months the story is
# published in (its dates, its datelines) are the story's time, not background.
_MONTH_RX = (r"Jan(?:uary|\.)|Feb(?:ruary|\.)|March|April|May|June|July|Aug(?:ust|\.)|"
             r"Sept?(?:ember|\.)|Oct(?:ober|\.)|Nov(?:ember|\.)|Dec(?:ember|\.)")
# "in September", "In June 2012", "during 2004", "the 2004 tsunami", "last year"; not "the
# tsunami of 2004" (an attribute of a place the story happens in) nor "since 2004"
_WHEN = re.compile(r"\b(?:(?i:(last|next|earlier this|later this)\s+(year|month))|"
                   r"(?:[Ii]n|[Dd]uring|[Tt]he)\s+(?:(?:early|late|mid)-?\s*)?(?:(" + _MONTH_RX + r")(?!\s*\d{1,2}\b)"
                   r"(?:\s*,?\s*((?:19|20)\d\d))?|((?:19|20)\d\d)))\b(?!\s*(?:%|per|people|km|miles|kilomet|houses|homes))")
# A sentence placed in another time still pairs with one placed in none when the two say
# largely the same thing (content dice): the same background restated without its year.
BACKGROUND_SAME = 0.5


def _when(text):
    """The other times a sentence places itself in: {'2004', 'september', 'last year', ...}."""
    out = set()
    for m in _WHEN.finditer(text):
        if m.group(2):
            out.add("%s %s" % (m.group(1).lower(), m.group(2).lower()))
        elif m.group(3):
            mo = m.group(3).lower().rstrip(".")[:3]
            out.add(mo)
            if m.group(4):
                out.add(m.group(4))
        elif m.group(5):
            out.add(m.group(5))
    return frozenset(out)


def _story_time(sentences, docs):
    """Years and months (3-letter) a story is published in: its docs' dates and the dates
    of its non-body lines (datelines, 'Updated: July 2, 2013')."""
    now = set()
    for d in docs or ():
        p = _published(d)
        if p is not None:
            now |= {str(p.year), _MONTHS[p.month - 1][:3]}
    for s in sentences or ():
        if (getattr(s, "role", None) or "body") != "body":
            now |= _when(s.text or "")
            for f in getattr(s, "figures", None) or ():
                if f.kind == "date" and f.iso and not f.iso.startswith("--"):
                    now.add(f.iso[:4])
                    if len(f.iso) >= 7:
                        now.add(_MONTHS[int(f.iso[5:7]) - 1][:3])
    return frozenset(now)


_CLAUSE_CUT = re.compile(r"[,;:()\[\]«»\"“”]|\s[-–—]\s|—")


# A clause reaches at most this far either side of a figure: what lies further is not
# "around" it, and a sentence of thousands of figures must not cost their square.
CLAUSE_REACH = 300


def _clause(text, start, end):
    """The clause around text[start:end]: bounded by commas, semicolons, brackets, dashes,
    and by CLAUSE_REACH characters."""
    lo = max(0, start - CLAUSE_REACH)
    for m in _CLAUSE_CUT.finditer(text, lo, start):
        lo = m.end()
    m = _CLAUSE_CUT.search(text, end, end + CLAUSE_REACH)
    hi = m.start() if m else min(len(text), end + CLAUSE_REACH)
    return lo, hi


def _label(labels, art):
    lab = labels.get(art) if labels else None
    return str(lab) if lab not in (None, "") else "article %s" % art


def _holders(labels, arts):
    names = [_label(labels, a) for a in sorted(arts)]
    if len(names) == 1:
        return names[0], "says"
    return ", ".join(names[:-1]) + " and " + names[-1], "say"


def _snippet(text, start, end, width=40):
    lo = max(0, start - width)
    hi = min(len(text), end + width)
    lo = text.rfind(" ", 0, lo) + 1 if lo > 0 else 0
    sp = text.find(" ", hi)
    hi = sp if sp != -1 and hi < len(text) else len(text)
    return ("…" if lo > 0 else "") + text[lo:hi].strip() + ("…" if hi < len(text) else "")


class _UF:
    def __init__(self):
        self.p = {}

    def __call__(self, x):
        p = self.p
        p.setdefault(x, x)
        while p[x] != x:
            p[x] = p[p[x]]
            x = p[x]
        return x

    def union(self, a, b):
        ra, rb = self(a), self(b)
        if ra != rb:
            self.p[max(ra, rb)] = min(ra, rb)


# ---------------------------------------------------------------- mentions of quantities and dates
class _Mention:
    """A figure or a date in a sentence, with the words around it."""

    __slots__ = ("sent", "surface", "start", "end", "key", "kind", "value", "low", "high",
                 "qual", "ctx", "near", "date", "casualty", "unit", "base")

    def __init__(self, sent, surface, start, end, key, kind, value=None, low=None, high=None,
                 qual=None, date=None, unit=None, base=None):
        self.sent, self.surface, self.start, self.end = sent, surface, start, end
        self.unit, self.base = unit, base
        self.key, self.kind, self.value, self.low, self.high, self.qual = key, kind, value, low, high, qual
        self.date = date
        text = sent.text
        lo, hi = _clause(text, start, end)
        left = _content(text[lo:start])
        right = _content(text[end:hi])
        if kind == "date" and len(left) + len(right) < 2:
            # "On December 3, Hungary's minister said...": a date's clause of its own says
            # nothing, so the one next to it stands in
            lo2, _ = _clause(text, max(0, lo - 1), max(0, lo - 1)) if lo else (lo, hi)
            _, hi2 = _clause(text, hi + 1, hi + 1) if hi < len(text) else (lo, hi)
            left = _content(text[lo2:start])
            right = _content(text[end:hi2])
        self.ctx = frozenset(left[-8:] + right[:8])
        # a bare number is only what the word right beside it says ("24 dead", "magnitude 6.1")
        w = 1 if kind in ("number", "ordinal") and ":" not in (key or "") else 2
        self.near = frozenset(left[-w:] + right[:w])
        # the dead and the injured are two quantities even when both are "people"
        self.casualty = frozenset(left[-2:] + right[:2]) & {"kill", "injur"}


def _interval(m):
    if m.low is not None and m.high is not None:
        return m.low, m.high
    v = m.value
    if m.qual == "approximate":
        return v * (1 - APPROX), v * (1 + APPROX)
    if m.qual == "lower bound":
        return v, float("inf")
    if m.qual == "upper bound":
        return float("-inf"), v
    return v, v


def _num_relation(a, b):
    """'same', 'weak' (different but compatible: a qualifier or range covers both) or 'strong'."""
    exact_a = a.qual is None and a.low is None
    exact_b = b.qual is None and b.low is None
    if a.unit != b.unit and a.base is not None and b.base is not None:
        # units that convert ("5 km", "3.1 miles"): compared in base units, to the two
        # significant digits records.Figure.amount keeps
        if a.base == b.base:
            return "same"
        return "strong" if exact_a and exact_b else "weak"
    if exact_a and exact_b:
        return "same" if abs(a.value - b.value) <= 1e-9 * max(1.0, abs(a.value)) else "strong"
    if a.qual == b.qual and a.low == b.low and a.high == b.high and abs(a.value - b.value) <= 1e-9 * max(1.0, abs(a.value)):
        return "same"
    la, ha = _interval(a)
    lb, hb = _interval(b)
    return "weak" if la <= hb and lb <= ha else "strong"


def _compatible_keys(a, b):
    if a.kind != "date" and a.sent.when != b.sent.when:
        # background about another time against the story's figures, or two other times
        if a.sent.when and b.sent.when or _dice(a.sent.content, b.sent.content) < BACKGROUND_SAME:
            return False
    if a.casualty != b.casualty and a.casualty and b.casualty:
        return False
    if a.kind == "date" or b.kind == "date":
        return a.kind == b.kind
    if a.key == b.key:
        if a.kind in ("number", "ordinal") and ":" not in (a.key or ""):
            # a bare number or ordinal: only with a measured word in common right beside it
            return bool(a.near & b.near)
        return True
    kinds = {a.kind, b.kind}
    if kinds <= {"number", "count"} and "number" in kinds:
        # "24 dead" (number) and "24 people killed" (count): the same only if the words
        # beside the figures name the same thing
        return bool(a.near & b.near)
    return False


def _figure_mentions(sent):
    out = []
    for f in sent.figures:
        kind = f.kind
        if kind in ("date", "year"):
            continue          # dates are read by _date_mentions
        if f.value is None or not f.key:
            continue
        out.append(_Mention(sent, f.surface, f.start, f.end, f.key, kind, float(f.value),
                            f.low, f.high, f.qualifier, unit=f.unit, base=f.base))
    return out


# ---------------------------------------------------------------- dates
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december"]
_REL = re.compile(r"\b(?:(last|this|next|on|early|late)\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|"
                  r"Saturday|Sunday)(?:'s|’s)?\b|\b(yesterday|today)\b|\b(last|this|next)\s+(January|February|"
                  r"March|April|May|June|July|August|September|October|November|December)\b", re.I)


def _published(doc):
    d = parse_iso(getattr(doc, "published", None))
    return d.date() if isinstance(d, _dt.datetime) else d


def _date_mentions(sent, pub):
    """Dates of a sentence as (iso or None, weekday or None); relative ones resolved against pub."""
    out = []
    text = sent.text
    taken = []
    for f in sent.figures:
        if f.kind == "date" and f.iso:
            iso = f.iso
            if iso.startswith("--") and pub is not None:
                iso = "%04d%s" % (pub.year, iso[1:])
            out.append(_Mention(sent, f.surface, f.start, f.end, "date", "date", date=(iso, None)))
            taken.append((f.start, f.end))
    for m in _REL.finditer(text):
        if any(a - 12 <= m.start() <= b + 2 for a, b in taken):
            continue          # "Tuesday, July 2": the weekday of a full date is not a second date
        iso = wd = None
        if m.group(2):
            wd = m.group(2).lower()
            if pub is not None:
                back = (pub.weekday() - _WEEKDAYS.index(wd)) % 7
                if (m.group(1) or "").lower() == "next":
                    back = back - 7 if back else -7
                iso = (pub - _dt.timedelta(days=back)).isoformat()
        elif m.group(3):
            if pub is None:
                continue
            iso = (pub - _dt.timedelta(days=1 if m.group(3).lower() == "yesterday" else 0)).isoformat()
        else:
            if pub is None:
                continue
            mo = _MONTHS.index(m.group(5).lower()) + 1
            rel = m.group(4).lower()
            y = pub.year
            if rel == "last" and mo >= pub.month:
                y -= 1
            elif rel == "next" and mo <= pub.month:
                y += 1
            iso = "%04d-%02d" % (y, mo)
        out.append(_Mention(sent, m.group(0), m.start(), m.end(), "date", "date", date=(iso, wd)))
    return out


def _date_relation(a, b):
    (ia, wa), (ib, wb) = a.date, b.date
    if ia and ib and not ia.startswith("--") and not ib.startswith("--"):
        n = min(len(ia), len(ib))
        return "same" if ia[:n] == ib[:n] else "strong"
    if ia and ib:
        return "same" if ia[-5:] == ib[-5:] else "strong"
    wa = wa or _weekday(ia)
    wb = wb or _weekday(ib)
    if wa and wb:
        return "same" if wa == wb else "strong"
    return "same"     # nothing to compare


def _weekday(iso):
    if iso and len(iso) == 10 and not iso.startswith("--"):
        try:
            return _WEEKDAYS[_dt.date.fromisoformat(iso).weekday()]
        except ValueError:
            return None
    return None


def _date_text(m):
    iso, wd = m.date
    return m.surface if not iso or iso.lower() == m.surface.lower() else "%s (%s)" % (m.surface, iso)


# ---------------------------------------------------------------- pairing mentions
def _pair_score(a, b):
    return CTX_WEIGHT * _dice(a.ctx, b.ctx) + (1 - CTX_WEIGHT) * _dice(a.sent.content, b.sent.content)


def _article_pairs(arts, compared):
    """(x, y), x < y in sorted order, of these articles: all pairs, or those in compared."""
    arts = sorted(arts)
    for i, x in enumerate(arts):
        for y in arts[i + 1:]:
            if compared is None or (x, y) in compared:
                yield x, y


# Mentions of one article compared at most: pairing is their product per pair of articles,
# and a news article states far fewer figures (a table pasted as text does not).
MAX_MENTIONS = 500


def _by_key(mentions):
    """An article's mentions indexed the way _compatible_keys can pair them: dates, the
    others by key, and bare numbers and counts (which may pair across keys)."""
    dates, keyed, numbery = [], defaultdict(list), []
    for m in mentions:
        if m.kind == "date":
            dates.append(m)
        else:
            keyed[m.key].append(m)
            if m.kind in ("number", "count"):
                numbery.append(m)
    return dates, keyed, numbery


def _may_be_compatible(a, index):
    """The mentions of another article that _compatible_keys might accept with a: a
    superset, found without trying every pair (figures of wire copies pair up by the
    hundred per pair of articles)."""
    dates, keyed, numbery = index
    if a.kind == "date":
        return dates
    same = keyed.get(a.key, [])
    if a.kind not in ("number", "count"):
        return same
    return same + [b for b in numbery if b.key != a.key and "number" in (a.kind, b.kind)]


def _match(mentions_by_art, relation, compared=None):
    """One-to-one pairs of mentions per pair of articles: [(a, b, relation, score)]."""
    out = []
    index = {art: _by_key(ms[:MAX_MENTIONS]) for art, ms in mentions_by_art.items()}
    for x, y in _article_pairs(mentions_by_art, compared):
        cands = []
        for a in mentions_by_art[x][:MAX_MENTIONS]:
            for b in _may_be_compatible(a, index[y]):
                if not _compatible_keys(a, b):
                    continue
                s = _pair_score(a, b)
                if s < SAME_MIN:
                    continue
                rel = relation(a, b)
                if rel != "same":
                    # a different reading needs the clause, not just the sentence, to agree
                    c = _dice(a.ctx, b.ctx)
                    if s < CONFLICT_MIN or c < CTX_MIN or c < CTX_ALONE and not a.near & b.near:
                        continue
                # equal readings first: they explain a figure before a different one can
                cands.append((s + (0.2 if rel == "same" else 0.0), a.sent.pos, a.start, b.sent.pos, b.start, a, b, rel, s))
        cands.sort(key=lambda c: (-c[0], c[1], c[2], c[3], c[4]))
        used = set()
        for c in cands:
            a, b = c[5], c[6]
            if id(a) in used or id(b) in used:
                continue
            used.add(id(a))
            used.add(id(b))
            out.append((a, b, c[7], c[8]))
    return out


def _group(pairs):
    """Join pairs of mentions across articles into facts; the facts holding a disagreement.

    Best pairs first, and two facts join only if no article states both and their keys
    agree: one mention per article and fact, so that a chain of pairs cannot run from
    the injured to the dead to the magnitude."""
    uf = _UF()
    arts, keys, near = {}, {}, {}
    for a, b, _, _ in pairs:
        for m in (a, b):
            arts.setdefault(id(m), {m.sent.art})
            keyed = ":" in (m.key or "") or m.kind == "date"
            keys.setdefault(id(m), {(m.key, *sorted(m.casualty))} if keyed else set())
            near.setdefault(id(m), None if keyed else m.near)
    kept = []
    for p in sorted(pairs, key=lambda p: (-p[3], p[0].sent.pos, p[0].start, p[1].sent.pos, p[1].start)):
        ra, rb = uf(id(p[0])), uf(id(p[1]))
        if ra == rb:
            kept.append(p)
            continue
        if arts[ra] & arts[rb] or len(keys[ra] | keys[rb]) > 1:
            continue
        na, nb = near[ra], near[rb]
        both = na & nb if na is not None and nb is not None else (na if nb is None else nb)
        if both is not None and not both:
            continue      # bare numbers join only while one measured word is common to all
        uf.union(ra, rb)
        r = uf(ra)
        arts[r] = arts[ra] | arts[rb]
        keys[r] = keys[ra] | keys[rb]
        near[r] = both
        kept.append(p)
    groups = defaultdict(list)
    for p in kept:
        groups[uf(id(p[0]))].append(p)
    out = [g for g in groups.values() if any(p[2] != "same" for p in g)]
    out.sort(key=lambda g: min((p[0].sent.pos, p[0].start) for p in g))
    return out


def _classes(group, same):
    """Mentions of a group in classes of equal readings: [[mention]], largest first."""
    ms = []
    for a, b, _, _ in group:
        for m in (a, b):
            if all(m is not x for x in ms):
                ms.append(m)
    ms.sort(key=lambda m: (m.sent.pos, m.start))
    classes = []
    for m in ms:
        for c in classes:
            if same(c[0], m):
                c.append(m)
                break
        else:
            classes.append([m])
    classes.sort(key=lambda c: (-len({m.sent.art for m in c}), c[0].sent.pos))
    return classes


def _quantity_conflicts(pairs, relation, kind, show, labels):
    rows = []
    for group in _group(pairs):
        classes = _classes(group, lambda x, y: relation(x, y) == "same" or show(x).lower() == show(y).lower()
                           or x.value is not None and x.value == y.value)
        # qualifier-only differences ("230,000" / "about 230,000") are not worth a row
        diff = [p for p in group if p[2] != "same" and (p[0].value != p[1].value or p[0].value is None)]
        if not diff:
            continue
        rep = max(diff, key=lambda p: (p[3], -p[0].sent.pos))
        a, b = sorted((rep[0], rep[1]), key=lambda m: (m.sent.pos, m.start))
        ca = next(c for c in classes if any(m is a for m in c))
        cb = next(c for c in classes if any(m is b for m in c))
        parts = []
        for c in [ca, cb] + [c for c in classes if c is not ca and c is not cb]:
            who, verb = _holders(labels, {m.sent.art for m in c})
            parts.append('%s %s %s ("%s")' % (who, verb, show(c[0]), _snippet(c[0].sent.text, c[0].start, c[0].end)))
        strength = "strong" if any(p[2] == "strong" for p in diff) else "weak"
        detail = "; ".join(parts)
        if strength == "weak":
            detail += " — compatible readings (a qualifier or a range), so uncertain"
        rows.append((kind, a.sent, b.sent, show(a), show(b), detail, strength))
    return rows


def _numbers(fig_pairs, labels):
    return _quantity_conflicts(fig_pairs, _num_relation, "number", lambda m: m.surface, labels)


def _dates(sents, pubs, labels, compared=None):
    by_art = defaultdict(list)
    for s in sents:
        by_art[s.art].extend(_date_mentions(s, pubs.get(s.art)))
    return _quantity_conflicts(_match(by_art, _date_relation, compared), _date_relation, "date", _date_text, labels)


# ---------------------------------------------------------------- names, agents, statements
_NAME_RUN = re.compile(r"[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|(?:van|von|de|der|al|bin)\b))*")
_REPORT = frozenset(words(
    "said says say stated states told tells added adds revealed reveals outlined outlines announced "
    "announces signaled signalled signals stressed stresses emphasized emphasised emphasizes underscored "
    "warned warns noted notes argued argues claimed claims aims aimed aiming plans planned proposed "
    "proposes pledged pledges promised promises urged urges called insisted insists confirmed confirms "
    "declared declares asserted asserts explained explains wrote writes unveiled unveils presented "
    "suggested suggests estimated estimates predicted vowed vows wants intends sought seeks set sets "
    "reiterated reiterates asked asks announced admitted denied denies acknowledged described "
    "reported reports quoted"))
_SKIP = frozenset(words("has have had is was were will would also then earlier again reportedly "
                        "has been later today yesterday once already further"))
_PRONOUN = re.compile(r"\b(?:he|she)\s+(?:\w+\s+)?(?:said|added|stated|told|says|noted|stressed|warned)\b", re.I)


def _name_runs(text, lower_vocab):
    """[(start, end, surname, possessive)] of capitalised runs that look like names."""
    out = []
    for m in _NAME_RUN.finditer(text):
        toks = m.group(0).split()
        start = m.start()
        # the first word of a sentence is capitalised anyway: a name only if never lower-case
        while toks and (toks[0].lower().strip("’'.") in STOP_WORDS
                        or start == 0 and (toks[0].lower() in lower_vocab or _zipf(toks[0].lower()) >= 4.0)):
            start += len(toks[0]) + 1
            toks = toks[1:]
        if not toks:
            continue
        last = toks[-1]
        poss = last.endswith(("’s", "'s"))
        sur = re.sub(r"(?:’s|'s|[’'.])$", "", last)
        if len(sur) < 2 or sur.isupper() and len(sur) <= 5 and len(toks) == 1:
            continue      # acronyms (NATO, US) are organisations named everywhere
        out.append((start, m.end(), sur, poss))
    return out


def _agents(text, runs):
    """Surnames credited in a sentence: a name before a reporting or act verb, or after 'said'/'according to'."""
    out = []
    for start, end, sur, poss in runs:
        if poss:
            continue
        rest = text[end:end + 120]
        toks = re.findall(r"[A-Za-z]+|,", rest)[:12]
        k = 0
        if toks[:1] == [","]:
            # an appositive: "Rutte, NATO's chief, said" or "Rutte, has signaled" (not
            # "Moscow, arguing that": a participle after a comma belongs to the clause before)
            j = toks.index(",", 1) if "," in toks[1:9] else 0
            k = j + 1 if j else 1
            if not j and (len(toks) < 2 or _stem1(toks[1]) not in _SKIP):
                k = len(toks)
        while k < len(toks) and toks[k] != "," and _stem1(toks[k]) in _SKIP:
            k += 1
        if k < len(toks) and toks[k] != "," and _stem1(toks[k]) in _REPORT:
            out.append(sur)
            continue
        before = text[max(0, start - 25):start].lower()
        if re.search(r"(?:said|says|according to|stated|told by|by)\s*$", before):
            out.append(sur)
    return out


def _stem1(w):
    ws = words(w)
    return ws[0] if ws else ""


def _same_person(x, y):
    # spelling variants of one name (Siyarto / Szijjarto) are one person: _spelling reports them
    x, y = x.lower(), y.lower()
    return x == y or JaroWinkler.similarity(x, y) >= 0.84 and fuzz.ratio(x, y) >= 70


def _statement_pairs(sents, by_id, alignments, claims, fig_pairs, compared=None):
    """Pairs of sentences of two articles that state the same thing: {(pos_a, pos_b): why}."""
    out = {}

    def add(a, b, why):
        if a is None or b is None or a.art == b.art:
            return
        key = (a.pos, b.pos) if a.pos < b.pos else (b.pos, a.pos)
        out.setdefault(key, why)

    for a, b, rel, s in fig_pairs:
        if rel == "same":
            add(a.sent, b.sent, a.surface)     # first: names the statement in detail
    for al in alignments or ():
        add(by_id.get(al.sentence_a), by_id.get(al.sentence_b), "aligned")
    for cl in claims or ():
        members = [by_id.get(i) for i in (cl.sentence_ids or ())][:40]
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                add(a, b, "claim")
    # content words in common: an inverted index, words most sentences carry left out
    index = defaultdict(list)
    for s in sents:
        for w in s.content:
            index[w].append(s.pos)
    common = max(3, len(sents) // 3)
    shared = defaultdict(int)
    if compared is None:
        shared = _shared_counts([ps for ps in index.values() if len(ps) <= common], len(sents))
    else:
        # the same counts, for sentences of candidate pairs of articles only
        by_art = defaultdict(lambda: defaultdict(list))
        for w, ps in index.items():
            if len(ps) <= common:
                for p in ps:
                    by_art[sents[p].art][w].append(p)
        for x, y in sorted(compared):
            ix, iy = by_art.get(x), by_art.get(y)
            if not ix or not iy:
                continue
            if len(ix) > len(iy):
                ix, iy = iy, ix
            for w, ps in ix.items():
                for q in iy.get(w, ()):
                    for p in ps:
                        shared[(p, q) if p < q else (q, p)] += 1
    for (p, q), n in shared.items():
        a, b = sents[p], sents[q]
        if n >= STATEMENT_WORDS and a.art != b.art and 2.0 * n / (len(a.content) + len(b.content)) >= STATEMENT_MIN:
            add(a, b, "words")
    return out


def _shared_counts(postings, n):
    """{(p, q): words sentences p < q share} from each word's sorted sentence positions:
    the sentence-by-word incidence matrix times its transpose, in C rather than a Python
    loop over every pair of sentences a word has in common (the costly part of a story)."""
    if not postings:
        return {}
    rows = np.fromiter((p for ps in postings for p in ps), dtype=np.int64)
    cols = np.repeat(np.arange(len(postings)), [len(ps) for ps in postings])
    x = csr_matrix((np.ones(len(rows), dtype=np.int32), (rows, cols)), shape=(n, len(postings)))
    counts = sp_triu(x @ x.T, k=1).tocoo()
    keep = counts.data >= STATEMENT_WORDS   # most pairs share a word or two: never used
    return dict(zip(zip(counts.row[keep].tolist(), counts.col[keep].tolist()), counts.data[keep].tolist()))


def _attributions(sents, runs, agents, pairs, labels):
    cands = []
    for (p, q), why in sorted(pairs.items()):
        a, b = sents[p], sents[q]
        ga, gb = agents[p], agents[q]
        if not ga or not gb:
            continue
        if any(_same_person(x, y) for x in ga for y in gb):
            continue
        if _has_quote(a.text) and _has_quote(b.text):
            continue      # a quotation given to another speaker is reported as a quote
        # each credits someone the other never names as the actor
        if any(_same_person(x, r[2]) and not r[3] for x in ga for r in runs[q]):
            continue
        if any(_same_person(y, r[2]) and not r[3] for y in gb for r in runs[p]):
            continue
        score = _dice(a.content, b.content)
        cands.append((a, b, why, score))
    uf = _UF()
    for a, b, _, _ in cands:
        uf.union(a.pos, b.pos)
    groups = defaultdict(list)
    for c in cands:
        groups[uf(c[0].pos)].append(c)
    rows = []
    for g in sorted(groups.values(), key=lambda g: min(c[0].pos for c in g)):
        a, b, why, _ = max(g, key=lambda c: (c[3], -c[0].pos))
        credit = defaultdict(set)
        for c in g:
            for s in (c[0], c[1]):
                credit[agents[s.pos][0]].add(s.art)
        what = ('"%s"' % why) if why not in ("aligned", "claim", "words") else "the same statement"
        parts = []
        for who in sorted(credit, key=lambda w: (w != agents[a.pos][0], w != agents[b.pos][0], w)):
            h, _ = _holders(labels, credit[who])
            parts.append("%s to %s" % (h, who))
        detail = "%s credited %s: %s" % (what[0].upper() + what[1:], "differently", "; ".join(parts))
        detail += ' ("%s" / "%s")' % (_snippet(a.text, 0, 0, 60), _snippet(b.text, 0, 0, 60))
        rows.append(("attribution", a, b, agents[a.pos][0], agents[b.pos][0], detail, "strong"))
    return rows


# ---------------------------------------------------------------- quotations
_QUOTE = re.compile(r"«([^«»]{3,800})»|“([^“”]{3,800})”|(?<![\w])\"([^\"]{3,800})\"|"
                    r"(?<![\w’'])‘(.{3,800}?)’(?![\w])|(?<![\w'])'([^']{3,800}?)'(?![\w])")


def _has_quote(text):
    return any(len(re.findall(r"\w+", next(g for g in m.groups() if g is not None))) >= 4
               for m in _QUOTE.finditer(text))


class _Quote:
    __slots__ = ("sent", "text", "words", "speaker", "ctx", "start", "end")


def _quotes(sents, runs, agents):
    out = defaultdict(list)
    last_name = {}
    for s in sents:
        found = []
        for m in _QUOTE.finditer(s.text):
            inner = next(g for g in m.groups() if g is not None)
            ws = re.findall(r"\w+", normalize(inner).lower())
            if len(ws) < 4:
                continue      # scare quotes and titles: 'necessity', "just peace"
            q = _Quote()
            q.sent, q.text, q.words, q.start, q.end = s, inner.strip(" ,.;"), ws, m.start(), m.end()
            found.append(q)
        if found:
            sp = agents[s.pos][0] if agents[s.pos] else None
            if sp is None and _PRONOUN.search(s.text):
                sp = last_name.get(s.art)
            prev = sents[s.pos - 1] if s.pos and sents[s.pos - 1].art == s.art else None
            ctx = s.content | (prev.content if prev else frozenset())
            for q in found:
                q.speaker, q.ctx = sp, ctx
                out[s.art].append(q)
        if agents[s.pos]:
            last_name[s.art] = agents[s.pos][-1]
    return out


def _quote_pairs(qs_by_art, compared=None):
    out = []
    for x, y in _article_pairs(qs_by_art, compared):
        cands = []
        for a in qs_by_art[x]:
            for b in qs_by_art[y]:
                lcs = LCSseq.similarity(a.words, b.words)
                q = lcs / min(len(a.words), len(b.words))
                c = _dice(a.ctx, b.ctx)
                same_sp = a.speaker and b.speaker and _same_person(a.speaker, b.speaker)
                if q >= 0.8 or q >= 0.5 and c >= 0.2 or q >= 0.3 and c >= 0.35 and same_sp:
                    exact = a.words == b.words
                    cands.append((exact, q + c, a, b, lcs))
        cands.sort(key=lambda t: (not t[0], -t[1], t[2].sent.pos, t[2].start, t[3].sent.pos, t[3].start))
        used = set()
        for exact, sc, a, b, lcs in cands:
            if id(a) in used or id(b) in used:
                continue
            used.update((id(a), id(b)))
            out.append((a, b, exact, sc, lcs))
    return out


def _quote_conflicts(qs_by_art, labels, compared=None):
    pairs = _quote_pairs(qs_by_art, compared)
    uf = _UF()
    for a, b, *_ in pairs:
        uf.union(id(a), id(b))
    groups = defaultdict(list)
    for p in pairs:
        groups[uf(id(p[0]))].append(p)
    rows = []
    for g in sorted(groups.values(), key=lambda g: min((p[0].sent.pos, p[0].start) for p in g)):
        altered = [p for p in g if not p[2]]
        speakers = [p for p in g if p[0].speaker and p[1].speaker and not _same_person(p[0].speaker, p[1].speaker)]
        if not altered and not speakers:
            continue
        a, b, exact, sc, lcs = max(altered or speakers, key=lambda p: (p[3], -p[0].sent.pos))
        forms = []    # [(words, [quote])]
        for p in g:
            for q in (p[0], p[1]):
                for f in forms:
                    if f[0] == q.words:
                        if all(q is not x for x in f[1]):
                            f[1].append(q)
                        break
                else:
                    forms.append((q.words, [q]))
        if not exact:
            na, nb = len(a.words), len(b.words)
            how = ("shortened" if nb < na else "extended") if lcs == min(na, nb) else "altered"
        else:
            how = "given to different speakers"
        parts = []
        for ws, qs in sorted(forms, key=lambda f: (f[1][0] is not a and f[1][0] not in (a,), min(q.sent.pos for q in f[1]))):
            h, _ = _holders(labels, {q.sent.art for q in qs})
            who = sorted({q.speaker for q in qs if q.speaker})
            parts.append('%s%s: "%s"' % (h, (" (%s)" % ", ".join(who)) if who else "", qs[0].text))
        detail = "Quotation %s between sources — %s" % (how, "; ".join(parts))
        if speakers and altered:
            detail += " — and given to different speakers"
        rows.append(("quote", a.sent, b.sent, a.text, b.text, detail, "strong"))
    return rows


# ---------------------------------------------------------------- acronyms
_MINOR = frozenset("for of and the to in on a an at by with de du des la le & 's".split())
_ACR = r"([A-Z][A-Z0-9&]{1,8}s?)"
_ACR_AFTER = re.compile(r"\(\s*" + _ACR + r"\s*\)")
_ACR_BEFORE = re.compile(r"\b" + _ACR + r"\s*\(\s*([^()]{5,160})\)")
_ACR_APPOS = re.compile(r"\b" + _ACR + r",\s+(?:the|a|an)\s+([^,.;:()]{5,160})")


def _initials(ws):
    out = []
    for w in ws:
        for part in re.split(r"[-‐/]", w):
            part = re.sub(r"(?:’s|'s)$", "", part)
            if part and part.lower() not in _MINOR:
                out.append(part[0].upper())
    return "".join(out)


def _subseq(short, long):
    it = iter(long)
    return all(ch in it for ch in short)


def _fits(acr, ws):
    acr = acr.rstrip("s") if len(acr) > 2 and acr.endswith("s") else acr
    ini = _initials(ws)
    letters = re.sub(r"[^A-Z]", "", acr)
    return bool(ini) and bool(letters) and ini[0] == letters[0] and _subseq(letters, ini) \
        and len(ini) <= 2 * len(letters) + 2


def _expansions(s):
    """[(acronym, expansion, start, end)] a sentence defines."""
    out = []
    text = s.text
    for m in _ACR_AFTER.finditer(text):
        acr = m.group(1)
        before = re.findall(r"[\w’'-]+", text[max(0, m.start() - 200):m.start()])
        n = len(re.sub(r"[^A-Z]", "", acr))
        best = None
        for j in range(len(before) - 1, max(-1, len(before) - 2 * n - 4), -1):
            ws = before[j:]
            if ws[0].lower() in _MINOR:
                continue
            if _fits(acr, ws) and ws[0][0].isupper():
                best = ws
                break
        if best:
            out.append((acr, " ".join(best), m.start(), m.end()))
    for rx in (_ACR_BEFORE, _ACR_APPOS):
        for m in rx.finditer(text):
            acr, body = m.group(1), m.group(2)
            ws = re.findall(r"[\w’'-]+", body)
            # shortest prefix that spells the acronym, then the capitalised words that follow
            for k in range(1, len(ws) + 1):
                if _fits(acr, ws[:k]) and _subseq(re.sub(r"[^A-Z]", "", acr), _initials(ws[:k])):
                    while k < len(ws) and (ws[k][0].isupper() or ws[k].lower() in _MINOR and k + 1 < len(ws) and ws[k + 1][0].isupper()):
                        k += 1
                    out.append((acr, " ".join(ws[:k]), m.start(), m.end()))
                    break
    return out


def _norm_exp(e):
    e = normalize(e).lower().replace("-", " ")
    return " ".join(re.findall(r"\w+", e.replace("'s", "s")))


def _acronyms(sents, labels):
    seen = defaultdict(list)     # acronym -> [(norm, expansion, sentence)]
    for s in sents:
        for acr, exp, st, en in _expansions(s):
            seen[acr].append((_norm_exp(exp), exp, s))
    rows = []
    for acr in sorted(seen):
        forms = []
        for norm, exp, s in seen[acr]:
            for f in forms:
                if f[0] == norm or fuzz.ratio(f[0], norm) >= 92:
                    f[2].append(s)
                    break
            else:
                forms.append((norm, exp, [s]))
        if len(forms) < 2:
            continue
        forms = [f for f in forms if f[2]]
        forms.sort(key=lambda f: (-len({s.art for s in f[2]}), f[2][0].pos))
        # two expansions in one article only are that article's business, not a disagreement
        arts = {s.art for f in forms for s in f[2]}
        if len(arts) < 2:
            continue
        fa = forms[0]
        fb = next((f for f in forms[1:] if {s.art for s in f[2]} - {s.art for s in fa[2]}), None)
        if fb is None:
            continue
        parts = []
        for f in forms:
            h, _ = _holders(labels, {s.art for s in f[2]})
            parts.append('%s: "%s"' % (h, f[1]))
        detail = "%s is expanded differently — %s" % (acr, "; ".join(parts))
        a, b = sorted((fa[2][0], fb[2][0]), key=lambda s: s.pos)
        va, vb = (fa[1], fb[1]) if a is fa[2][0] else (fb[1], fa[1])
        rows.append(("acronym", a, b, "%s = %s" % (acr, va), "%s = %s" % (acr, vb), detail, "strong"))
    return rows


# ---------------------------------------------------------------- spelling
_COMMON = frozenset(_WEEKDAYS + _MONTHS)


@functools.lru_cache(maxsize=1 << 14)
def _zipf(w):
    try:
        from wordfreq import zipf_frequency
        return zipf_frequency(w, "en")
    except Exception:          # wordfreq missing or without data: treat as rare
        return 0.0


def _spelling(sents, runs, labels):
    where = defaultdict(set)       # spelling -> articles
    first = {}                     # spelling -> first sentence
    ctx = defaultdict(set)         # spelling -> content words of its sentences
    neigh = defaultdict(set)       # spelling -> the other words of its name run
    for s in sents:
        for start, end, sur, poss in runs[s.pos]:
            for tok in re.findall(r"[A-Z][a-z][\w-]*", s.text[start:end]):
                tok = re.sub(r"(?:’s|'s)$", "", tok)
                if len(tok) < 4 or tok.lower() in _COMMON:
                    continue
                where[tok].add(s.art)
                first.setdefault(tok, s)
                ctx[tok] |= s.content
                neigh[tok] |= {t.lower() for t in s.text[start:end].split() if t != tok}
    names = sorted(where)
    if len(names) < 2:
        return []
    low = [n.lower() for n in names]
    # two names need the same first letter (below): names are sorted and capitalised, so
    # each letter's names are one run, and only pairs within a run are looked at
    run_end, end = [0] * len(names), len(names)
    for i in range(len(names) - 1, -1, -1):
        if i + 1 < len(names) and low[i][0] != low[i + 1][0]:
            end = i + 1
        run_end[i] = end
    cand = []
    for i in range(len(names)):
        for j in range(i + 1, run_end[i]):
            x, y = low[i], low[j]
            if where[names[i]] & where[names[j]] or x[:2] != y[:2] and x[0] != y[0]:
                continue      # one article with both: two names; a different first letter: two names
            if x.startswith(y) or y.startswith(x):
                continue      # Ukraine / Ukrainian
            jw = JaroWinkler.similarity(x, y)
            if jw < 0.84 or fuzz.ratio(x, y) < 70:
                continue
            wx, wy = ctx[names[i]] - {x, y}, ctx[names[j]] - {x, y}
            if not (neigh[names[i]] & neigh[names[j]]) and _dice(wx, wy) < 0.25:
                continue      # nothing says they are the same person or place
            if _zipf(x) >= 3.5 and _zipf(y) >= 3.5 or max(_zipf(x), _zipf(y)) >= 4.2:
                continue      # two established words (Austria / Australia), or a common one (Valley)
            cand.append((names[i], names[j]))
    uf = _UF()
    for x, y in cand:
        uf.union(x, y)
    groups = defaultdict(set)
    for x, y in cand:
        groups[uf(x)] |= {x, y}
    rows = []
    for g in sorted(groups.values(), key=lambda g: min(first[n].pos for n in g)):
        # the name itself breaks ties: a set's order changes with the hash seed
        forms = sorted(g, key=lambda n: (-len(where[n]), first[n].pos, n))
        a, b = forms[0], forms[1]
        parts = []
        for n in forms:
            h, _ = _holders(labels, where[n])
            parts.append("%s %s %s" % (h, "spells" if len(where[n]) == 1 else "spell", n))
        sa, sb = sorted((first[a], first[b]), key=lambda s: s.pos)
        va, vb = (a, b) if sa is first[a] else (b, a)
        rows.append(("spelling", sa, sb, va, vb, "The same name spelled differently: " + "; ".join(parts), "strong"))
    return rows


# ---------------------------------------------------------------- entry points
def _detect(sents, alignments, claims, pubs, labels, compared=None):
    by_id = {s.id: s for s in sents if s.id is not None}
    vocab = set()
    for s in sents:
        vocab.update(w for w in re.findall(r"\b[a-z][\w’'-]*", s.text))
    runs = [_name_runs(s.text, vocab) for s in sents]
    agents = [_agents(s.text, r) for s, r in zip(sents, runs)]
    rows = []
    by_art = defaultdict(list)
    for s in sents:
        by_art[s.art].extend(_figure_mentions(s))
    fig_pairs = _match(by_art, _num_relation, compared)
    rows += _numbers(fig_pairs, labels)
    rows += _dates(sents, pubs, labels, compared)
    rows += _attributions(sents, runs, agents, _statement_pairs(sents, by_id, alignments, claims, fig_pairs, compared),
                          labels)
    rows += _quote_conflicts(_quotes(sents, runs, agents), labels, compared)
    rows += _acronyms(sents, labels)
    rows += _spelling(sents, runs, labels)
    order = {k: i for i, k in enumerate(KINDS)}
    rows.sort(key=lambda r: (order[r[0]], r[1].pos, r[2].pos, r[3] or "", r[4] or ""))
    return rows


def _prepare(sentences, now=frozenset()):
    """The body sentences, prepared; `now`: the story's own years and months (_story_time)."""
    body = [s for s in sentences or () if (getattr(s, "role", None) or "body") == "body" and (s.text or "").strip()]
    body.sort(key=lambda s: (s.article_id if s.article_id is not None else -1, s.idx, s.id if s.id is not None else -1))
    out = [_Sent(s, k) for k, s in enumerate(body)]
    for s in out:
        s.when = s.when - now
    return out


def story_conflicts(sentences, alignments, claims, docs, labels):
    """Conflicts between the articles of one story, as records.Conflict (story_id left None)."""
    if len({s.article_id for s in sentences or ()}) < 2:
        return []      # one article (however long): nothing to compare, nothing to prepare
    sents = _prepare(sentences, _story_time(sentences, docs))
    if len({s.art for s in sents}) < 2:
        return []
    pubs = {d.id: _published(d) for d in docs or ()}
    rows = _detect(sents, alignments, claims, pubs, labels or {}, candidate_pairs(sentences))
    return [Conflict(kind=k, sentence_a=a.id, sentence_b=b.id, value_a=va, value_b=vb, detail=d, strength=st)
            for k, a, b, va, vb, d, st in rows]


def between(text_a, text_b):
    """Conflicts between two texts (the SQL function newsdiff_conflicts); sentence ids None."""
    sentences = []
    for art, text in ((0, text_a), (1, text_b)):
        if not isinstance(text, str) or not text.strip():
            return []
        text = text[:MAX_CHARS]
        for k, s in enumerate(segment.segment(text)):
            sentences.append(Sentence(id=len(sentences) + 1, article_id=art, idx=k, role="body", text=s.text,
                                      figures=numbers.extract(s.text)))
    sents = _prepare(sentences)
    rows = _detect(sents, [], [], {}, {0: "text a", 1: "text b"})
    return [Conflict(kind=k, sentence_a=None, sentence_b=None, value_a=va, value_b=vb, detail=d, strength=st)
            for k, a, b, va, vb, d, st in rows]
