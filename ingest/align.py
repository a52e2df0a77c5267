"""Align the sentences of a story: which sentences of two articles say the same thing.

align(sentences, encoder=None) -> [records.Alignment]

For every pair of articles in the story, score every sentence of one against every
sentence of the other with ingest.similarity.Scorer (weights fitted on the whole
story), then keep a pair when

  * its score reaches THRESHOLD (ROLE_THRESHOLD when the two sentences have different
    roles, so that a headline only pairs with a body sentence that says the same), and
  * it is the best match of at least one of its two sentences in the other article
    ("one-sided best match"). This gives many-to-many alignment for free: when article
    B merges sentences a1 and a2 of article A into b, b is the best match of both a1
    and a2, so both pairs are kept, while b's own best is only one of them. It needs
    no order, so reordered sentences align as well as ordered ones.
  * when the pair is the best match of one side only, the merge it implies must hold:
    the joined sentences (a1 + a2) must match b better than the other partner alone
    (by MERGE_MARGIN), else the weaker link is noise from a sentence with no counterpart.
  * a pair HIGH_ABOVE over the threshold is kept even when it is nobody's best match
    (a statement an article repeats).

Large stories (more than FULL_STORY articles, e.g. a forced `--story` of a whole archive)
align only candidate pairs of articles, candidate_pairs(): each article with its
NEIGHBOURS most similar articles of the story (cosine of whole-article TF-IDF vectors), so
the work grows with articles x NEIGHBOURS, not with the square of the story. Stories up to
FULL_STORY articles align every pair, as before. Scores are computed in blocks of at most
MAX_CELLS sentence pairs (whole articles per block): memory is bounded by a block, not by
the story (a score does not depend on the block it is computed in).

These rules and numbers were chosen by measuring (benchmarks/alignment.py, figures in
docs/alignment.md): mutual best match alone loses the merges; plain thresholding
without best-match links many unrelated pairs; the merge test buys precision.

relation: "identical" (same words), "near-identical" (a few words changed),
"partial" (one side of a merge or split: a sentence aligned with several sentences of
the other article), else "paraphrase".
"""
import math

import numpy as np
from cydifflib import SequenceMatcher   # difflib's, in C++ (see ingest/diff.py)
from scipy.sparse import csr_matrix

from ingest.records import Alignment
from ingest.similarity import Scorer
from ingest.text import stems

THRESHOLD = 0.35        # lexical mode; measured on the example gold and the Aesop gold
SEMANTIC_THRESHOLD = 0.5  # when an encoder mixes in embeddings (cosines run higher)
ROLE_THRESHOLD = 0.6    # a pair of sentences with different roles (headline vs body)
HIGH_ABOVE = 0.1       # a pair this far above the threshold is kept, best match or not
MERGE_MARGIN = 0.1      # joined sentences must beat the lone partner by this much
NEAR_IDENTICAL = 0.8    # word-level difflib ratio for "near-identical"
BLOCK = 100             # sentences scored per matrix call (speed only: same scores)
MAX_CELLS = 1_000_000   # sentence pairs per matrix call at most (memory only: same scores)
FULL_STORY = 50         # stories up to this many articles align every pair of articles
NEIGHBOURS = 25         # ... larger ones each article with this many most similar ones

# Roles that can stand for the same statement as a body sentence only when they really
# say it (score >= ROLE_THRESHOLD); outlet names and datelines never align with prose.
_ROLE_GROUP = {"body": "body", "headline": "title", "heading": "title", "tagline": "title"}


def relation(text_a, text_b, partial=False, kinds=None):
    """How two aligned sentences relate; `partial` when one side has several partners.
    kinds: a dict the caller keeps per story: rewrites pair the same two texts in many
    article pairs, and difflib is the costly part."""
    kinds = {} if kinds is None else kinds
    key = (text_a, text_b)   # ordered: difflib's ratio is not always symmetric
    if key not in kinds:
        kinds[key] = _kind(stems(text_a), stems(text_b))
    return kinds[key] or ("partial" if partial else "paraphrase")


def _kind(wa, wb):
    """"identical", "near-identical" or None for two sentences' words."""
    if wa == wb:
        return "identical"
    # real_quick_ratio() >= quick_ratio() >= ratio(): the cheap bounds rule most pairs out,
    # the first (difflib's, from the lengths alone) before a matcher is even built
    if 2.0 * min(len(wa), len(wb)) / (len(wa) + len(wb)) < NEAR_IDENTICAL:
        return None
    m = SequenceMatcher(None, wa, wb, autojunk=False)
    if m.quick_ratio() >= NEAR_IDENTICAL and m.ratio() >= NEAR_IDENTICAL:
        return "near-identical"
    return None


def _pair_threshold(x, y, base):
    if x != y:
        # outlet, byline, dateline: only with their own kind, and only when near-equal
        return ROLE_THRESHOLD if {x, y} <= {"body", "title"} else 2.0
    return float(base) if x in ("body", "title") else max(base, ROLE_THRESHOLD)


def thresholds(roles_a, roles_b, base):
    """Minimum score per pair: `base` for like roles, ROLE_THRESHOLD across roles."""
    ga = [_ROLE_GROUP.get(r, r) for r in roles_a]
    gb = [_ROLE_GROUP.get(r, r) for r in roles_b]
    # A story has a handful of role groups: one value per pair of groups, then a lookup.
    groups = list(dict.fromkeys(ga + gb))
    code = {g: c for c, g in enumerate(groups)}
    table = np.array([[_pair_threshold(x, y, base) for y in groups] for x in groups], dtype=float)
    table = table.reshape(len(groups), len(groups))
    rows = np.array([code[x] for x in ga], dtype=np.int64)
    cols = np.array([code[y] for y in gb], dtype=np.int64)
    return table[np.ix_(rows, cols)]


def decide(S, thr, merge_score):
    """The decision rule (module doc): a set of (row, col) links from a score matrix S.

    S: (n_a, n_b) scores; thr: same-shaped minimum scores; merge_score(rows, cols)
    scores sentences `rows` of A joined against `cols` of B (one side has one index).
    benchmarks/alignment.py measures other rules against this one.
    """
    links = set()
    if S.size == 0:
        return links
    best_col = S.argmax(axis=1)   # best sentence of B for each sentence of A
    best_row = S.argmax(axis=0)   # best sentence of A for each sentence of B
    for i, j in zip(*np.nonzero(S >= thr)):
        a_best, b_best = best_col[i] == j, best_row[j] == i
        if (a_best and b_best) or S[i, j] >= thr[i, j] + HIGH_ABOVE:
            links.add((int(i), int(j)))
        elif a_best or b_best:
            if a_best:   # b_j's own best is another a: does a_i + that a explain b_j?
                other = int(best_row[j])
                joined = merge_score(sorted((int(i), other)), [int(j)])
                lone = S[other, j]
            else:        # a_i's own best is another b
                other = int(best_col[i])
                joined = merge_score([int(i)], sorted((int(j), other)))
                lone = S[i, other]
            if joined > lone + MERGE_MARGIN:
                links.add((int(i), int(j)))
    return links


class LazyScorer:
    """A similarity.Scorer made on first use (its attributes are the Scorer's): a story
    of one article, with nothing to align or link, never fits one. subset() is lazy too."""

    def __init__(self, make):
        self._make, self._scorer = make, None

    def scorer(self):
        if self._scorer is None:
            self._scorer, self._make = self._make(), None
        return self._scorer

    def __getattr__(self, name):
        if name in ("_make", "_scorer"):
            raise AttributeError(name)
        return getattr(self.scorer(), name)

    def subset(self, indices):
        indices = list(indices)
        return LazyScorer(lambda: self.scorer().subset(indices))


def story_scorer(sentences, encoder=None):
    """(the sentences align scores: those with text, in input order; their Scorer,
    weights fitted on them, made on first use: LazyScorer). align() makes it itself when
    not given it; a caller that needs the story's scores too passes it in
    (pipeline.story_analysis: claims)."""
    sents = [s for s in sentences if isinstance(s.text, str) and s.text.strip()]
    texts = [s.text for s in sents]

    def make():
        emb = encoder.encode(texts) if encoder is not None and texts else None
        return Scorer(texts, [s.figures for s in sents], emb)

    return sents, LazyScorer(make)


def candidate_pairs(sentences, full=None, k=None):
    """The pairs of articles a story compares: None for all of them (a story of at most
    `full` articles), else a set of (article id, article id), lower id first: each
    article with its k most similar articles (cosine of sublinear TF-IDF over the stems
    of all its sentences; ties to the lower id). align, provenance and conflicts use the
    same pairs. Memory is one block of article rows against all articles at a time.
    full, k: default FULL_STORY, NEIGHBOURS."""
    by_article = {}
    for s in sentences:
        if s.article_id is not None:
            by_article.setdefault(s.article_id, []).append(s)
    return article_candidates(by_article, full, k)


_last_candidates = [None, None]   # (key, pairs) of the last large story: align, conflicts
                                  # and provenance ask for the same story's pairs in turn


def article_candidates(by_article, full=None, k=None):
    """candidate_pairs() of {article id: [records.Sentence]}."""
    full = FULL_STORY if full is None else full
    k = NEIGHBOURS if k is None else k
    texts = {}
    for a, sentences in by_article.items():
        ss = [s for s in sentences or () if isinstance(s.text, str) and s.text.strip()]
        if ss:
            texts[a] = sorted(ss, key=lambda s: (s.idx if s.idx is not None else -1, s.id if s.id is not None else -1))
    if len(texts) <= full:
        return None
    ids = sorted(texts)
    key = (full, k, tuple((a, tuple((s.id, s.text) for s in texts[a])) for a in ids))
    if _last_candidates[0] == key:
        return set(_last_candidates[1])
    pairs = _candidates(ids, texts, k)
    _last_candidates[:] = [key, frozenset(pairs)]
    return pairs


def _candidates(ids, texts, k):
    vocab, rows, cols, vals = {}, [], [], []
    for r, a in enumerate(ids):
        counts = {}
        for s in texts[a]:
            for w in stems(s.text):
                counts[w] = counts.get(w, 0) + 1
        for w, c in counts.items():
            rows.append(r)
            cols.append(vocab.setdefault(w, len(vocab)))
            vals.append(1.0 + math.log(c))
    n = len(ids)
    x = csr_matrix((vals, (rows, cols)), shape=(n, max(len(vocab), 1)))
    df = np.bincount(x.indices, minlength=x.shape[1])
    x = x.multiply(np.log((1 + n) / (1 + df)) + 1).tocsr()
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    x = csr_matrix(x.multiply(1 / np.where(norms > 0, norms, 1.0)[:, None]))
    pairs = set()
    step = max(1, MAX_CELLS // n)
    for lo in range(0, n, step):
        sims = (x[lo:lo + step] @ x.T).toarray()
        for r in range(sims.shape[0]):
            row = sims[r]
            row[lo + r] = -np.inf          # not itself
            if n - 1 > k:
                # the k largest, ties at the k-th value to the lower ids (linear, no sort)
                kth = np.partition(row, n - k)[n - k]
                above = np.flatnonzero(row > kth)
                chosen = np.concatenate([above, np.flatnonzero(row == kth)[:k - len(above)]])
            else:
                chosen = np.flatnonzero(row > -np.inf)
            for c in chosen.tolist():
                a, b = ids[lo + r], ids[c]
                pairs.add((a, b) if a < b else (b, a))
    return pairs


def _column_chunks(row_count, col_articles, articles):
    """col_articles split into runs whose sentences times row_count stay within MAX_CELLS
    (at least one article per run): [(article ids, their sentence indices)]."""
    chunks, ids, cols = [], [], []
    for b_id in col_articles:
        ib = articles[b_id]
        if ids and row_count * (len(cols) + len(ib)) > MAX_CELLS:
            chunks.append((ids, cols))
            ids, cols = [], []
        ids.append(b_id)
        cols.extend(ib)
    if ids:
        chunks.append((ids, cols))
    return chunks


def align(sentences, encoder=None, threshold=None, scored=None, pairs=None):
    """Aligned sentence pairs of one story (see module doc), as [records.Alignment].

    sentences: [records.Sentence] with their figures, ids and article ids.
    encoder: optional ingest.embed.Encoder; its cosine is mixed into the score.
    threshold: the minimum score of like roles (default THRESHOLD, or SEMANTIC_THRESHOLD
    with an encoder).
    scored: story_scorer(sentences, encoder), when the caller has made it already.
    pairs: the article pairs to align (candidate_pairs()); computed here when None.
    """
    if scored is None:
        scored = story_scorer(sentences, encoder)
    sents, scorer = scored
    articles = {}
    for k, s in enumerate(sents):
        articles.setdefault(s.article_id, []).append(k)
    if len(articles) < 2:
        return []
    for ks in articles.values():
        ks.sort(key=lambda k: (sents[k].idx, sents[k].id))
    if threshold is None:
        threshold = SEMANTIC_THRESHOLD if scorer.embeddings is not None else THRESHOLD
    if pairs is None:
        pairs = candidate_pairs(sents)
    roles = [s.role for s in sents]
    kinds = {}   # relation() of text pairs already compared
    out = []
    order = sorted(articles)
    # the later articles each article is aligned with, in order
    if pairs is None:
        partners = {a: order[n + 1:] for n, a in enumerate(order)}
    else:
        partners = {a: [] for a in order}
        for a, b in sorted(pairs):
            if a in partners and b in partners:
                partners[a].append(b)
    position = {a: n for n, a in enumerate(order)}
    first = 0
    while first < len(order) - 1:
        # One score matrix for a block of consecutive articles (BLOCK sentences or more)
        # against the articles they are aligned with, sliced per pair below: a few
        # large matrix products, not one per pair (scipy's cost per call dominates there);
        # no larger than MAX_CELLS unless one pair of articles alone is.
        last = first + 1
        rows = list(articles[order[first]])
        while len(rows) < BLOCK and last < len(order) - 1:
            rows += articles[order[last]]
            last += 1
        if pairs is None:
            cols_of = order[first + 1:]
        else:
            cols_of = sorted({b for a in order[first:last] for b in partners[a]}, key=position.__getitem__)
        if last - first > 1 and len(rows) * sum(len(articles[b]) for b in cols_of) > MAX_CELLS:
            last = first + 1     # a smaller block: one article's rows, its columns in runs
            rows = list(articles[order[first]])
            cols_of = partners[order[first]]
        for chunk_ids, cols in _column_chunks(len(rows), cols_of, articles):
            col_at, c = {}, 0
            for b_id in chunk_ids:
                col_at[b_id] = c
                c += len(articles[b_id])
            S_block = scorer.matrix(rows, cols)
            thr_block = thresholds([roles[k] for k in rows], [roles[k] for k in cols], threshold)
            r = 0
            for n_a in range(first, last):
                ia = articles[order[n_a]]
                for b_id in partners[order[n_a]]:
                    if b_id not in col_at:
                        continue
                    ib, c = articles[b_id], col_at[b_id]
                    S = S_block[r:r + len(ia), c:c + len(ib)]
                    thr = thr_block[r:r + len(ia), c:c + len(ib)]
                    out.extend(_align_pair(sents, ia, ib, S, thr, scorer, kinds))
                r += len(ia)
        first = last
    out.sort(key=lambda p: (p.sentence_a, p.sentence_b))
    return out


def _align_pair(sents, ia, ib, S, thr, scorer, kinds):
    """Aligned pairs between articles ia and ib (sentence indices) given their scores."""
    out = []

    def merge_score(rows, cols):
        if len(rows) > 1:
            return scorer.group_score([ia[r] for r in rows], ib[cols[0]])
        return scorer.group_score([ib[c] for c in cols], ia[rows[0]])

    links = decide(S, thr, merge_score)
    deg_a, deg_b = {}, {}
    for i, j in links:
        deg_a[i] = deg_a.get(i, 0) + 1
        deg_b[j] = deg_b.get(j, 0) + 1
    for i, j in sorted(links):
        sa, sb = sents[ia[i]], sents[ib[j]]
        lo, hi = sorted((sa.id, sb.id))
        out.append(Alignment(sentence_a=lo, sentence_b=hi, score=round(float(S[i, j]), 4),
                             relation=relation(sa.text, sb.text, deg_a[i] > 1 or deg_b[j] > 1, kinds)))
    return out
