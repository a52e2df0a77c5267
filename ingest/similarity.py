"""The pairwise sentence score: one formula for the aligner and for SQL.

`Scorer(texts)` fits TF-IDF weights (words and character n-grams) on a set of
sentences (a story) and scores any pair of them. `similarity(a, b)` is the very
same formula with the weights fitted on the two sentences alone: that is what
the SQL function `newsdiff_similarity(a, b)` returns, and what the aligner
stores for a story that has just those two sentences. With more context the
IDF weights change (words every article repeats count less), so a stored
alignment score can differ from `newsdiff_similarity` on the same two texts by
a few hundredths; the decisions (weights, thresholds) live here and only here.

The score, in 0..1:
    lexical = mean of the cosine over word TF-IDF and over char 3-5-gram TF-IDF
    semantic (only with an encoder, see ingest/embed.py) is mixed into lexical
    then figures agree (same key, same value) -> pulled up towards 1,
         figures disagree (same key, no common value) -> pushed down,
         names (capitalised words) shared -> pulled up a little.
Position in the article is not part of the score: rewrites reorder freely, and
the score must stay a property of the two texts (measured in docs/alignment.md).
"""
import re
import unicodedata

import numpy as np
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

# Weights and constants, measured in benchmarks/ (docs/alignment.md says how).
WORD_WEIGHT = 0.5          # lexical = WORD_WEIGHT*word + (1-WORD_WEIGHT)*char
SEMANTIC_WEIGHT = 0.5      # share of the (rescaled) embedding cosine in the base score
SEMANTIC_FLOOR = 0.2       # cosine of unrelated sentences for MiniLM: rescaled to 0
NUMBER_AGREE = 0.25        # pull towards 1 when all shared figure keys agree
NUMBER_CONFLICT = 0.2      # push towards 0 when all shared figure keys disagree
NAME_AGREE = 0.1           # pull towards 1 by the Jaccard of capitalised names
STOP_WEIGHT = 0.3          # stop words count this much (IDF does the rest in a story)

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"',
                         "„": '"', "«": '"', "»": '"', "‹": "'", "›": "'",
                         "–": "-", "—": "-", "−": "-", "\u00a0": " "})
_ACRONYM_DOT = re.compile(r"(?<=\b[A-Za-z])\.(?=[A-Za-z]\.)")
_WORD = re.compile(r"\w+")
_NAME = re.compile(r"\b[A-Z][\w'-]*[a-z]\w*|\b[A-Z]{2,}\b")


def normalize(text):
    """Text as compared: NFKC, straight quotes and dashes, 'U.S.' -> 'US.', one space."""
    if not isinstance(text, str):
        return ""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    text = _ACRONYM_DOT.sub("", text)
    return " ".join(text.split())


def _stem(w):
    # A light suffix stripper: enough to pair "acquired"/"acquire", "talks"/"talk";
    # char n-grams catch the rest of the morphology.
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    for suf, keep in (("ing", 4), ("ed", 4), ("es", 4), ("s", 3), ("e", 4)):
        if w.endswith(suf) and len(w) - len(suf) >= keep - 1 and not w.endswith("ss"):
            return w[: -len(suf)]
    return w


def words(text):
    """Lower-cased, lightly stemmed word tokens of a sentence."""
    return [_stem(w) for w in _WORD.findall(normalize(text).lower())]


def names(text):
    """Capitalised words that are not the first word and not stop words: a proxy for names."""
    toks = _NAME.findall(normalize(text))
    first = _WORD.match(normalize(text))
    out = set()
    for i, t in enumerate(toks):
        if i == 0 and first and t == first.group(0):
            continue
        if t.lower() in ENGLISH_STOP_WORDS:
            continue
        out.add(_stem(t.lower()))
    return out


def _figures(nums):
    """{key: set(values)} from numbers.extract output."""
    out = {}
    for n in nums or ():
        if not isinstance(n, dict) or n.get("value") is None:
            continue
        out.setdefault(n.get("key") or n.get("kind") or "number", set()).add(round(float(n["value"]), 6))
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
    """The one formula turning pair evidence into a 0..1 score (scalars or numpy arrays)."""
    s = np.asarray(lexical, dtype=float)
    if semantic is not None:
        sem = np.clip((np.asarray(semantic, dtype=float) - SEMANTIC_FLOOR) / (1 - SEMANTIC_FLOOR), 0, 1)
        s = (1 - SEMANTIC_WEIGHT) * s + SEMANTIC_WEIGHT * sem
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


class Scorer:
    """Pairwise scores for a set of sentences, with weights fitted on that set.

    texts: list of sentence strings; numbers: optional list (same length) of
    numbers.extract output per sentence (extracted here when missing);
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
        for vec, stop in ((TfidfVectorizer(analyzer=words, sublinear_tf=True), True),
                          (TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True), False)):
            try:
                vec.fit(self.texts)
            except ValueError:  # empty vocabulary: nothing but punctuation, say
                vec = None
            w = None
            if vec is not None and stop:
                w = np.array([STOP_WEIGHT if t in _STOP_STEMS else 1.0
                              for t, _ in sorted(vec.vocabulary_.items(), key=lambda kv: kv[1])])
            self._vecs.append((vec, w))
        self._word, self._char = self._vectors(self.texts)

    def _vectors(self, texts):
        """Unit-length (word, char) TF-IDF rows of texts under this set's weights."""
        out = []
        for vec, w in self._vecs:
            if vec is None:
                out.append(None)
                continue
            m = vec.transform(texts)
            if w is not None:
                m = m.multiply(w).tocsr()
                norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
                norms[norms == 0] = 1
                m = m.multiply(1 / norms[:, None]).tocsr()
            out.append(m)
        return out

    def lexical_matrix(self, rows=None, cols=None):
        """Lexical similarity (n_rows x n_cols) for sentence indices rows x cols."""
        rows = list(range(self.n)) if rows is None else list(rows)
        cols = list(range(self.n)) if cols is None else list(cols)
        out = np.zeros((len(rows), len(cols)))
        for m, w in ((self._word, WORD_WEIGHT), (self._char, 1 - WORD_WEIGHT)):
            if m is not None and rows and cols:
                out += w * (m[rows] @ m[cols].T).toarray()
        return np.clip(out, 0.0, 1.0)

    def matrix(self, rows=None, cols=None):
        """Full scores (lexical, semantic if embeddings, figures, names) for rows x cols."""
        rows = list(range(self.n)) if rows is None else list(rows)
        cols = list(range(self.n)) if cols is None else list(cols)
        lex = self.lexical_matrix(rows, cols)
        sem = None
        if self.embeddings is not None and rows and cols:
            sem = self.embeddings[rows] @ self.embeddings[cols].T
        agree = np.zeros_like(lex)
        conflict = np.zeros_like(lex)
        fig_cols = [(b, self.figures[j]) for b, j in enumerate(cols) if self.figures[j]]
        for a, i in enumerate(rows):
            if self.figures[i]:
                for b, fb in fig_cols:
                    agree[a, b], conflict[a, b] = figure_agreement(self.figures[i], fb)
        jac = np.zeros_like(lex)
        name_cols = [(b, self.names[j]) for b, j in enumerate(cols) if self.names[j]]
        for a, i in enumerate(rows):
            na = self.names[i]
            if na:
                for b, nb in name_cols:
                    inter = len(na & nb)
                    if inter:
                        jac[a, b] = inter / len(na | nb)
        return np.asarray(combine(lex, agree, conflict, jac, sem)).reshape(lex.shape)

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
        text = " ".join(self.texts[i] for i in group)
        va = self._vectors([text])
        lex = 0.0
        for m, full, w in zip(va, (self._word, self._char), (WORD_WEIGHT, 1 - WORD_WEIGHT)):
            if m is not None:
                lex += w * float((m @ full[j].T).toarray()[0, 0])
        fa, na = {}, set()
        for i in group:
            for k, v in self.figures[i].items():
                fa.setdefault(k, set()).update(v)
            na |= self.names[i]
        sem = None
        if self.embeddings is not None:
            e = self.embeddings[list(group)].sum(axis=0)
            e = e / (np.linalg.norm(e) or 1.0)
            sem = float(e @ self.embeddings[j])
        return self._combine(fa, self.figures[j], na, self.names[j], min(lex, 1.0), sem)


_STOP_STEMS = {_stem(w) for w in ENGLISH_STOP_WORDS}


def similarity(a, b):
    """Context-free score of two sentences in 0..1: the Scorer fitted on the pair.

    Deterministic; 0.0 for None, empty or non-text input. The SQL function
    newsdiff_similarity(a, b) is this function.
    """
    if not isinstance(a, str) or not isinstance(b, str):
        return 0.0
    if not _WORD.search(a) or not _WORD.search(b):
        return 0.0
    try:
        return round(Scorer([a, b]).score(0, 1), 6)
    except Exception:  # junk must never break a SQL query
        return 0.0
