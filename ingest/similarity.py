"""The pairwise sentence score: the story formula for the aligner, the pair model for SQL.

`Scorer(texts)` fits TF-IDF weights (words and character n-grams) on a set of
sentences (a story) and scores any pair of them. `similarity(a, b)` is the Scorer
fitted on the two sentences alone: that is what the SQL function
`newsdiff_similarity(a, b)` returns, and what the aligner stores for a story that
has just those two sentences. A stored alignment score comes from the story formula
with the story's IDF weights (words every article repeats count less), so it differs
from `newsdiff_similarity` on the same two texts; the decisions (weights,
thresholds) live here and only here.

The story formula, in 0..1 (what the aligner scores a story's sentences with):
    lexical = mean of the cosine over word TF-IDF and over char 3-5-gram TF-IDF
    semantic (only with an encoder, see ingest/embed.py) is mixed into lexical
    then figures agree (same key, same value) -> pulled up towards 1,
         figures disagree (same key, no common value) -> pushed down,
         names (capitalised words) shared -> pulled up a little.
A Scorer of two sentences (newsdiff_similarity) scores them with the pair model instead:
whether they say the same thing, a logistic regression over what one says and the other
does not, fitted on news paraphrase labels (PAIR_FEATURES below; docs/alignment.md).
Position in the article is not part of the score: rewrites reorder freely, and
the score must stay a property of the two texts (measured in docs/alignment.md).
"""
import functools
import itertools
import math
import re
from collections import Counter

import numpy as np
from rapidfuzz.distance import Indel, Levenshtein
from rapidfuzz.process import cdist
from scipy.sparse import csr_matrix

from ingest.text import STOP_WORDS, WORD, normalize, stem, stems

# Weights and constants, measured in benchmarks/ (docs/alignment.md says how).
WORD_WEIGHT = 0.5          # lexical = WORD_WEIGHT*word + (1-WORD_WEIGHT)*char
SEMANTIC_WEIGHT = 0.5      # share of the (rescaled) embedding cosine in the base score
SEMANTIC_FLOOR = 0.2       # cosine of unrelated sentences for MiniLM: rescaled to 0
NUMBER_AGREE = 0.25        # pull towards 1 when all shared figure keys agree
NUMBER_CONFLICT = 0.2      # push towards 0 when all shared figure keys disagree
NAME_AGREE = 0.1           # pull towards 1 by the Jaccard of capitalised names
STOP_WEIGHT = 0.3          # stop words count this much (IDF does the rest in a story)
# Telling a paraphrase from a sentence on the same topic (newsdiff_similarity: a pair of
# sentences without a story around them; docs/alignment.md, "Paraphrase detection"): what
# one sentence says that the other does not, weighed by how informative its words are in
# general English (wordfreq), the numbers only one of them gives, and how much of their
# wording the other repeats in the same order (word n-grams as BLEU counts them, edits).
INFO_TOP = 7.5             # informativeness of a word = max(INFO_FLOOR, INFO_TOP - Zipf frequency)
INFO_FLOOR = 0.3
SOFT_MATCH = 0.8           # two different words this similar (Indel ratio of the stems) count as
                           # shared by their ratio: spelling variants, derivations ("Sulaimaniyah"/
                           # "Suleimaniya", "investigat"/"investigation")
SOFT_MIN_LEN = 4           # ... both of at least 4 letters and neither with a digit: "h2210" is
                           # not the "h2200", 2003 is not 2005
SOFT_MAX_PAIRS = 250_000   # ... unless the unmatched words make more pairs than this (500 x 500:
                           # texts far longer than a sentence): then exact words only
FIGURE_INFO = 2.0          # a number counts twice what its frequency says: it is a checkable fact
                           # one sentence states and the other lacks
# The pair model: a logistic regression over PAIR_FEATURES, symmetric in the two sentences
# (a feature of both sides comes as the lower value, the higher, or the gap between them).
# Fitted on the MSRP train split only (Microsoft's paraphrase labels for 4,076 pairs of news
# sentences) by benchmarks/fit_similarity.py, which prints the two lines below; the test
# split stays held out for the accuracy figure. Its weights are bounded by sign: a feature
# of a difference (DIFFERENCES: 0 for a sentence against itself) never raises the score,
# any other (a share of agreement, 1 against itself) never lowers it. The candidate
# features the fit gave no weight to are listed in docs/alignment.md.
DIFFERENCES = ("gap", "unmatched", "numbers", "edits")
PAIR_FEATURES = ("character cosine", "unmatched low", "unmatched high", "numbers one side",
                 "1-grams", "3-grams gap", "4-grams gap", "edits per word",
                 "unmatched run low", "unmatched run high")
PAIR_WEIGHTS = (1.9543, -0.2421, -0.5612, -0.2266, 2.5527, -5.5024, -3.3842, -2.3509, -0.1091, -0.0795)
PAIR_BIAS = 2.9156

_NAME = re.compile(r"\b[A-Z][\w'-]*[a-z]\w*|\b[A-Z]{2,}\b")


@functools.lru_cache(maxsize=4096)
def names(text):
    """Capitalised words that are not the first word and not stop words: a proxy for names.

    Cached (align and claims score the same sentences); the set is shared: do not change it."""
    text = normalize(text)
    toks = _NAME.findall(text)
    first = WORD.match(text)
    out = set()
    for i, t in enumerate(toks):
        if i == 0 and first and t == first.group(0):
            continue
        if t.lower() in STOP_WORDS:
            continue
        out.add(stem(t.lower()))
    return out


def _figures(nums):
    """{key: set(values)} of a sentence's records.Figure list."""
    out = {}
    for n in nums or ():
        if n.amount() is not None:
            out.setdefault(n.key or n.kind, set()).add(n.amount())
    return out


def figure_agreement(fa, fb):
    """(agreeing keys, conflicting keys) between two {key: values} maps."""
    agree = conflict = 0
    for key in fa.keys() & fb.keys():
        if fa[key] & fb[key]:
            agree += 1
        else:
            conflict += 1
    return agree, conflict


def combine(lexical, agree=0, conflict=0, name_jaccard=0.0, semantic=None):
    """The story formula turning pair evidence into a 0..1 score (scalars or numpy arrays)."""
    s = np.asarray(with_semantic(lexical, semantic), dtype=float)
    agree = np.asarray(agree, dtype=float)
    conflict = np.asarray(conflict, dtype=float)
    shared = np.maximum(agree + conflict, 1)
    # Agreeing figures are strong evidence of the same statement; a disagreeing one
    # only lowers the score: a changed number in the same sentence must still align,
    # so that the disagreement can be reported.
    s = s + NUMBER_AGREE * (agree / shared) * (1 - s)
    s = s - NUMBER_CONFLICT * (conflict / shared) * s
    s = s + NAME_AGREE * np.asarray(name_jaccard, dtype=float) * (1 - s)
    s = np.clip(s, 0.0, 1.0)
    return float(s) if s.ndim == 0 else s


def with_semantic(score, semantic):
    """A lexical score (scalar or array) with the embedding cosine mixed in, when there is one."""
    if semantic is None:
        return score
    sem = np.clip((np.asarray(semantic, dtype=float) - SEMANTIC_FLOOR) / (1 - SEMANTIC_FLOOR), 0, 1)
    return (1 - SEMANTIC_WEIGHT) * np.asarray(score, dtype=float) + SEMANTIC_WEIGHT * sem


def is_difference(feature):
    """Whether a PAIR_FEATURES name is a difference between the sentences (see DIFFERENCES)."""
    return any(word in feature for word in DIFFERENCES)


def _logit(features):
    return PAIR_BIAS + float(np.dot(PAIR_WEIGHTS, features))


# the features of a sentence paired with itself: every share 1, nothing unmatched
_SAME = np.array([0.0 if is_difference(name) else 1.0 for name in PAIR_FEATURES])
_LOG_SAME = float(np.logaddexp(0.0, -_logit(_SAME)))


def pair_score(features):
    """The pair model's 0..1 score of a PAIR_FEATURES vector: the logistic model's
    probability, scaled so that a sentence scores 1 against itself."""
    # sigmoid(z) / sigmoid(z of a sentence against itself), written to stay finite for any z
    return float(min(1.0, math.exp(_LOG_SAME - np.logaddexp(0.0, -_logit(features)))))


class Scorer:
    """Pairwise scores for a set of sentences, with weights fitted on that set.

    texts: list of sentence strings; numbers: optional list (same length) of
    records.Figure lists, one per sentence (extracted here when missing);
    embeddings: optional array (n, d) of unit vectors, e.g. from ingest.embed.
    """

    def __init__(self, texts, numbers=None, embeddings=None):
        self.texts = [normalize(t) for t in texts]
        self.n = len(self.texts)
        if numbers is None:
            from ingest.numbers import extract
            numbers = [extract(t) for t in self.texts]
        self.figures = [_figures(n) for n in numbers]
        self.names = [names(t) for t in self.texts]
        self.embeddings = None if embeddings is None else np.asarray(embeddings, dtype=float)
        self._vecs = []
        for analyzer, weight in ((stems, _word_weight), (char_ngrams, None)):
            try:
                self._vecs.append(Tfidf(analyzer, self.texts, weight))
            except ValueError:  # empty vocabulary: nothing but punctuation, say
                self._vecs.append(None)
        self._index()

    def _index(self):
        self._word, self._char = [None if vec is None else vec.fitted for vec in self._vecs]
        self._fig_index, self._fig_keys = _figure_index(self.figures)
        self._name_sets, self._name_sizes = _name_index(self.names)
        if self.n <= 2:
            # dense rows for a pair: scipy's per-matrix overhead (slices, products, format
            # checks) was a third of the time of newsdiff_similarity, for ~40 terms
            self._word, self._char, self._name_sets = (None if m is None else m.toarray()
                                                       for m in (self._word, self._char, self._name_sets))
        # The pair model only where the IDF says nothing: a Scorer of two sentences
        # (newsdiff_similarity). In a story the IDF already discounts what every article
        # repeats, and pair evidence made story alignment worse (docs/alignment.md); a
        # two-sentence story, or claims over two body sentences, score as the SQL function.
        self.pair_evidence = self.n <= 2
        self._amounts = [_amounts(f) for f in self.figures]
        vec = self._vecs[0]
        if self.pair_evidence and vec is not None:
            self._terms = vec.terms.tolist()
            self._term_info = np.array([informativeness(t) for t in self._terms])
            self._spellable = np.array([len(t) >= SOFT_MIN_LEN and not any(ch.isdigit() for ch in t)
                                        for t in self._terms], dtype=bool)
            ptr, ind = vec.tf.indptr, vec.tf.indices
            self._term_cols = [ind[ptr[i]:ptr[i + 1]] for i in range(self.n)]
        else:
            self._terms = self._term_info = self._spellable = self._term_cols = None
        self._tokens = [stems(t) for t in self.texts] if self.pair_evidence else None

    def subset(self, indices):
        """The Scorer of sentences `indices` alone, without embeddings: the same as
        Scorer([texts[i] ...], [numbers[i] ...]), with the weights refitted from the
        term counts already made (claims scores a story's body sentences this way)."""
        new = Scorer.__new__(Scorer)
        indices = list(indices)
        new.texts = [self.texts[i] for i in indices]
        new.n = len(indices)
        new.figures = [self.figures[i] for i in indices]
        new.names = [self.names[i] for i in indices]
        new.embeddings = None
        new._vecs = []
        for vec in self._vecs:
            try:
                new._vecs.append(None if vec is None else vec.subset(indices))
            except ValueError:  # none of these sentences has a term
                new._vecs.append(None)
        new._index()
        return new

    def lexical_matrix(self, rows=None, cols=None):
        """Lexical similarity (n_rows x n_cols) for sentence indices rows x cols."""
        rows = list(range(self.n)) if rows is None else list(rows)
        cols = list(range(self.n)) if cols is None else list(cols)
        out = np.zeros((len(rows), len(cols)))
        for m, w in ((self._word, WORD_WEIGHT), (self._char, 1 - WORD_WEIGHT)):
            if m is not None and rows and cols:
                out += w * _product(m, rows, cols)
        return np.clip(out, 0.0, 1.0)

    def matrix(self, rows=None, cols=None):
        """Full scores (lexical, semantic if embeddings, figures, names; the pair model for
        a pair of sentences) for rows x cols."""
        rows = list(range(self.n)) if rows is None else list(rows)
        cols = list(range(self.n)) if cols is None else list(cols)
        if self.pair_evidence:       # at most 2 x 2
            return np.array([[self.group_score([i], j) for j in cols] for i in rows]).reshape(len(rows), len(cols))
        lex = self.lexical_matrix(rows, cols)
        sem = None
        if self.embeddings is not None and rows and cols:
            sem = self.embeddings[rows] @ self.embeddings[cols].T
        # Figures and names as 0/1 matrix products, not a Python loop over pairs
        # (same integer counts, so the same scores).
        agree = np.zeros_like(lex)
        shared = np.zeros_like(lex)
        rows_a, cols_a = np.asarray(rows, dtype=np.int64), np.asarray(cols, dtype=np.int64)
        # only the keys some row and some column state: a story has many keys, a block few
        in_rows = set().union(*(self._fig_keys[i] for i in rows)) if rows else set()
        in_cols = set().union(*(self._fig_keys[j] for j in cols)) if cols else set()
        for k in sorted(in_rows & in_cols):
            member, values = self._fig_index[k]
            ra, ca = member[rows_a], member[cols_a]
            r, c = np.nonzero(ra >= 0)[0], np.nonzero(ca >= 0)[0]
            if r.size and c.size:
                block = np.ix_(r, c)
                shared[block] += 1
                # a key agrees when the two sentences have a value of it in common
                agree[block] += (values[ra[r]] @ values[ca[c]].T) > 0
        conflict = shared - agree
        jac = np.zeros_like(lex)
        if self._name_sets is not None and rows and cols:
            inter = _product(self._name_sets, rows, cols)
            union = self._name_sizes[rows_a][:, None] + self._name_sizes[cols_a][None, :] - inter
            np.divide(inter, union, out=jac, where=inter > 0)
        return np.asarray(combine(lex, agree, conflict, jac, sem)).reshape(lex.shape)

    def evidence(self, group, j):
        """The PAIR_FEATURES vector of sentences `group` (read as one text) against sentence
        j: what the pair model reads (benchmarks/fit_similarity.py fits it on these)."""
        char = 0.0 if self._vecs[1] is None else self._vecs[1].group_cosine(group, j)
        lacking = sorted(self._unmatched(self._cols_of(group), j))
        amounts = set().union(*(self._amounts[i] for i in group))
        a, b = [t for i in group for t in self._tokens[i]], self._tokens[j]
        runs = sorted((_unmatched_run(a, b), _unmatched_run(b, a)))
        return np.array([char, math.log1p(lacking[0]), math.log1p(lacking[1]),
                         _mismatch(amounts, self._amounts[j]),
                         min(_ngram_shares(a, b, 1)), _gap(_ngram_shares(a, b, 3)), _gap(_ngram_shares(a, b, 4)),
                         Levenshtein.distance(a, b) / max(len(a), len(b), 1), *runs])

    def _share_words(self, group, j):
        """Whether sentences `group` and sentence j have a content word in common (any word,
        for texts of stop words alone). Without one the pair is outside what the pair model
        was fitted on (every MSRP pair shares one) and there is no lexical evidence of one
        statement at all."""
        words, other = {t for i in group for t in self._tokens[i]}, set(self._tokens[j])
        content, other_content = words - _STOP_STEMS, other - _STOP_STEMS
        return bool(content & other_content if content and other_content else words & other)

    def _cols_of(self, group):
        """Word columns of sentences `group` read as one text (the union of their words)."""
        if self._term_cols is None:
            return None
        if len(group) == 1:   # a row's columns are already sorted and distinct
            return self._term_cols[group[0]]
        return np.unique(np.concatenate([self._term_cols[i] for i in group]))

    def _unmatched(self, cols, j):
        """Each side's informative mass that the other side does not match, for a text with
        word columns `cols` and sentence j. A word is matched by its best partner on the
        other side: 1 for the same stem, its ratio for a near spelling (SOFT_MATCH), else 0."""
        if cols is None:
            return 0.0, 0.0
        own = self._term_cols[j]
        best_a, best_b = np.isin(cols, own).astype(float), np.isin(own, cols).astype(float)
        # near spellings only among the words left unmatched, and only between sentences:
        # two 50,000-character SQL arguments must not make a vocabulary-squared matrix
        left_a = np.flatnonzero((best_a == 0) & self._spellable[cols])
        left_b = np.flatnonzero((best_b == 0) & self._spellable[own])
        if 0 < left_a.size * left_b.size <= SOFT_MAX_PAIRS:
            ratio = cdist([self._terms[k] for k in cols[left_a]], [self._terms[k] for k in own[left_b]],
                          scorer=Indel.normalized_similarity, score_cutoff=SOFT_MATCH, dtype=np.float64)
            best_a[left_a], best_b[left_b] = ratio.max(axis=1), ratio.max(axis=0)
        return tuple(float(self._term_info[side] @ (1 - best)) for side, best in ((cols, best_a), (own, best_b)))

    @staticmethod
    def _combine(fa, fb, na, nb, lexical, semantic=None):
        agree, conflict = figure_agreement(fa, fb)
        jac = len(na & nb) / len(na | nb) if na and nb else 0.0
        return combine(lexical, agree, conflict, jac, semantic)

    def score(self, i, j):
        return float(self.matrix([i], [j])[0, 0])

    def group_score(self, group, j):
        """Score of sentences `group` (indices, read as one text) against sentence j,
        with this set's weights: how well a merge of several sentences matches one."""
        # The joined text's terms are the sum of its sentences' terms (joined with a
        # space, no term crosses the seam): reuse the fitted counts, do not re-tokenise.
        sem = None
        if self.embeddings is not None:
            e = self.embeddings[list(group)].sum(axis=0)
            e = e / (np.linalg.norm(e) or 1.0)
            sem = float(e @ self.embeddings[j])
        if self.pair_evidence:
            lexical = pair_score(self.evidence(group, j)) if self._share_words(group, j) else 0.0
            return with_semantic(lexical, sem)
        lex = 0.0
        for vec, w in zip(self._vecs, (WORD_WEIGHT, 1 - WORD_WEIGHT)):
            if vec is not None:
                lex += w * vec.group_cosine(group, j)
        fa, na = {}, set()
        for i in group:
            for k, v in self.figures[i].items():
                fa.setdefault(k, set()).update(v)
            na |= self.names[i]
        return self._combine(fa, self.figures[j], na, self.names[j], min(lex, 1.0), sem)


_STOP_STEMS = {stem(w) for w in STOP_WORDS}


def _take(m, idx):
    """Rows idx of a sparse matrix. One article's sentences are consecutive: a slice is
    far cheaper than scipy's fancy indexing, and gives the same rows."""
    if idx[-1] - idx[0] == len(idx) - 1 and idx == list(range(idx[0], idx[-1] + 1)):
        return m[idx[0]:idx[-1] + 1]
    return m[idx]


def _product(m, rows, cols):
    """Dense (rows x cols) product of rows of m with rows of m, m sparse or dense."""
    prod = _take(m, rows) @ _take(m, cols).T
    return prod if isinstance(prod, np.ndarray) else prod.toarray()


@functools.lru_cache(maxsize=4096)
def _term_counts(analyzer, text):
    # Cached: claims fits a Scorer on the body sentences align has just tokenised, and
    # rewrites repeat sentences. Shared Counters: read them, never change them.
    return Counter(analyzer(text))


def _figure_index(figures):
    """([per figure key: (row of each sentence in a 0/1 value matrix or -1, that matrix)],
    [per sentence: the numbers of the keys it states])."""
    members_of = {}
    for i, f in enumerate(figures):
        for key in f:
            members_of.setdefault(key, []).append(i)
    out, keys_of = [], [set() for _ in figures]
    for k, key in enumerate(sorted(members_of, key=str)):
        members = members_of[key]
        for i in members:
            keys_of[i].add(k)
        values = sorted({v for i in members for v in figures[i][key]}, key=str)
        col = {v: c for c, v in enumerate(values)}
        member = np.full(len(figures), -1, dtype=np.int64)
        onehot = np.zeros((len(members), len(values)))
        for r, i in enumerate(members):
            member[i] = r
            onehot[r, [col[v] for v in figures[i][key]]] = 1.0
        out.append((member, onehot))
    return out, keys_of


def _name_index(name_sets):
    """(0/1 sparse sentence x name matrix, names per sentence), or (None, None) without names."""
    vocab = {}
    rows, cols = [], []
    for r, ns in enumerate(name_sets):
        for name in ns:
            rows.append(r)
            cols.append(vocab.setdefault(name, len(vocab)))
    if not vocab:
        return None, None
    m = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(name_sets), len(vocab)))
    return m, np.array([len(ns) for ns in name_sets], dtype=float)


def _word_weight(term):
    return STOP_WEIGHT if term in _STOP_STEMS else 1.0


def _amounts(figures):
    """Every amount of a {key: values} figure map, whatever its key."""
    return {v for values in figures.values() for v in values}


@functools.lru_cache(maxsize=1 << 16)
def informativeness(term):
    """How much a (stemmed) word says, from its frequency in general English: wordfreq's
    Zipf value of its commonest surface form (the stem, or with -e, -s, -ed, -ing, -es
    put back), INFO_TOP - Zipf, at least INFO_FLOOR. "the" 0.3, "said" 1.5, "shares"
    2.9, "sanctions" 3.6, a rare name 5.5, a word wordfreq does not know 7.5; a number
    FIGURE_INFO times its value.

    A property of the word alone (no corpus, no story), so the same everywhere."""
    if term.isdigit():   # a number has no inflected forms
        return FIGURE_INFO * max(INFO_FLOOR, INFO_TOP - _zipf(term))
    return max(INFO_FLOOR, INFO_TOP - max(_zipf(term + suffix) for suffix in ("", "e", "s", "ed", "ing", "es")))


def _zipf(word):
    """wordfreq's zipf_frequency(word, "en"). A lower-case ASCII word is one token without
    digits, so it is read straight from wordfreq's table with wordfreq's own rounding:
    zipf_frequency tokenises each call (~25 us, most of the cost of a pair's first score)."""
    wordfreq = _wordfreq()
    if not (word.isascii() and word.isalpha() and word.islower()):
        return wordfreq.zipf_frequency(word, "en")
    freq = wordfreq.get_frequency_dict("en", "best").get(word, 0.0)   # zipf_frequency's own (cached) table
    if freq <= 0.0:
        return 0.0
    # wordfreq's rounding to 3 significant digits, with its math.log(x, 10) (log10 can
    # differ in the last bit, and so in the digit kept)
    freq = round(freq, math.floor(-math.log(freq, 10)) + 3)  # noqa: FURB163
    return round(wordfreq.freq_to_zipf(freq), 2)


@functools.lru_cache(maxsize=1)
def _wordfreq():
    # imported on first use: 0.15 s that the Datasette plugin need not pay at startup
    import wordfreq
    return wordfreq


def _unmatched_run(a, b):
    """The longest run of consecutive words of a that b does not have: an added clause."""
    have, run, longest = set(b), 0, 0
    for t in a:
        run = 0 if t in have else run + 1
        longest = max(longest, run)
    return longest


def _ngram_shares(a, b, n):
    """(a's share, b's share) of word n-grams the other side has, as BLEU's clipped counts
    make them; (0, 0) when one side is too short for n-grams: a short text is no more
    contained in a longer one than the words they share say."""
    ga, gb = (Counter(zip(*(t[k:] for k in range(n)))) for t in (a, b))
    common = (ga & gb).total()
    return (common / ga.total(), common / gb.total()) if ga and gb else (0.0, 0.0)


def _gap(shares):
    return max(shares) - min(shares)


def _mismatch(va, vb):
    """Share of the amounts of two sentences that only one of them has (0 without numbers)."""
    union = len(va | vb)
    return len(va ^ vb) / union if union else 0.0


def char_ngrams(text):
    """Character 3-5-grams inside word boundaries, as scikit-learn's "char_wb" analyzer makes them."""
    grams = []
    for w in text.lower().split():
        grams.extend(_word_grams(w))
    return grams


@functools.lru_cache(maxsize=1 << 13)
def _word_grams(w):
    # Cached per word: a story's sentences share most of their words (8k words: ~10 MB).
    w = f" {w} "
    grams = []
    for n in range(3, 6):
        if len(w) <= n:
            grams.append(w)  # a short word counts once, whole
            break
        grams.extend(w[i : i + n] for i in range(len(w) - n + 1))
    return tuple(grams)


class Tfidf:
    """TF-IDF rows as scikit-learn's TfidfVectorizer(sublinear_tf=True) makes them
    (smooth idf, 1 + log tf, unit length), with an optional per-term weight folded
    into the idf. Written out because fitting scikit-learn's vectoriser costs
    milliseconds per call, and newsdiff_similarity fits one per pair of sentences.
    """

    def __init__(self, analyzer, texts, weight=None):
        counts = [_term_counts(analyzer, text) for text in texts]
        terms = sorted(set().union(*counts))
        if not terms:
            raise ValueError("empty vocabulary")
        self._index = {t: i for i, t in enumerate(terms)}
        self._fit(analyzer, weight, np.array(terms, dtype=object), self._counts_matrix(counts))

    @property
    def index(self):
        """{term: column}; built on first use (a refitted subset never looks terms up)."""
        if self._index is None:
            self._index = {t: i for i, t in enumerate(self.terms)}
        return self._index

    def _fit(self, analyzer, weight, terms, tf):
        """Weights from a (texts x terms) count matrix tf with sorted columns."""
        self.analyzer, self.weight, self.terms, self.tf = analyzer, weight, terms, tf
        n = tf.shape[0]
        df = np.bincount(tf.indices, minlength=len(terms))
        # idf depends on the document frequency only: one log per distinct frequency
        freqs, which = np.unique(df, return_inverse=True)
        self.idf = np.array([math.log((1 + n) / (1 + d)) + 1 for d in freqs.tolist()])[which]
        if weight:
            self.idf = self.idf * np.array([weight(t) for t in terms])
        self.fitted = self._weigh(tf)

    def subset(self, rows):
        """This vectoriser refitted on fitted texts `rows` alone (same as fitting on them)."""
        tf = self.tf[rows]
        # the terms these texts use, in the same (sorted) order
        used = np.flatnonzero(np.bincount(tf.indices, minlength=len(self.terms)))
        if not used.size:
            raise ValueError("empty vocabulary")
        column = np.zeros(len(self.terms), dtype=np.int64)
        column[used] = np.arange(len(used))
        tf = csr_matrix((tf.data, column[tf.indices], tf.indptr), shape=(len(rows), len(used)))
        new = Tfidf.__new__(Tfidf)
        new._index = None
        new._fit(self.analyzer, self.weight, self.terms[used], tf)
        return new

    def group_cosine(self, group, j):
        """Cosine of fitted texts `group` read as one text against fitted text j."""
        ptr, ind = self.tf.indptr, self.tf.indices
        cols = np.concatenate([ind[ptr[i]:ptr[i + 1]] for i in group])
        if not cols.size:
            return 0.0
        tfs = np.concatenate([self.tf.data[ptr[i]:ptr[i + 1]] for i in group])
        terms, where = np.unique(cols, return_inverse=True)
        v = (1 + np.log(np.bincount(where, weights=tfs))) * self.idf[terms]
        v = v / np.sqrt(v @ v)
        # text j's row: sorted columns, so look the joined terms up by bisection
        lo, hi = self.fitted.indptr[j], self.fitted.indptr[j + 1]
        if hi == lo:
            return 0.0
        row_cols, row_w = self.fitted.indices[lo:hi], self.fitted.data[lo:hi]
        pos = np.minimum(np.searchsorted(row_cols, terms), hi - lo - 1)
        hit = row_cols[pos] == terms
        return float(v[hit] @ row_w[pos[hit]])

    def _counts_matrix(self, counts):
        """(texts x terms) csr matrix of raw term counts, sorted columns."""
        sizes = [len(c) for c in counts]
        total = sum(sizes)
        cols = np.fromiter(map(self.index.__getitem__, itertools.chain.from_iterable(counts)), dtype=np.int64, count=total)
        tfs = np.fromiter(itertools.chain.from_iterable(c.values() for c in counts), dtype=float, count=total)
        tf = csr_matrix((tfs, cols, np.concatenate(([0], np.cumsum(sizes, dtype=np.int64)))), shape=(len(counts), len(self.index)))
        tf.sort_indices()
        return tf

    def _weigh(self, tf):
        """Unit-length TF-IDF rows of a count matrix, all rows in one numpy pass (not one
        per sentence): 1 + log tf, times idf, each row scaled to unit length."""
        v = (1 + np.log(tf.data)) * self.idf[tf.indices]
        row = np.repeat(np.arange(tf.shape[0]), np.diff(tf.indptr))
        norms = np.sqrt(np.bincount(row, weights=v * v, minlength=tf.shape[0]))
        return csr_matrix((v / norms[row], tf.indices, tf.indptr), shape=tf.shape)


def similarity(a, b):
    """Context-free score of two sentences in 0..1: the Scorer fitted on the pair.

    Deterministic; 0.0 for None, empty or non-text input. The SQL function
    newsdiff_similarity(a, b) is this function.
    """
    if not isinstance(a, str) or not isinstance(b, str):
        return 0.0
    if not WORD.search(a) or not WORD.search(b):
        return 0.0
    return round(Scorer([a, b]).score(0, 1), 6)
