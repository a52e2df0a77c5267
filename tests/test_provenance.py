import json
import pathlib

import pytest

from ingest import align, pipeline, provenance
from ingest.records import Alignment, RawArticle, Sentence

EXAMPLE = pathlib.Path(__file__).parent.parent / "ingest" / "example"
ECBPLUS = pathlib.Path(__file__).parent.parent.parent / "shared" / "benchmarks" / "clusters" / "ecbplus_docs.jsonl"


def story(*texts, published=None):
    """Articles (ids 1..n, sentences numbered through) and their alignments, as the pipeline makes them."""
    articles, sid = [], 1
    for n, text in enumerate(texts, 1):
        date = (published or {}).get(n)
        article = pipeline.analyse(RawArticle(source=f"test/{n}", text=text, published=date))
        article.id = n
        for s in article.sentences:
            s.id, s.article_id = sid, n
            sid += 1
        articles.append(article)
    return articles, align.align([s for a in articles for s in a.sentences])


def rows_by_pair(articles, alignments):
    return {(r.article_id, r.source_id): r for r in provenance.story_provenance(articles, alignments)}


@pytest.fixture(scope="module")
def example():
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLE.glob("*.txt"))]
    return rows_by_pair(*story(*texts))


def test_one_row_per_ordered_pair_in_a_stable_order(example):
    assert list(example) == [(a, s) for a in range(1, 6) for s in range(1, 6) if a != s]
    assert all(r.story_id is None and 0 <= r.containment <= 1 for r in example.values())
    assert all(r.derivation in ("wholly", "partially", "independent") for r in example.values())


def test_every_pair_of_example_rewrites_shares_the_misspelt_name(example):
    pairs = [(a, s) for a in range(1, 5) for s in range(1, 5) if a != s]
    assert len(pairs) == 12
    for pair in pairs:
        shared = json.loads(example[pair].shared_rare)
        assert "Siyarto" in shared, (pair, shared)
        assert "Siyarto" in example[pair].evidence
    # the earlier meeting (004) is another report: it shares no such string with them
    assert "Siyarto" not in json.loads(example[(5, 1)].shared_rare)


def test_the_rewrites_are_derived_from_each_other_and_004_from_none(example):
    for a in range(1, 5):
        for s in range(1, 5):
            if a != s:
                assert example[(a, s)].containment > example[(a, 5)].containment
    assert all(example[(5, s)].derivation == "independent" for s in range(1, 5))
    assert 5 not in provenance.likely_source(list(example.values()))


def test_a_copy_is_wholly_from_its_original():
    original = (EXAMPLE / "000_8adcdc99af5f697a.txt").read_text(encoding="utf-8")
    copy = original.replace("\n\n", "\n\nLONDON (Daily Planet) - ", 1)
    rows = rows_by_pair(*story(original, copy, published={1: "2025-12-03T08:00:00", 2: "2025-12-03T12:00:00"}))
    row = rows[(2, 1)]
    assert row.derivation == "wholly" and row.containment > 0.95
    assert row.source_first == 1
    assert "which was published first" in row.evidence
    # the original was out first: it is not derived from its copy, and the row says why
    back = rows[(1, 2)]
    assert back.source_first == 0 and back.derivation == "independent"
    assert "published later" in back.evidence
    assert provenance.likely_source(list(rows.values())) == {2: row}


def test_paraphrased_sentences_count_through_alignments():
    a = Sentence(id=1, article_id=1, text="The minister resigned on Friday after weeks of pressure.")
    b = Sentence(id=2, article_id=2, text="After weeks under pressure, on Friday the minister stepped down.")
    articles = [Art(1, [a]), Art(2, [b])]
    without = rows_by_pair(articles, [])[(2, 1)].containment
    aligned = rows_by_pair(articles, [Alignment(story_id=1, sentence_a=1, sentence_b=2, score=0.8, relation="paraphrase")])
    assert without < 0.3 and aligned[(2, 1)].containment == pytest.approx(0.8)


class Art:
    def __init__(self, id, sentences, published=None):
        self.id, self.sentences, self.published = id, sentences, published


@pytest.mark.parametrize("published, source_published, first", [
    ("2025-12-03T12:00:00", "2025-12-03T08:00:00", 1),
    ("2025-12-02", "2025-12-03", 0),
    ("2025-12-03", "2025-12-03T08:00:00", None),   # the same day: order unknown
    (None, "2025-12-03", None),
    ("2025-12-03", None, None),
])
def test_source_first_follows_the_dates(published, source_published, first):
    assert provenance.source_first(published, source_published) == first
    s1 = Sentence(id=1, article_id=1, text="A short report of one event in a town.")
    s2 = Sentence(id=2, article_id=2, text="A short report of one event in a town.")
    rows = rows_by_pair([Art(1, [s1], published), Art(2, [s2], source_published)], [])
    assert rows[(1, 2)].source_first == first


@pytest.mark.skipif(not ECBPLUS.exists(), reason="ECB+ benchmark data not present")
def test_two_independent_reports_of_one_event_are_independent():
    docs = {}
    with open(ECBPLUS, encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            if doc["doc_name"] in ("1_10ecb.xml", "1_11ecb.xml"):
                docs[doc["doc_name"]] = "\n\n".join(doc["sentences"]) + "\n"
    assert len(docs) == 2
    rows = rows_by_pair(*story(docs["1_10ecb.xml"], docs["1_11ecb.xml"]))
    assert len(rows) == 2
    for row in rows.values():
        assert row.derivation == "independent", row.evidence
        assert row.containment < provenance.WHOLLY and isinstance(json.loads(row.shared_rare), list)


def test_articles_without_body_or_without_partners():
    empty = Art(1, [Sentence(id=1, article_id=1, role="headline", text="Just a headline")])
    other = Art(2, [Sentence(id=2, article_id=2, text="Some body text that is here.")])
    rows = provenance.story_provenance([empty, other], [])
    assert [(r.article_id, r.source_id) for r in rows] == [(1, 2), (2, 1)]
    assert rows[0].containment == 0 and rows[0].derivation == "independent"
    assert "no body text" in rows[0].evidence
    assert provenance.story_provenance([other], []) == []
    assert provenance.likely_source([]) == {}


def test_evidence_names_the_articles_by_their_story_names():
    from ingest.records import Sentence, StoryDoc

    text = "The council approved the new budget on Monday after a long debate about schools."
    docs = [StoryDoc(id=1, name="KLAS News", sentences=[Sentence(id=1, article_id=1, text=text)]),
            StoryDoc(id=2, name="000_8adcdc99af5f697a", sentences=[Sentence(id=2, article_id=2, text=text)]),
            StoryDoc(id=3, sentences=[Sentence(id=3, article_id=3, text=text)])]
    rows = {(r.article_id, r.source_id): r for r in provenance.story_provenance(docs, [])}
    assert rows[(1, 2)].evidence.startswith("100% of KLAS News's body is found in 000_8adcdc99af5f697a")
    assert "article 3" in rows[(3, 1)].evidence and "KLAS News" in rows[(3, 1)].evidence
