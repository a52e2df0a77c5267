"""Memory bounded by design: no full score matrix for one long article, candidate pairs
of articles for large stories, and the same rows as before for ordinary stories.

Speed and memory themselves are measured in benchmarks/memory.py, not here."""
import sqlite3

from ingest import align, claims, conflicts, numbers, pipeline, provenance
from ingest.records import Alignment, Sentence, StoryDoc, StoryInputs
from ingest.similarity import Scorer

from .conftest import EXAMPLE, build

TOPICS = [
    ["The river flooded the valley town after three days of heavy rain.",
     "Rescue teams evacuated hundreds of residents by boat.",
     "The mayor declared a state of emergency on Monday.",
     "Officials expect the water to recede by Friday."],
    ["The central bank raised interest rates by half a point.",
     "Inflation reached its highest level in a decade.",
     "Markets fell sharply after the announcement.",
     "Economists warned of a slowdown next year."],
    ["A new species of frog was discovered in the rainforest.",
     "Biologists found the tiny amphibian near a waterfall.",
     "The frog glows under ultraviolet light.",
     "Researchers published the finding in a journal."],
    ["The championship final ended in a dramatic penalty shootout.",
     "The goalkeeper saved two penalties.",
     "Fans celebrated in the streets until dawn.",
     "The coach praised his players for their resilience."],
]


def topic_story():
    """12 articles, three per topic (the same text, one sentence dropped, reordered):
    (sentences, {article id: topic})."""
    sents, topic_of = [], {}
    for t, lines in enumerate(TOPICS):
        for variant in (lines, lines[:-1], lines[::-1]):
            art = len(topic_of) + 1
            topic_of[art] = t
            for idx, text in enumerate(variant):
                sents.append(Sentence(id=len(sents) + 1, article_id=art, idx=idx, role="body", text=text))
    return sents, topic_of


class CountingScorer(Scorer):
    """A Scorer that counts the scores it is asked for."""

    cells = 0

    def matrix(self, rows=None, cols=None):
        out = super().matrix(rows, cols)
        CountingScorer.cells += out.size
        return out


def long_article(n, article_id=1, first_id=1):
    return [Sentence(id=first_id + k, article_id=article_id, idx=k, role="body",
                     text=f"Report number {k} mentions the harbour district and item{k} again.")
            for k in range(n)]


def test_claims_on_one_long_article_without_alignments_scores_nothing():
    sents = long_article(1200)
    CountingScorer.cells = 0
    scorer = CountingScorer([s.text for s in sents], [s.figures for s in sents])
    result = claims.claims(sents, [], scorer)
    assert len(result) == 1200 and all(c.n_articles == 1 for c in result)
    assert CountingScorer.cells == 0


def test_claims_fits_no_scorer_when_nothing_links(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a Scorer was fitted")

    monkeypatch.setattr(claims, "Scorer", refuse)
    assert len(claims.claims(long_article(50), [])) == 50


def test_claims_scores_only_the_aligned_pairs_of_articles_in_a_large_story():
    long = long_article(1100)
    short = [Sentence(id=5000 + k, article_id=2, idx=k, role="body", text=long[k].text) for k in range(3)]
    sents = long + short
    CountingScorer.cells = 0
    scorer = CountingScorer([s.text for s in sents], [s.figures for s in sents])
    pairs = [Alignment(sentence_a=long[k].id, sentence_b=short[k].id, score=1.0, relation="identical") for k in range(3)]
    result = claims.claims(sents, pairs, scorer)
    assert sum(c.n_articles == 2 for c in result) == 3
    n = len(sents)
    assert n * n > claims.FULL_CELLS          # too large for one matrix
    assert 0 < CountingScorer.cells <= 2 * 1100 * 3


def test_claims_are_the_same_scored_per_pair_of_articles(monkeypatch):
    sents, _ = topic_story()
    pairs = align.align(sents)
    whole = claims.claims(sents, pairs)
    monkeypatch.setattr(claims, "FULL_CELLS", 0)
    for cap in (4, 30, 10 ** 6):
        monkeypatch.setattr(claims, "MAX_CELLS", cap)
        assert claims.claims(sents, pairs) == whole


def test_a_story_under_the_limit_compares_every_pair():
    sents, topic_of = topic_story()
    assert len(topic_of) <= align.FULL_STORY
    assert align.candidate_pairs(sents) is None


def test_a_larger_story_compares_each_article_with_its_nearest():
    sents, topic_of = topic_story()
    pairs = align.candidate_pairs(sents, full=5, k=2)
    same_topic = {(a, b) for a in topic_of for b in topic_of if a < b and topic_of[a] == topic_of[b]}
    assert pairs == same_topic             # 12 of 66 pairs


def test_candidates_stay_linear_in_a_story_over_the_limit():
    # 60 articles on 15 synthetic topics (four each): at most 60 x NEIGHBOURS pairs, not 1,770
    sents = []
    for art in range(1, 61):
        t = (art - 1) // 4
        for idx in range(3):
            words = " ".join(f"topic{t}word{(idx + j + art) % 7}" for j in range(6))
            sents.append(Sentence(id=len(sents) + 1, article_id=art, idx=idx, role="body", text=words + " shared."))
    pairs = align.candidate_pairs(sents)
    assert pairs is not None
    assert len(pairs) <= 60 * align.NEIGHBOURS < 60 * 59 // 2
    assert all(a < b for a, b in pairs)
    for art in range(1, 61, 4):             # every pair within a topic is a candidate
        assert {(a, b) for a in range(art, art + 4) for b in range(art, art + 4) if a < b} <= pairs


def test_align_provenance_and_conflicts_keep_to_candidate_pairs(monkeypatch):
    sents, topic_of = topic_story()
    everything = align.align(sents)
    monkeypatch.setattr(align, "FULL_STORY", 5)
    monkeypatch.setattr(align, "NEIGHBOURS", 2)
    art = {s.id: s.article_id for s in sents}
    restricted = align.align(sents)
    # the topics share nothing, so the nearest articles hold every alignment
    assert restricted == everything
    assert all(topic_of[art[p.sentence_a]] == topic_of[art[p.sentence_b]] for p in restricted)

    docs = {}
    for s in sents:
        docs.setdefault(s.article_id, type("Doc", (), {"id": s.article_id, "name": None, "published": None,
                                                        "sentences": []})()).sentences.append(s)
    rows = provenance.story_provenance(list(docs.values()), restricted)
    assert len(rows) == 2 * 12                 # both directions of the 12 candidate pairs, not 132
    assert all(topic_of[r.article_id] == topic_of[r.source_id] for r in rows)

    few = conflicts.story_conflicts(sents, restricted, [], [], {})
    monkeypatch.setattr(align, "FULL_STORY", 50)
    assert len(provenance.story_provenance(list(docs.values()), restricted)) == 12 * 11
    every = conflicts.story_conflicts(sents, restricted, [], [], {})
    assert all(c in every for c in few)


def test_conflicts_on_all_pairs_equal_conflicts_without_candidates():
    texts = ["The storm killed 12 people and injured 40, police said on Monday.",
             "The storm killed 14 people and injured 40, police said on Monday.",
             "The storm killed 12 people, officials said. PURL stands for Priority Ukraine Requirements List.",
             "Twelve people died in the storm. PURL, the Prioritised Ukraine Requirements List, was agreed."]
    sents = [Sentence(id=k + 1, article_id=k + 1, idx=0, role="body", text=t, figures=numbers.extract(t))
             for k, t in enumerate(texts)]
    prepared = conflicts._prepare(sents)
    every = {(a, b) for a in range(1, 5) for b in range(a + 1, 5)}
    assert conflicts._detect(prepared, [], [], {}, {}) == conflicts._detect(prepared, [], [], {}, {}, every)
    assert conflicts._detect(prepared, [], [], {}, {})       # there is something to compare
    # no candidate pairs: nothing paired across articles
    assert not [r for r in conflicts._detect(prepared, [], [], {}, {}, set()) if r[0] == "number"]


def dump(path):
    return list(sqlite3.connect(path).iterdump())


def test_the_example_gives_the_same_rows_on_every_path(tmp_path, monkeypatch):
    build(tmp_path / "default.db", [EXAMPLE], workers=1)
    # every bounded path at once, with every pair a candidate: blocks and lazy scores must not change a row
    monkeypatch.setattr(align, "FULL_STORY", 0)
    monkeypatch.setattr(align, "NEIGHBOURS", 10 ** 6)
    monkeypatch.setattr(align, "MAX_CELLS", 300)
    monkeypatch.setattr(claims, "FULL_CELLS", 0)
    monkeypatch.setattr(claims, "MAX_CELLS", 200)
    build(tmp_path / "bounded.db", [EXAMPLE], workers=1)
    assert dump(tmp_path / "default.db") == dump(tmp_path / "bounded.db")


def test_a_story_of_one_long_article_fits_no_scorer(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a Scorer was fitted")

    sents = long_article(2000)
    doc = StoryDoc(id=1, text=" ".join(s.text for s in sents), sentences=sents)
    monkeypatch.setattr(align, "Scorer", refuse)
    monkeypatch.setattr(claims, "Scorer", refuse)
    result = pipeline.story_analysis(StoryInputs(story_id=1, sentences=sents, docs=[doc]))
    assert result.alignments == [] and result.conflicts == [] and result.provenance == []
    assert len(result.claims) == 2000
