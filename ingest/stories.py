"""Group articles into stories: articles that report the same real-world event.

Three steps, each cheap enough to run on every ingest (method and measurements:
docs/stories.md, benchmarks/stories.py):

1. ``fingerprint(text)``: a MinHash signature of the article's *names and
   numbers* (capitalised words inside sentences, digit tokens) and hashes of its
   rarest ones, 793 bytes, computed once per article and stored. Names and
   figures tell events apart better than common words: on ECB+ they give a
   story-mate to as many articles with fewer false candidates than a bag of all words.
2. ``candidates(new, existing)``: LSH banding of those signatures, and shared
   rare names. Only articles that share a whole band or two rare names are
   compared, never all pairs. ``Index`` keeps the stored articles' keys sorted
   for a run, so each chunk of new articles looks up only its own keys.
3. ``assign(docs, links)``: average-linkage agglomerative clustering over the
   candidate graph, with cosine similarity of word vectors weighted by how rare
   each word is in general English (wordfreq), names and numbers double.
   The average cosine between two groups equals the dot product of their summed
   vectors divided by the product of their sizes, so linkage is exact without
   computing every pair. Stored stories are fixed groups: a new article joins
   one, or new articles form a new story together. ``merges()`` says when new
   articles show two stored stories to be one (online grouping fragments
   otherwise). Thresholds were tuned on half the ECB+ topics.

The similarity uses no corpus statistics (no corpus IDF: word rarity comes from a
fixed general-English list), so a pair scores the same whether it is ingested in
one batch or one article at a time, and adding articles never changes earlier scores.
"""
import functools
import hashlib
import math
import re
from collections import Counter
from dataclasses import replace

import numpy as np
from wordfreq import get_frequency_dict, zipf_frequency

from .linkage import agglomerate
from .text import STOP_WORDS, parse_iso

__all__ = ["fingerprint", "candidates", "Index", "similarity", "assign", "merges", "regroup", "label", "JOIN_THRESHOLD"]

# --- tuning (benchmarks/stories.py measures these on ECB+) -------------------------------
# LSH: 128 bands of 3 rows. A pair with Jaccard J over name/number sets becomes a candidate
# with probability 1-(1-J**3)**128: 0.64 at J=0.2 (median same-event ECB+ pair), 0.12 at
# J=0.1, 0.0004 at J=0.015 (a typical unrelated pair). 98% of ECB+ articles get at least
# one story-mate among their candidates. 192 bands of 2 rows needing 3 shared bands was
# measured (docs/stories.md): recall if grouping were perfect 0.935 -> 0.979 on the ECB+
# tuning half, but the example's earlier NATO meeting (004, name Jaccard 0.12-0.17 with the
# rewrites, 4-7 shared 2-row bands) becomes a candidate and, by words, joins them.
BANDS = 128
ROWS = 3
NUM_PERM = BANDS * ROWS
MAX_CANDIDATES = 100        # per new article, most shared bands first (bounds hot buckets)
# Average cosine to join a story or merge two groups. On the ECB+ tuning half 0.26 scores
# 0.01 F1 above 0.28 (0.899/0.898 vs 0.889/0.888, one batch/10 batches) at the same
# precision; 0.28 because at 0.26 a site's template line on two one-sentence pages joins
# them before the third page makes it boilerplate (tests/test_boilerplate_store.py), and a
# stored article is not regrouped when its sentences turn into boilerplate later.
JOIN_THRESHOLD = 0.28
# Optional: a group of MIN_COHESION_SIZE+ articles takes in another only if the average
# linkage is at most `margin` below the group's own average cosine. Off by default: it split
# every event whose articles come in two families (wire rewrites, ~0.8 apart, and
# independent reports, ~0.45 from them): synthetic archive recall 0.54 with it, 0.92
# without; neutral on ECB+ (docs/stories.md). A tight set of rewrites and an article on an
# earlier meeting of the same kind (example 004: 0.46) look the same to it.
COHESION_MARGIN = None
MIN_COHESION_SIZE = 3
# Articles further apart than this from every article of a story never join it. ECB+ has
# no dates, so this is a judgement, not a measurement: rewrites appear within days.
MAX_GAP_DAYS = 14
ENTITY_WEIGHT = 2.0         # names and numbers count double in the similarity
MIN_ENTITIES = 8            # fewer names/numbers than this: fingerprint all content words instead
# A term weighs ZIPF_CEILING minus its wordfreq Zipf frequency in general English ("killed"
# 2.8, "earthquake" 3.9, "Lohan" 5.0, a word wordfreq does not know 8). A fixed list, not
# corpus IDF, so a pair scores the same in any batch. Ceiling 8 (just above "the", 7.7):
# on the ECB+ tuning half 7.5 and 8.5 scored within 0.01 F1 of it.
ZIPF_CEILING = 8.0

# A second way to become candidates: each fingerprint also keeps hashes of the article's
# NAME_KEYS rarest names and numbers (by _rarity), and two articles sharing NAME_SHARED of
# them are candidates. It finds story-mates whose name sets overlap too little for a band
# (short reports naming the event's few rare specifics): on the ECB+ tuning half, recall if
# grouping were perfect 0.935 -> 0.978 for 1.2x the pairs; the example's earlier NATO
# meeting (004) shares fewer than two rare names with the rewrites and stays out. A name
# on more than NAME_BUCKET_CAP articles of the archive links nothing (a big story's name
# is in its bands already; the cap bounds the pairs).
NAME_KEYS = 6
NAME_SHARED = 2
NAME_BUCKET_CAP = 50

_VERSION = 2                # first byte of every fingerprint; bump when the recipe changes
_FP_LEN = 1 + 2 * NUM_PERM + 4 * NAME_KEYS
# Version 1 was the same MinHash without the name keys: stored ones still take part in
# the bands (an archive needs no new fingerprints), only not in rare-name links.
_V1_LEN = 1 + 2 * NUM_PERM
_NO_NAMES = bytes(4 * NAME_KEYS)
_MERSENNE = np.uint64((1 << 61) - 1)
_MASK32 = np.uint64(0xFFFFFFFF)


def _perm_params():
    # Derived from a fixed hash, not a library's RNG: stored fingerprints stay comparable
    # across numpy/datasketch versions.
    raw = b"".join(hashlib.blake2b(b"newsdiff-stories-%d" % i, digest_size=8).digest()
                   for i in range(2 * NUM_PERM))
    v = np.frombuffer(raw, dtype="<u8") & _MASK32
    a, b = v[:NUM_PERM] | np.uint64(1), v[NUM_PERM:]
    return a.reshape(1, -1), b.reshape(1, -1)


_A, _B = _perm_params()

# --- tokens ---------------------------------------------------------------------------------
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# A capitalised word inside a sentence (after a word character or comma and one space):
# a name, place or organisation. Words opening a sentence, line or quotation are not.
_CAP = re.compile(r"(?<=[\w,)][ \t])[A-ZÀ-ÖØ-Þ][^\W_]*(?:['’][^\W_]+)*")


_POSSESSIVE = re.compile(r"'s\b", re.I)


def _terms(text):
    """(term counts, set of name/number terms) for one text; robust to junk input."""
    if not isinstance(text, str) or not text:
        return Counter(), set()
    # All work in C (replace, sub, findall, Counter) except one pass over distinct words.
    text = _POSSESSIVE.sub("", text.replace("’", "'"))
    counts = Counter({w: n for w, n in Counter(_WORD.findall(text.lower())).items()
                      if w not in STOP_WORDS and (len(w) >= 3 or w[0].isdigit() or w[-1].isdigit())})
    ents = {w for w in map(str.lower, set(_CAP.findall(text))) if w in counts}
    ents.update(w for w in counts if w[0].isdigit())
    return counts, ents


@functools.lru_cache(maxsize=1 << 18)
def _rarity(word):
    """How specific a word is: ZIPF_CEILING minus its Zipf frequency in general English."""
    return max(0.0, ZIPF_CEILING - _zipf(word))


def _zipf(word):
    """wordfreq's zipf_frequency(word, "en"), from its word list directly for a plain ASCII
    word (a fifth of the time: zipf_frequency tokenises its input on every call, which
    doubled the cost of a first ingest); the same arithmetic, so the same value (tested)."""
    if word.isascii() and word.isalpha():
        f = get_frequency_dict("en").get(word, 0.0)
        if not f:
            return 0.0
        f = round(f, math.floor(-math.log(f, 10)) + 3)     # wordfreq: 3 significant digits
        return round(math.log10(f) + 9, 2)
    return zipf_frequency(word, "en")


def _vector(title, text):
    """Entity-weighted, rarity-weighted, sublinear term weights of one article (title
    counts as text). Common words weigh little, so two events of one kind (two
    earthquakes, two rehab stays) are told apart by what only each has: names, places,
    figures, rare words. Synthetic archive at 10,000, B-cubed P/R: 0.958/0.921 before,
    0.993/0.957 with it (docs/stories.md)."""
    counts, ents = _terms(((title or "") + "\n" if isinstance(title, str) else "") +
                          (text if isinstance(text, str) else ""))
    vec = {}
    for w, n in counts.items():
        x = (1.0 + math.log(n)) * _rarity(w) * (ENTITY_WEIGHT if w in ents else 1.0)
        if x:
            vec[w] = x
    norm = math.sqrt(sum(x * x for x in vec.values()))
    return {w: x / norm for w, x in vec.items()} if norm else {}


# --- 1. fingerprint ----------------------------------------------------------------------------
def fingerprint(text, title=None):
    """Compact signature (bytes) of an article's names and numbers.

    Layout: one version byte, NUM_PERM little-endian uint16 minimum hash values (MinHash),
    then NAME_KEYS little-endian uint32 hashes of the rarest names and numbers, 0 where the
    article has fewer (793 bytes). Returns b"" when the text has no usable words: such an
    article gets no candidates and stays a story of its own.
    """
    body = text if isinstance(text, str) else ""
    if isinstance(title, str) and title:
        body = title + "\n" + body
    counts, ents = _terms(body)
    feats = ents if len(ents) >= MIN_ENTITIES else set(counts)
    if not feats:
        return b""
    h = np.frombuffer(b"".join(_hash32(f) for f in sorted(feats)), dtype="<u4").astype(np.uint64).reshape(-1, 1)
    # (a*h + b) mod (2**61 - 1): a, b, h < 2**32, so a*h + b < 2**64 never overflows.
    # Keep 16 bits of each minimum (b-bit MinHash): half the bytes; a band of 3 rows is still
    # a 48-bit key, so chance collisions between different bands stay negligible.
    sig = ((((_A * h + _B) % _MERSENNE) & _MASK32).min(axis=0) & np.uint64(0xFFFF)).astype("<u2")
    rarest = sorted(ents, key=lambda w: (-_rarity(w), w))[:NAME_KEYS]
    names = [int.from_bytes(_hash32(w), "little") or 1 for w in rarest]     # 0 marks "none"
    names += [0] * (NAME_KEYS - len(names))
    return bytes([_VERSION]) + sig.tobytes() + np.array(names, dtype="<u4").tobytes()


def _hash32(term):
    return hashlib.blake2b(term.encode("utf-8"), digest_size=4).digest()


# --- 2. candidates -----------------------------------------------------------------------------
def _valid(fp):
    return (isinstance(fp, (bytes, bytearray, memoryview)) and
            ((len(fp) == _FP_LEN and fp[0] == _VERSION) or (len(fp) == _V1_LEN and fp[0] == 1)))


def _key_matrix(fps):
    """(n, BANDS) uint64 band keys: ROWS 16-bit values, band number in the top bits."""
    a = np.frombuffer(b"".join(bytes(fp[1:1 + 2 * NUM_PERM]) for fp in fps), dtype="<u2")
    a = a.reshape(len(fps), BANDS, ROWS)
    # one row of the bands widened at a time: the whole array in uint64 was three times
    # the key matrix (150 MB for 50,000 articles)
    k = np.arange(BANDS, dtype=np.uint64) << np.uint64(16 * ROWS)
    k = np.repeat(k[None, :], len(fps), axis=0)
    for r in range(ROWS):
        k |= a[:, :, r].astype(np.uint64) << np.uint64(16 * r)
    return k


def candidates(new, existing):
    """For each new article id, the ids (new or existing) that may be in the same story.

    new, existing: lists of (id, fingerprint bytes) or (id, fingerprint, published ISO date
    or None). Only articles sharing an LSH band are returned (at most MAX_CANDIDATES per
    article, those sharing most bands first; ties: the lower id), and those sharing
    NAME_SHARED rare-name keys; of two dated articles, only if they are at most
    MAX_GAP_DAYS apart (grouping never compares groups further apart, and chance candidates
    from other months tied every chunk of a large archive into one part). Articles with an
    empty or outdated fingerprint get an empty set. Symmetric among new articles. The same
    as Index(existing).candidates(new).
    """
    return Index(existing).candidates(new)


class Index:
    """The band keys and rare-name keys of stored articles, sorted, so that the candidates of
    new articles are found by looking up only their own keys: a run builds it once and adds
    each chunk it assigns, instead of re-reading every stored fingerprint per chunk.

    Order inside a key does not matter: candidates() orders what it finds by article id.
    Ids are unique: an article is added once, and never passed as new once added. 16 bytes
    per band key: about 100 MB for 50,000 articles.
    """

    def __init__(self, rows=()):
        self.bands = _Keys(np.uint64)
        self.names = _Keys(np.int64, blank=0)
        self.days = {}
        self.add(rows)

    def add(self, rows):
        """Index rows as candidates() takes them, as once they are stored with their stories."""
        rows = _rows(rows)
        if rows:
            ids = np.array([i for i, _, _ in rows], dtype=np.int64)
            self.bands.add(_key_matrix([fp for _, fp, _ in rows]), ids)
            self.names.add(_name_matrix([fp for _, fp, _ in rows]), ids)
            self.days.update((i, d) for i, _, d in rows if d is not None)

    def _day_numbers(self, ids, new_days):
        """The day number of each of an array of ids, new or indexed (_NO_DAY: undated)."""
        return np.array([new_days.get(i, self.days.get(i, _NO_DAY)) for i in ids.tolist()], dtype=np.int64)

    def candidates(self, new):
        """candidates(new, indexed articles), new articles not added."""
        out = {row[0]: set() for row in new}
        nw = _rows(new)
        if not nw:
            return out
        ids = np.array([i for i, _, _ in nw], dtype=np.int64)
        fps = [fp for _, fp, _ in nw]
        days = {i: d for i, _, d in nw if d is not None}
        keys, docs, is_new, local = self.bands.bucket(_key_matrix(fps), ids)
        for i, js in _band_links(keys, docs, is_new, self._day_numbers(local, days)):
            out[int(local[i])].update(local[js].tolist())
        keys, docs, is_new, local = self.names.bucket(_name_matrix(fps), ids)
        a, b = _name_pairs(keys, docs, is_new, self._day_numbers(local, days))
        for i, j in zip(local[a].tolist(), local[b].tolist()):
            out[i].add(j)
        # Make new-new links symmetric, so grouping does not depend on input order.
        for i in list(out):
            for j in list(out[i]):
                if j in out:
                    out[j].add(i)
        return out


def _rows(rows):
    """[(id, fingerprint, day number or None)] of the rows with a usable fingerprint."""
    return [(row[0], row[1], _date(row[2]) if len(row) > 2 else None) for row in rows if _valid(row[1])]


_NO_DAY = -(1 << 40)     # far below any date's day number, so differences never overflow


def _near(a, b, day):
    """Which (a, b) pairs may be in one story by date: within MAX_GAP_DAYS, or undated."""
    da, db = day[a], day[b]
    return (da == _NO_DAY) | (db == _NO_DAY) | (np.abs(da - db) <= MAX_GAP_DAYS)


class _Keys:
    """Sorted keys and the article id holding each; blank: the value that means no key."""

    def __init__(self, dtype, blank=None):
        self.keys = np.zeros(0, dtype=dtype)
        self.ids = np.zeros(0, dtype=np.int64)
        self.blank = blank

    def cells(self, matrix, ids):
        """(keys, owner ids) of a (articles, keys) matrix, blanks left out."""
        keys, owner = matrix.ravel(), np.repeat(ids, matrix.shape[1])
        if self.blank is None:
            return keys, owner
        held = keys != self.blank
        return keys[held], owner[held]

    def add(self, matrix, ids):
        keys, owner = self.cells(matrix, ids)
        order = np.argsort(keys)
        keys, owner = keys[order], owner[order]
        if len(self.keys):
            at = np.searchsorted(self.keys, keys)
            keys, owner = np.insert(self.keys, at, keys), np.insert(self.ids, at, owner)
        self.keys, self.ids = keys, owner

    def bucket(self, matrix, ids):
        """Every cell with a key some new article has: the new articles' cells and the stored
        ones, as (keys, docs, is_new, local ids) sorted by key then article id, docs the
        position of each cell's article in local ids (ascending, so position order is id order)."""
        flat, owner = self.cells(matrix, ids)
        wanted = np.unique(flat)
        lo = np.searchsorted(self.keys, wanted, side="left")
        hi = np.searchsorted(self.keys, wanted, side="right")
        at = _spans(lo, hi - lo)
        keys = np.concatenate([self.keys[at], flat])
        holders = np.concatenate([self.ids[at], owner])
        is_new = np.r_[np.zeros(len(at), dtype=bool), np.ones(len(flat), dtype=bool)]
        local, docs = np.unique(holders, return_inverse=True)
        order = np.lexsort((docs, keys))
        return keys[order], docs[order].astype(np.int64), is_new[order], local


def _buckets(keys):
    """(starts, sizes, bucket of each cell) of the runs of equal keys."""
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    sizes = np.diff(np.r_[starts, len(keys)])
    return starts, sizes, np.repeat(np.arange(len(starts)), sizes)


def _band_links(keys, docs, is_new, day):
    """Per new article (position in docs): its top MAX_CANDIDATES by shared bands among the
    articles near it in time (day: the day number of each position)."""
    if not len(keys):
        return
    starts, sizes, bucket = _buckets(keys)
    # Each cell of a new article pairs with every other cell of its bucket; counting those
    # pairs gives, per new article, how many bands it shares with each other article. All in
    # numpy: a hot bucket costs its size squared in C, not in a Python loop.
    mine = np.flatnonzero(is_new & (sizes[bucket] > 1))
    mine = mine[np.argsort(docs[mine], kind="stable")]   # grouped by new article
    lens = sizes[bucket[mine]]
    for lo, hi in _chunks(docs[mine], lens):
        a, b = _bucket_pairs(docs, starts[bucket[mine[lo:hi]]], lens[lo:hi], docs[mine[lo:hi]])
        near = _near(a, b, day)
        yield from _top_shared(a[near], b[near], len(day))


_PAIRS_PER_CHUNK = 4_000_000    # bounds memory: ~100 MB of numpy arrays per chunk


def _chunks(owner, lens):
    """(lo, hi) slices of the cells (grouped by owner) holding about _PAIRS_PER_CHUNK pairs,
    never splitting one owner's cells (its band counts must be complete)."""
    if not len(owner):
        return []
    cum = np.cumsum(lens)
    cuts = [0]
    while cuts[-1] < len(owner):
        lo = cuts[-1]
        hi = int(np.searchsorted(cum, (cum[lo - 1] if lo else 0) + _PAIRS_PER_CHUNK, side="right"))
        hi = max(hi, lo + 1)
        # extend to the end of the owner's run
        hi = int(np.searchsorted(owner, owner[hi - 1], side="right"))
        cuts.append(hi)
    return list(zip(cuts[:-1], cuts[1:]))


def _spans(starts, lens):
    """The positions starts[k] .. starts[k] + lens[k] - 1 of every k, concatenated."""
    return np.repeat(starts - np.r_[0, np.cumsum(lens)[:-1]], lens) + np.arange(int(lens.sum()))


def _bucket_pairs(docs, starts, lens, owners):
    """Every (owner, other article) pair of the given cells' buckets, self-pairs dropped."""
    b = docs[_spans(starts, lens)]
    a = np.repeat(owners, lens)
    keep = a != b
    return a[keep], b[keep]


def _name_matrix(fps):
    """(n, NAME_KEYS) int64 rare-name keys, zero where an article has fewer."""
    off = 1 + 2 * NUM_PERM
    return np.frombuffer(b"".join(bytes(fp[off:]) or _NO_NAMES for fp in fps),
                         dtype="<u4").astype(np.int64).reshape(len(fps), NAME_KEYS)


def _name_pairs(keys, docs, is_new, day):
    """(a, b) arrays: each new article a with every article b near it in time sharing at
    least NAME_SHARED rare-name keys, names on more than NAME_BUCKET_CAP articles (of any
    date) left out."""
    empty = np.zeros(0, dtype=np.int64)
    if not len(keys):
        return empty, empty
    starts, sizes, bucket = _buckets(keys)
    mine = np.flatnonzero(is_new & (sizes[bucket] > 1) & (sizes[bucket] <= NAME_BUCKET_CAP))
    if not len(mine):
        return empty, empty
    a, b = _bucket_pairs(docs, starts[bucket[mine]], sizes[bucket[mine]], docs[mine])
    near = _near(a, b, day)
    n = len(day)
    pair, count = np.unique(a[near] * n + b[near], return_counts=True)
    pair = pair[count >= NAME_SHARED]
    return pair // n, pair % n


def _top_shared(a, b, n):
    """Per article a: up to MAX_CANDIDATES others, most shared bands first, ties by position
    (positions are in id order)."""
    if not len(a):          # every pair left out by date
        return iter(())
    pair, count = np.unique(a.astype(np.int64) * n + b, return_counts=True)
    a, b = pair // n, pair % n
    order = np.lexsort((b, -count, a))
    a, b = a[order], b[order]
    starts = np.flatnonzero(np.r_[True, a[1:] != a[:-1]])
    rank = np.arange(len(a)) - np.repeat(starts, np.diff(np.r_[starts, len(a)]))
    keep = rank < MAX_CANDIDATES
    a, b = a[keep], b[keep]
    starts = np.flatnonzero(np.r_[True, a[1:] != a[:-1]])
    return zip(a[starts].tolist(), (x.tolist() for x in np.split(b, starts[1:])))


# --- 3. assign -----------------------------------------------------------------------------------
def _date(value):
    d = parse_iso(value)
    return None if d is None else d.toordinal()


def _dot(u, v):
    if len(u) > len(v):
        u, v = v, u
    # A list, not a generator, for speed; same terms in the same order, so the same float.
    return sum([x * v[k] for k, x in u.items() if k in v])


def similarity(a, b):
    """Cosine similarity (0..1) of two articles' weighted word vectors (_vector).

    a, b: records.StoryDoc (or anything with title and text). The same score assign() uses between two articles.
    """
    return _dot(_vector(a.title, a.text), _vector(b.title, b.text))


def _doc_vector(doc, cache):
    """The term vector of a doc dict, computed once per cache (a dict: doc id -> vector)."""
    v = cache.get(doc.id)
    if v is None:
        v = cache[doc.id] = _vector(doc.title, doc.text)
    return v


class _Group:
    """Articles grouped so far: members, summed term vector, date range.

    The summed vector is built on first use, with the same additions in the same order as
    if built at once: a group that is only ever compared with groups too far apart in time
    never has its articles tokenised (most chance LSH candidates of a large archive).
    """
    __slots__ = ("key", "members", "_vec", "_todo", "_cache", "size", "dmin", "dmax", "fixed", "_coh", "_shared")

    def __init__(self, key, fixed, cache):
        self.key, self.fixed = key, fixed
        self.members, self.size = [], 0
        self._vec, self._todo, self._cache = {}, [], cache
        self.dmin = self.dmax = None
        self._coh = None
        self._shared = False    # _vec is a stored story's, shared: copied before a change

    def preset(self, vec):
        """The summed vector of the members is known (a stored story's): their texts are not used."""
        self._vec, self._todo, self._shared = vec, [], True

    @property
    def vec(self):
        for doc in self._todo:
            v = _doc_vector(doc, self._cache)
            if not self._vec:
                self._vec = dict(v)     # same keys, order and values as adding to zeros, in C
            else:
                _add_into(self._vec, v)
        self._todo = []
        return self._vec

    def cohesion(self):
        """Average cosine between two different members (None for one article).

        |sum|^2 = size + 2 * (sum of pairwise cosines), so no pair needs computing.
        """
        if self.size < MIN_COHESION_SIZE:
            return None
        if self._coh is None:
            sq = sum(x * x for x in self.vec.values())
            self._coh = (sq - self.size) / (self.size * (self.size - 1))
        return self._coh

    def add(self, doc, day):
        self._coh = None
        self.members.append(doc.id)
        self.size += 1
        self._todo.append(doc)
        if day is not None:
            self.dmin = day if self.dmin is None else min(self.dmin, day)
            self.dmax = day if self.dmax is None else max(self.dmax, day)

    def absorb(self, other):
        self._coh = None
        self.members.extend(other.members)
        self.size += other.size
        vec = self.vec
        if self._shared:
            vec = self._vec = dict(vec)
            self._shared = False
        _add_into(vec, other.vec)
        for d in (other.dmin, other.dmax):
            if d is not None:
                self.dmin = d if self.dmin is None else min(self.dmin, d)
                self.dmax = d if self.dmax is None else max(self.dmax, d)


def _linkage(g, h):
    """Average pairwise cosine between two groups (exact: sum vectors, divided by sizes)."""
    if g.dmin is not None and h.dmin is not None and (h.dmin - g.dmax > MAX_GAP_DAYS or g.dmin - h.dmax > MAX_GAP_DAYS):
        return 0.0      # more than MAX_GAP_DAYS between the two date ranges
    return _dot(g.vec, h.vec) / (g.size * h.size)


def _sort_key(x):
    return (0, x, "") if isinstance(x, int) else (1, 0, str(x))


def _cluster(docs, links, threshold, margin=COHESION_MARGIN, merge_stored=False, vectors=None, stored=None):
    """Average-linkage agglomeration over the link graph. Returns (groups, doc id -> group)."""
    groups = {}             # group id -> _Group
    of = {}                 # doc id -> group id
    cache = {} if vectors is None else vectors
    for d in sorted(docs, key=lambda d: _sort_key(d.id)):
        sid = d.story_id
        gid = ("s", sid) if sid is not None else ("n", d.id)
        if gid not in groups:
            groups[gid] = _Group(gid, sid is not None, cache)
        groups[gid].add(d, _date(d.published))
        of[d.id] = gid
    for sid, vec in (stored or {}).items():
        g = groups.get(("s", sid))
        if g is not None:       # its members' texts are not needed (nor, usually, passed)
            g.preset(vec)
    # Which groups may be compared: those joined by at least one candidate link.
    nbrs = {g: set() for g in groups}
    for i, js in links.items():
        if i not in of:
            continue
        for j in js:
            if j in of and of[j] != of[i]:
                nbrs[of[i]].add(of[j])
                nbrs[of[j]].add(of[i])

    # Stored stories first, then by key; as an int rank computed once (compared very often).
    order = {g: r for r, g in enumerate(sorted(groups, key=lambda g: (0 if g[0] == "s" else 1, _sort_key(g[1]))))}

    # Repeatedly merge the best-linked pair above threshold (never two stored stories).
    def link(g, h):
        if groups[g].fixed and groups[h].fixed and not merge_stored:
            return None
        s = _linkage(groups[g], groups[h])
        if s < threshold:
            return None
        # A newcomer must be nearly as close to a story as its articles are to each other:
        # this keeps an earlier meeting on the same subject out of a tight set of rewrites.
        if margin is not None:
            coh = max((c for c in (groups[g].cohesion(), groups[h].cohesion()) if c is not None), default=None)
            if coh is not None and s < coh - margin:
                return None
        return (s,)

    def merge(keep, gone):
        # The stored story (else the smaller key) survives: it ranks first.
        groups[keep].absorb(groups[gone])
        for m in groups[gone].members:
            of[m] = keep

    alive = agglomerate(order, nbrs, link, merge)
    return {g: groups[g] for g in alive}, of


def assign(docs, links, threshold=JOIN_THRESHOLD, margin=COHESION_MARGIN, vectors=None, stored=None, sums=None):
    """Decide the story of each new article.

    docs: records.StoryDoc: id, title, text, published (ISO 8601 or None) and story_id
    (int for stored articles, None for new ones), covering the new articles and their
    candidates (ideally all stored members of the candidates' stories, so the average
    linkage to a story is over the whole story).
    links: candidates() output (new id -> ids that may share its story).
    vectors: a dict (doc id -> term vector) that is filled as vectors are needed and
    reused: pass the same one to merges() and assign() to tokenise each article once.
    stored: {story id: story_vector() of its members}; those stories' members then need
    no text (an archive keeps them: store.story_terms).
    sums: a dict filled with the story_vector() of every story that gains articles, by the
    key returned for them, so that they can be kept for the next run.

    Returns {new id: story_id (int) of a stored story it joins, or "new:<k>"}; new articles
    sharing a "new:<k>" key form one new story. k numbers new stories 0, 1, ... in order of
    their smallest article id, so the same input always gives the same output.
    """
    groups, of = _cluster(docs, links, threshold, margin, vectors=vectors, stored=stored)
    return _assignment(docs, groups, of, sums)


def _assignment(docs, groups, of, sums):
    """assign()'s answer from _cluster()'s groups."""
    new_ids = sorted((d.id for d in docs if d.story_id is None), key=_sort_key)
    out, keys = {}, {}
    for i in new_ids:
        gid = of[i]
        if gid[0] == "s":
            out[i] = gid[1]
        else:
            if gid not in keys:
                keys[gid] = "new:%d" % len(keys)
            out[i] = keys[gid]
        if sums is not None:
            sums[out[i]] = groups[gid].vec
    return out


def story_vector(docs, vectors=None):
    """The summed term vector of a story's articles (in id order): what average linkage
    compares it by. vectors: as in assign()."""
    g = _Group(None, True, {} if vectors is None else vectors)
    for d in sorted(docs, key=lambda d: _sort_key(d.id)):
        g.add(d, None)
    return g.vec


def add_vectors(vecs):
    """The sum of summed term vectors (stories merged into one), in the order given."""
    out = {}
    for v in vecs:
        _add_into(out, v)
    return out


def _add_into(acc, v):
    """acc += v, word by word (the one way vectors are summed, so sums agree to the bit)."""
    for k, x in v.items():
        acc[k] = acc.get(k, 0.0) + x


def merges(docs, links, threshold=JOIN_THRESHOLD, margin=COHESION_MARGIN, vectors=None, stored=None):
    """Stored stories that the new articles show to be one story: {story_id: story_id to merge into}.

    Same inputs as assign(). Stories are grouped online, so two articles of one event that
    arrive before the articles linking them start two stories; with the new articles
    in, such stories pass the same average-linkage test as any other merge. The smaller
    story id survives. Apply the merge to the stored articles, then call assign().
    An empty dict means nothing to merge (the common case).
    """
    groups, _ = _cluster(docs, links, threshold, margin, merge_stored=True, vectors=vectors, stored=stored)
    return _stored_merges(docs, groups)


def _stored_merges(docs, groups):
    """merges()'s answer from _cluster(merge_stored=True)'s groups."""
    story = {d.id: d.story_id for d in docs}     # once, not once per group
    out = {}
    for g in groups.values():
        stored = sorted({story[m] for m in g.members if story[m] is not None}, key=_sort_key)
        for sid in stored[1:]:
            out[sid] = stored[0]
    return out


def regroup(docs, links, threshold=JOIN_THRESHOLD, margin=COHESION_MARGIN, vectors=None, stored=None, sums=None):
    """merges(), applied, then assign(): (merges, assignment), what a run stores.

    Same inputs as assign(). A merged story's vector is the sum of its parts' (a part
    missing from `stored` is summed from its members in docs), and sums also gets the
    vector of a story that others merged into and that gained no article. docs are not
    changed.

    One clustering pass when no stored stories merge (the common case): a pass that lets
    stored stories merge but never does makes exactly the merges, in the same order, of a
    pass that forbids it. Every entry it had for two stored stories was stale when it came
    off the heap, or it would have merged them.
    """
    vectors = {} if vectors is None else vectors
    stored = stored or {}
    groups, of = _cluster(docs, links, threshold, margin, merge_stored=True, vectors=vectors, stored=stored)
    merged = _stored_merges(docs, groups)
    if not merged:
        return merged, _assignment(docs, groups, of, sums)
    # a merged story is summed from whole vectors: those not given come from the members
    missing = (set(merged) | set(merged.values())) - set(stored)
    members = {}
    for d in docs:
        if d.story_id in missing:
            members.setdefault(d.story_id, []).append(d)
    stored = {**stored, **{s: story_vector(members[s], vectors) for s in sorted(missing)}}
    docs = [replace(d, story_id=merged.get(d.story_id, d.story_id)) for d in docs]
    into = {}
    for s in sorted(stored):
        into.setdefault(merged.get(s, s), []).append(stored[s])
    stored = {s: vs[0] if len(vs) == 1 else add_vectors(vs) for s, vs in into.items()}
    sums = {} if sums is None else sums
    assignment = assign(docs, links, threshold, margin, vectors=vectors, stored=stored, sums=sums)
    for s in set(merged.values()) - set(sums):
        sums[s] = stored[s]
    return merged, assignment


# --- label ----------------------------------------------------------------------------------------
def label(docs):
    """A short human label for a story: the most central headline, else its top names.

    docs: the story's articles (records.StoryDoc).
    """
    if not docs:
        return ""
    vecs = [_vector(d.title, d.text) for d in docs]
    centroid = {}
    for v in vecs:
        _add_into(centroid, v)
    titled = [(i, d.title.strip()) for i, d in enumerate(docs)
              if isinstance(d.title, str) and d.title.strip()]
    if titled:
        # Most central = highest similarity to the story's centroid; ties to the shorter title.
        i, t = max(titled, key=lambda it: (_dot(vecs[it[0]], centroid), -len(it[1])))
        t = " ".join(t.split())
        return t if len(t) <= 120 else t[:117].rstrip() + "..."
    ents = set()
    for d in docs:
        ents |= _terms(d.text)[1]
    top = sorted(centroid.items(), key=lambda kv: (-(kv[1] * (2 if kv[0] in ents else 1)), kv[0]))[:4]
    return ", ".join(k for k, _ in top)
