"""Who copied whom: for each ordered pair of articles of a story, how much of one is
found in the other, and whether it was derived from it.

story_provenance(articles, alignments) -> [records.Provenance]
likely_source(rows) -> {article_id: records.Provenance}

Pure: records in, records out (docs/provenance.md has the method and the figures).

containment (0..1) is the share of article A's body, weighted by words, found in source
S. A body sentence of A is found to the degree that

  * its word trigrams occur in S (verbatim copying, also across merged or split
    sentences, since S's trigrams are pooled), or
  * the aligner paired it with a sentence of S (ingest/align.py): a rewrite that swaps
    synonyms or turns clauses around keeps few trigrams but still aligns. An aligned
    sentence counts for its alignment score, not fully, because two independent reports
    of one event also align a few sentences that state the same fact.

The better of the two counts for each sentence. Trigrams are numbered per story and an
article's sentences are counted against all of its sources in one sparse product, so
time and memory stay linear in the articles' length; pairs are only formed between
articles, and the work of one pair is proportional to the two articles' sizes.

A story of more than align.FULL_STORY articles gets rows for its candidate pairs only
(align.article_candidates: each article with its most similar articles, the pairs the aligner
compared), both directions: pairs never compared are independent by omission. Smaller
stories get one row per ordered pair, as always.

derivation: "wholly" when most of A is found in S (WHOLLY), "partially" when a real
share is (PARTIALLY) and at least one sentence is copied near verbatim (COPIED) outside
its quotations: two independent reports of one event share names, facts, paraphrases
and the quotes they both took down, rarely whole sentences of the reporter's own words. A source published after A cannot be A's source: the row says
"independent" and the evidence says which way the copying probably went.
"""

import functools
import itertools
import json
import re

import numpy as np
from scipy.sparse import csr_matrix

from .align import article_candidates
from .records import Provenance

WHOLLY = 0.6        # share of A's body found in S for "wholly derived"
PARTIALLY = 0.2     # ... for "partially derived" (with at least one copied sentence)
COPIED = 0.6        # a sentence whose trigrams are this much in S was copied, not retold
N = 3               # word n-grams: trigrams (shorter sentences use all their words)
RARE_ZIPF = 2.5     # wordfreq Zipf below this (about 1 in 3 million words) is rare
RARE_NAME_ZIPF = 3.0  # ... and for a capitalised word inside a sentence (a name): 1 in a million
RARE_MIN_LENGTH = 3  # shorter tokens (initials, "Mr") are not telling even when rare
MAX_RARE = 20       # shared rare strings kept per row, rarest first

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# A quotation: "…", “…”, «…», „…“ (straight quotes pair up in order).
_QUOTED = re.compile(r'"[^"]*"|“[^”]*”|«[^»]*»|„[^“”]*[“”]')
_POSSESSIVE = re.compile(r"['’]s$", re.I)


def tokens(text):
    return [w.lower().replace("’", "'") for w in _WORD.findall(text or "")]


def ngrams(words, n=N):
    if len(words) < n:
        return {tuple(words)} if words else set()
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


@functools.lru_cache(maxsize=65536)
def zipf(word):
    from wordfreq import zipf_frequency   # loads its word lists on first use only

    return zipf_frequency(word, "en")


def rare_strings(sentences):
    """{key: surface form} of the rare words of some sentences (first seen), keyed by the
    lowercased word without a possessive ("Rutte's" and "Rutte" are one string)."""
    found = {}
    for s in sentences:
        for n, token in enumerate(_WORD.findall(s.text or "")):
            rare = _rare(token, n > 0)
            if rare is not None and rare[0] not in found:
                found[rare[0]] = rare[1]
    return found


@functools.lru_cache(maxsize=1 << 16)
def _rare(token, inside):
    """(key, surface form) of a word token when it is rare, else None; inside: not the
    first word of its sentence. Cached: a story's articles repeat most of their words."""
    surface = _POSSESSIVE.sub("", token)
    word = surface.lower()
    if len(word) < RARE_MIN_LENGTH or any(c.isdigit() for c in word):
        return None
    # a capitalised word inside a sentence is a name: names count up to a
    # higher frequency, because a named person is telling even when well known
    name = inside and surface[:1].isupper()
    return (word, surface) if zipf(word) < (RARE_NAME_ZIPF if name else RARE_ZIPF) else None


class _Doc:
    """What provenance needs of one article, computed once per story. Trigrams are ids in
    the story's `vocab` ({trigram: id}, shared by its articles and grown here)."""

    def __init__(self, article, vocab):
        self.id = article.id
        # how the evidence names it: records.StoryDoc.name (outlet, else site or file name)
        self.name = (getattr(article, "name", None) or "").strip() or f"article {article.id}"
        self.published = article.published or None
        self.sentences = list(article.sentences or [])
        self.body = [s for s in self.sentences if s.role == "body" and (s.text or "").strip()]
        words = {id(s): tokens(s.text) for s in self.sentences}
        self.body_grams = [_ids(ngrams(words[id(s)]), vocab) for s in self.body]
        self.own_grams = [_outside_quotes(s.text, grams, vocab) for s, grams in zip(self.body, self.body_grams)]
        self.body_words = np.array([len(words[id(s)]) for s in self.body], dtype=np.int64)
        # The source side: all its text (a fact taken from a headline is still taken).
        in_body = {id(s) for s in self.body}
        self.grams = set().union(*self.body_grams, *(_ids(ngrams(words[id(s)]), vocab)
                                                      for s in self.sentences if id(s) not in in_body))
        self.rare = rare_strings(self.body)


def _ids(grams, vocab):
    return [vocab.setdefault(g, len(vocab)) for g in grams]


def _outside_quotes(text, grams, vocab):
    """Trigram ids of text outside its quotation marks, given those of all of it (grams):
    independent reports quote the same words."""
    own = _QUOTED.sub(" ", text)
    return grams if own == text else _ids(ngrams(tokens(own)), vocab)


def _incidence(id_lists, width):
    """0/1 csr matrix with a row per list of distinct column ids."""
    indptr = np.cumsum([0] + [len(ids) for ids in id_lists])
    indices = np.fromiter(itertools.chain.from_iterable(id_lists), dtype=np.int64, count=int(indptr[-1]))
    return csr_matrix((np.ones(len(indices)), indices, indptr), shape=(len(id_lists), width))


def story_provenance(articles, alignments):
    """One Provenance row per ordered pair of articles of one story, by (article, source);
    for a story of more than align.FULL_STORY articles, per ordered candidate pair only
    (module doc). story_id is left None for the caller to set."""
    docs, measured = measures(articles, alignments)
    return [_row(docs[a], docs[s], *m) for (a, s), m in measured.items()]


def measures(articles, alignments):
    """({article id: _Doc}, {(article id, source id): (containment, copied sentences,
    covered sentences, shared rare keys)}) for the ordered pairs story_provenance rows
    are made of, by (article, source)."""
    articles = list(articles)
    if len(articles) < 2:
        return {}, {}
    compared = article_candidates({a.id: a.sentences for a in articles})
    vocab = {}
    docs = sorted((_Doc(a, vocab) for a in articles), key=lambda d: d.id)
    # which article has which trigram, for all pairs at once: one sparse product per article
    has = _incidence([sorted(d.grams) for d in docs], len(vocab)).T.tocsr()
    aligned = _aligned(docs, alignments)
    out = {}
    for doc in docs:
        cols = [c for c, source in enumerate(docs) if source.id != doc.id and (
            compared is None or (min(doc.id, source.id), max(doc.id, source.id)) in compared)]
        if cols:
            sources = [docs[c] for c in cols]
            for source, measured in zip(sources, measure(doc, sources, has[:, cols], aligned.get(doc.id, {}), len(vocab))):
                out[(doc.id, source.id)] = measured
    return {d.id: d for d in docs}, out


def _aligned(docs, alignments):
    """{article id: {(sentence id, other article id): best alignment score}}."""
    article_of = {s.id: d.id for d in docs for s in d.sentences}
    aligned = {}
    for al in alignments:
        a, b = article_of.get(al.sentence_a), article_of.get(al.sentence_b)
        if a is None or b is None or a == b:
            continue
        for sentence, own, other in ((al.sentence_a, a, b), (al.sentence_b, b, a)):
            best = aligned.setdefault(own, {})
            best[(sentence, other)] = max(best.get((sentence, other), 0.0), float(al.score))
    return aligned


def measure(doc, sources, has, aligned, width):
    """[(containment, copied sentences, covered sentences, shared rare keys)] of doc in
    each of sources. has: (trigram id x source) 0/1 csr matrix of the sources' trigrams;
    aligned: {(sentence id of doc, source id): best alignment score}; width: trigram ids."""
    verbatim = _found_share(doc.body_grams, has, width)
    own_share = _found_share(doc.own_grams, has, width)
    share = np.maximum(verbatim, np.minimum(1.0, _best_aligned(doc, sources, aligned)))
    # a running total from 0.0, sentence by sentence (np.sum adds pairwise: other last bits)
    weighted = np.cumsum(np.vstack([np.zeros(len(sources)), share * doc.body_words[:, None]]), axis=0)[-1]
    quoting = np.array([len(g) >= 2 for g in doc.own_grams], dtype=bool)[:, None]
    copied = ((verbatim >= COPIED) & quoting & (own_share >= COPIED)).sum(axis=0)
    covered = (share >= 0.5).sum(axis=0)
    total = int(doc.body_words.sum())
    return [(round(w / total, 4) if total else 0.0, cp, cv,
             sorted((w for w in doc.rare if w in source.rare), key=lambda w: (zipf(w), w))[:MAX_RARE])
            for source, w, cp, cv in zip(sources, weighted.tolist(), copied.tolist(), covered.tolist())]


def _found_share(id_lists, has, width):
    """(lists x sources): the share of each list's trigram ids that each source has (0.0
    for an empty list)."""
    sizes = np.array([len(ids) for ids in id_lists], dtype=float)[:, None]
    found = (_incidence(id_lists, width) @ has).toarray()
    return np.divide(found, sizes, out=np.zeros(found.shape), where=sizes > 0)


def _best_aligned(doc, sources, aligned):
    """(doc's body sentences x sources): the best alignment score of each, 0.0 for none."""
    best = np.zeros((len(doc.body), len(sources)))
    row = {s.id: k for k, s in enumerate(doc.body)}
    col = {s.id: c for c, s in enumerate(sources)}
    for (sentence, other), score in aligned.items():
        if sentence in row and other in col:
            best[row[sentence], col[other]] = score
    return best


def _row(doc, source, containment, copied, covered, shared):
    first = source_first(doc.published, source.published)
    derivation = derive(containment, copied, first)
    return Provenance(
        article_id=doc.id,
        source_id=source.id,
        containment=containment,
        derivation=derivation,
        shared_rare=json.dumps([doc.rare[w] for w in shared], ensure_ascii=False),
        source_first=first,
        evidence=evidence(doc, source, containment, covered, len(doc.body), first, derivation,
                          [doc.rare[w] for w in shared]),
    )


def source_first(published, source_published):
    """1 when the source was published first, 0 when after, None when unknown or equal.
    ISO strings of one form compare in time order; a date alone is compared as a date."""
    if not published or not source_published:
        return None
    a, b = str(published), str(source_published)
    if "T" in a or "T" in b:   # a date against a timestamp: compare the days
        if len(a) == 10 or len(b) == 10:
            a, b = a[:10], b[:10]
    if a == b:
        return None
    return 1 if b < a else 0


def derive(containment, copied, first, wholly=WHOLLY, partially=PARTIALLY):
    """The derivation label of article A from source S (module doc)."""
    if first == 0:
        return "independent"
    if containment >= wholly:
        return "wholly"
    if containment >= partially and copied >= 1:
        return "partially"
    return "independent"


def evidence(doc, source, containment, covered, n_body, first, derivation, shared):
    a, s = doc.name, source.name
    if a == s:   # two articles of one outlet: tell them apart by id
        a, s = f"{a} (article {doc.id})", f"{s} (article {source.id})"
    if not n_body:
        return f"{a} has no body text to compare"
    line = f"{containment:.0%} of {a}'s body is found in {s} ({covered} of {n_body} sentences)"
    if first == 1:
        line += ", which was published first"
    elif first == 0:
        line += f", but {s} was published later"
        if containment >= PARTIALLY:
            line += f": {a} is more likely its source"
    else:
        line += "; which came first is unknown"
    if shared:
        quoted = ", ".join(f"'{w}'" for w in shared[:3])
        line += f"; both carry the rare {quoted}"
        if len(shared) > 3:
            line += f" and {len(shared) - 3} more"
    if derivation == "independent" and first != 0 and containment >= PARTIALLY:
        line += "; no sentence is copied near verbatim, so likely written separately"
    return line


def likely_source(rows):
    """Each article's most likely source: {article_id: Provenance}, absent when the
    article is independent of all others. Where two articles look derived from each
    other (dates unknown), the one more contained in the other is the copy."""
    by_pair = {(r.article_id, r.source_id): r for r in rows}
    best = {}
    for r in sorted(rows, key=lambda r: (r.article_id, -r.containment, r.source_id)):
        if r.derivation == "independent" or r.article_id in best:
            continue
        back = by_pair.get((r.source_id, r.article_id))
        if back is not None and back.derivation != "independent" and r.source_first is None:
            # mutual: the direction with the higher containment is the copy; ties go to
            # the later-stored article being the copy
            if (back.containment, r.article_id) > (r.containment, r.source_id):
                continue
        best[r.article_id] = r
    return best
