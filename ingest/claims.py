"""Group the aligned sentences of a story into claims: one claim per distinct statement.

claims(sentences, alignments) -> [records.Claim]

Every given sentence ends up in exactly one claim (a singleton when nothing aligns
with it). The pipeline passes body sentences only.

1. Units. When a sentence of article B aligns with several sentences of article A, B
   merged them (or A split B): those sentences of A form one unit and always stay
   together. This is the only way two sentences of one article share a claim.
2. Average linkage over articles, not sentences. Claims grow by merging the pair of
   clusters with the highest *support*: the share of article pairs (one article on each
   side) that have an alignment between their sentences. Two clusters merge only
   when a majority supports it (>= MIN_SUPPORT), so a chain of single weak links
   (a~b, b~c, c~d) cannot join statements that most articles keep apart, which
   connected components would do.
3. Vetoes, checked on every pair of articles across the two clusters:
   - an article may not appear on both sides (no two sentences of one article in a
     claim, apart from units);
   - two articles' sides that are not aligned with each other may not disagree on a
     figure (same number key, no common value; a unit's figures pooled): "4 billion"
     and "5 billion" are different statements unless a merged sentence joins them;
   - the best direct score between the two articles' sentences must reach MIN_DIRECT
     (pair evidence that they say something alike, not just a path through others).
     Those scores are computed when the linkage first asks for them, one block per pair
     of articles (_Direct), and kept: the linkage only compares clusters joined by
     alignments, so an article that aligns with nothing (a very long one alone in its
     story, say) costs no score at all (and no Scorer is fitted: align.LazyScorer), and memory follows the pairs of articles
     compared, not the square of the story's sentences. A small story (FULL_CELLS) is
     scored in one matrix, which is faster there and gives the same scores.
"""
import numpy as np

from ingest.align import LazyScorer
from ingest.linkage import agglomerate
from ingest.records import Claim
from ingest.similarity import Scorer, figure_agreement, _figures

MIN_SUPPORT = 0.5   # share of cross article pairs with an alignment, to merge
MIN_DIRECT = 0.15   # best direct score between the two sides of every article pair
FULL_CELLS = 1_000_000  # up to this many sentence pairs (1,000 sentences): one matrix at once
MAX_CELLS = 1_000_000  # scores per matrix call at most when scoring per pair of articles
BLOCK = 100           # ... with rows of this many sentences per call (speed only: same scores)


def _conflict(side_a, side_b):
    """True when the figures of two sides (each a list of {key: values}) disagree:
    a key on both sides with no value in common. A unit's figures are pooled."""
    fa, fb = {}, {}
    for side, pool in ((side_a, fa), (side_b, fb)):
        for f in side:
            for key, values in f.items():
                pool.setdefault(key, set()).update(values)
    agree, conflict = figure_agreement(fa, fb)
    return conflict > 0 and not agree


def by_article(members, art):
    """{article: [sentence indices]} of a cluster's members."""
    out = {}
    for k in members:
        out.setdefault(art[k], []).append(k)
    return out


class _Direct:
    """Direct scores between sentences of two articles, for the MIN_DIRECT veto.

    best(ma, ka, mb, kb): the best score of sentences ma (of article ka) against mb (of
    kb). A small story is scored in one matrix (FULL_CELLS). Otherwise scores come from
    scorer.matrix in blocks of whole articles, made on first use and kept: first every
    pair of aligned articles (a few rows of articles against their aligned partners per
    call), then, when the linkage asks for pairs not scored yet, those of the two
    clusters compared, in one call. A cell's score does not depend on the block around
    it, so they equal those of the whole matrix. A pair of articles over MAX_CELLS alone
    is scored only for the sentences asked for."""

    def __init__(self, scorer, art, linked):
        self.scorer, self.art, self.linked = scorer, art, linked
        self.full = self.blocks = None
        self.cells = 0       # scores computed (for tests and benchmarks)

    def _start(self):
        if self.scorer.n * self.scorer.n <= FULL_CELLS:
            self.full = self._mirrored().tolist()   # lists: the linkage reads single cells
            return
        self.members, self.local = {}, [0] * len(self.art)
        for k, a in enumerate(self.art):
            ks = self.members.setdefault(a, [])
            self.local[k] = len(ks)
            ks.append(k)
        self.blocks = {}
        self._fetch({a: sorted(bs) for a, bs in self.linked.items()})

    def _mirrored(self):
        """The whole score matrix from its upper triangle, BLOCK rows a call: a score is
        symmetric in its two sentences (exactly: every part of the formula is), so the
        lower half is the upper one mirrored, and half the cells need no computing."""
        n = self.scorer.n
        full = np.empty((n, n))
        for lo in range(0, n, BLOCK):
            block = self.scorer.matrix(range(lo, min(n, lo + BLOCK)), range(lo, n))
            self.cells += block.size
            full[lo:lo + BLOCK, lo:] = block
            full[lo:, lo:lo + BLOCK] = block.T
        return full

    def _fetch(self, wanted):
        """Score the pairs of articles in wanted ({article: [articles]}) not scored yet."""
        members, blocks = self.members, self.blocks
        wanted = {a: [b for b in bs if (a, b) not in blocks] for a, bs in wanted.items()}
        row_arts = sorted(a for a, bs in wanted.items() if bs)
        i = 0
        while i < len(row_arts):
            group, rows = [], []
            while i < len(row_arts) and (not group or len(rows) < BLOCK):
                group.append(row_arts[i])
                rows += members[row_arts[i]]
                i += 1
            # columns in runs of whole articles within MAX_CELLS; a pair alone over it is left out
            runs, run, width = [], [], 0
            for b in sorted({b for a in group for b in wanted[a]}):
                nb = len(members[b])
                if len(rows) * nb > MAX_CELLS:
                    continue
                if run and len(rows) * (width + nb) > MAX_CELLS:
                    runs.append(run)
                    run, width = [], 0
                run.append(b)
                width += nb
            if run:
                runs.append(run)
            for run in runs:
                block = self.scorer.matrix(rows, [k for b in run for k in members[b]])
                self.cells += block.size
                r = 0
                for a in group:
                    c = 0
                    for b in run:
                        blocks.setdefault((a, b), block[r:r + len(members[a]), c:c + len(members[b])])
                        c += len(members[b])
                    r += len(members[a])

    def prepare(self, kas, kbs):
        """Score the pairs of articles kas x kbs not scored yet, in one go (the linkage is
        about to read them)."""
        if self.full is None and self.blocks is None:
            self._start()
        if self.blocks is not None:
            missing = {a: [b for b in kbs if (a, b) not in self.blocks] for a in kas}
            if any(missing.values()):
                self._fetch(missing)

    def best(self, ma, ka, mb, kb):
        if self.full is None and self.blocks is None:
            self._start()
        if self.full is not None:
            direct = self.full
            return max(direct[i][j] for i in ma for j in mb)
        block = self.blocks.get((ka, kb))
        if block is None:
            self._fetch({ka: [kb]})
            block = self.blocks.get((ka, kb))
        if block is None:
            # a pair of very long articles: score just the sentences asked for
            self.cells += len(ma) * len(mb)
            return float(self.scorer.matrix(ma, mb).max())
        local = self.local
        return float(block[np.ix_([local[i] for i in ma], [local[j] for j in mb])].max())


class _Find:
    def __init__(self, n):
        self.p = list(range(n))

    def __call__(self, x):
        while self.p[x] != x:
            self.p[x] = self.p[self.p[x]]
            x = self.p[x]
        return x

    def union(self, a, b):
        self.p[self(a)] = self(b)


def claims(sentences, alignments, scorer=None):
    """scorer: a Scorer (no embeddings) fitted on exactly these sentences' texts and
    numbers, in this order, e.g. Scorer.subset of the story's; made here when missing."""
    sents = [s for s in sentences if s.id is not None]
    if not sents:
        return []
    art = [s.article_id for s in sents]
    aligned = _aligned(sents, alignments)
    if scorer is None:
        scorer = LazyScorer(lambda: Scorer([s.text or "" for s in sents], [s.figures for s in sents]))
    clusters = _grouped(_units(len(sents), aligned, art), aligned, art, scorer, [_figures(s.figures) for s in sents])
    return _claim_records(clusters, sents, aligned, art)


def _aligned(sents, alignments):
    """{(a, b): score} over positions in sents, both ways, pairs within one article left out."""
    index = {s.id: k for k, s in enumerate(sents)}
    aligned = {}
    for p in alignments:
        a, b = index.get(p.sentence_a), index.get(p.sentence_b)
        if a is None or b is None or sents[a].article_id == sents[b].article_id:
            continue
        aligned[(a, b)] = aligned[(b, a)] = float(p.score or 0.0)
    return aligned


def _units(n, aligned, art):
    """{root: [positions]}: the partners of one sentence within one other article join it."""
    find = _Find(n)
    partners = {}
    for (a, b) in aligned:
        partners.setdefault((a, art[b]), []).append(b)
    for group in partners.values():
        for x in group[1:]:
            find.union(group[0], x)
    clusters = {}
    for k in range(n):
        clusters.setdefault(find(k), []).append(k)
    return clusters


# The linkage, its vetoes and the merge share the clusters' state (owners, sides) through
# closures; apart, they would need a class for it.
def _grouped(clusters, aligned, art, scorer, figures):
    """The units merged into claims (average linkage with vetoes); clusters is changed."""
    linked = {}
    for (a, b) in aligned:
        linked.setdefault(art[a], set()).add(art[b])
    direct = _Direct(scorer, art, linked)
    owner = {k: x for x, members in clusters.items() for k in members}
    sides = {x: by_article(members, art) for x, members in clusters.items()}

    def linkage(x, y):
        """Support for merging clusters x and y, or None when a veto applies."""
        ax, ay = sides[x], sides[y]
        if ax.keys() & ay.keys():
            return None
        support = 0
        best_total = 0.0
        direct.prepare(ax, ay)
        for ka, ma in ax.items():
            for kb, mb in ay.items():
                best = direct.best(ma, ka, mb, kb)
                if best < MIN_DIRECT:
                    return None
                links = [aligned[(i, j)] for i in ma for j in mb if (i, j) in aligned]
                if not links and _conflict([figures[i] for i in ma], [figures[j] for j in mb]):
                    return None
                if links:
                    support += 1
                    best_total += max(links)
        pairs = len(ax) * len(ay)
        return support / pairs, best_total / pairs

    # Merge the best supported pair of clusters until none is left: highest (support, mean
    # best score), ties to the lowest keys; the lower key survives.
    def link(x, y):
        value = linkage(x, y)
        return value if value is not None and value[0] >= MIN_SUPPORT else None

    def merge(x, y):
        for k in clusters[y]:
            owner[k] = x
        clusters[x].extend(clusters.pop(y))
        for a, ks in sides.pop(y).items():
            sides[x].setdefault(a, []).extend(ks)

    neighbours = {x: set() for x in clusters}
    for (a, b) in aligned:
        if owner[a] != owner[b]:
            neighbours[owner[a]].add(owner[b])
    agglomerate({x: x for x in clusters}, neighbours, link, merge)
    return clusters


def _claim_records(clusters, sents, aligned, art):
    out = []
    for members in clusters.values():
        members.sort(key=lambda k: sents[k].id)
        # representative: the sentence most strongly aligned within the claim
        rep = max(members, key=lambda k: (sum(aligned.get((k, j), 0.0) for j in members), -sents[k].id))
        ids = [sents[k].id for k in members]
        out.append(Claim(text=sents[rep].text, sentence_id=sents[rep].id, sentence_ids=ids,
                         n_articles=len({art[k] for k in members}), n_sentences=len(ids)))
    out.sort(key=lambda c: c.sentence_ids[0])
    return out
