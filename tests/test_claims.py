"""Claims: aligned sentences of a story grouped into one claim per statement."""
import pathlib

import pytest

from ingest import numbers, segment, structure
from ingest.align import align
from ingest.claims import claims
from ingest.records import Alignment, Sentence

EXAMPLE = pathlib.Path(__file__).resolve().parent.parent / "ingest" / "example"


# {sentence id: stem of its file}, filled by body_story (ids are the same on every call)
STEM = {}


def body_story(stems):
    out = []
    for aid, path in enumerate(sorted(EXAMPLE.glob("*.txt"))):
        if path.stem[:3] not in stems:
            continue
        sents, _ = structure.analyse(segment.segment(path.read_text(encoding="utf-8")))
        for idx, s in enumerate(sents):
            out.append(Sentence(id=len(out) + 1, article_id=aid, idx=idx, role=s.role,
                                text=s.text, figures=numbers.extract(s.text)))
            STEM[out[-1].id] = path.stem[:3]
    return out


@pytest.fixture(scope="module")
def rewrites():
    sents = body_story({"000", "001", "002", "003"})
    pairs = align(sents)
    body = [s for s in sents if s.role == "body"]
    ids = {s.id for s in body}
    pairs = [p for p in pairs if p.sentence_a in ids and p.sentence_b in ids]
    return body, pairs, claims(body, pairs)


# statement -> a phrase that marks it in each of the four rewrites
SHARED = {
    "warning": ["will not waver in its support for Ukraine", "will not relent in its support",
                "will not waver in its support for Kyiv", "will not relent in its support"],
    "quotation": ["If there is no success"] * 4,
    "meeting": ["meeting of NATO foreign ministers"] * 3 + ["meeting with NATO foreign ministers"],
    "1 billion a month": ["1 billion euros per month"] * 4,
    "4 billion acquired": ["4 billion euros"] * 4,
    "5 billion by 2025": ["5 billion euros by the end of 2025"] * 4,
    "Hungary refuses": ["refusal to participate in NATO’s mechanism"] * 4,
}


@pytest.mark.parametrize("statement", sorted(SHARED))
def test_shared_statements_form_one_claim_over_all_four_rewrites(rewrites, statement):
    body, _, result = rewrites
    by = {s.id: s for s in body}
    stems = ["000", "001", "002", "003"]
    holders = [[s.id for s in body if STEM[s.id] == stem and phrase in s.text]
               for stem, phrase in zip(stems, SHARED[statement])]
    assert all(holders), (statement, holders)
    claim_of = {sid: k for k, c in enumerate(result) for sid in c.sentence_ids}
    found = {claim_of[sid] for h in holders for sid in h}
    assert len(found) == 1, statement
    claim = result[found.pop()]
    assert claim.n_articles == 4
    assert {STEM[i] for i in claim.sentence_ids} == set(stems)


def test_war_year_third_and_fourth_are_not_one_claim(rewrites):
    # decided in docs/alignment.md: the sentences share only the clause with the
    # changed ordinal; "fourth" (001) joins no claim with a "third" sentence.
    body, _, result = rewrites
    third = {s.id for s in body if "enters its third year" in s.text}
    fourth = {s.id for s in body if "enters its fourth year" in s.text}
    assert len(third) == 2 and len(fourth) == 1
    for c in result:
        assert not (set(c.sentence_ids) & fourth and set(c.sentence_ids) & third)
    assert any(set(c.sentence_ids) == third for c in result)


def test_every_body_sentence_in_exactly_one_claim(rewrites):
    body, _, result = rewrites
    ids = [sid for c in result for sid in c.sentence_ids]
    assert sorted(ids) == sorted(s.id for s in body)
    by = {s.id: s for s in body}
    for c in result:
        assert c.sentence_id in c.sentence_ids
        assert c.text == by[c.sentence_id].text
        assert c.n_articles == len({by[i].article_id for i in c.sentence_ids})
        if len(c.sentence_ids) == 1:
            assert c.n_articles == 1


def test_same_article_twice_only_through_a_common_partner(rewrites):
    body, pairs, result = rewrites
    by = {s.id: s for s in body}
    linked = {}
    for p in pairs:
        linked.setdefault(p.sentence_a, set()).add(p.sentence_b)
        linked.setdefault(p.sentence_b, set()).add(p.sentence_a)
    for c in result:
        for x in c.sentence_ids:
            for y in c.sentence_ids:
                if x < y and by[x].article_id == by[y].article_id:
                    assert linked.get(x, set()) & linked.get(y, set()), (by[x].text, by[y].text)


def s(sid, article, text):
    return Sentence(id=sid, article_id=article, idx=0, role="body", text=text, figures=numbers.extract(text))


def link(a, b, score=0.5):
    return Alignment(sentence_a=a, sentence_b=b, score=score, relation="paraphrase")


def test_a_chain_of_weak_links_does_not_merge_unrelated_statements():
    sents = [s(1, 1, "The minister visited the port city on Monday morning."),
             s(2, 2, "The minister visited the port city on Monday with aides."),
             s(3, 3, "With aides, the port city welcomed a delegation from abroad."),
             s(4, 4, "A delegation from abroad signed a trade accord in the capital.")]
    result = claims(sents, [link(1, 2, 0.7), link(2, 3, 0.35), link(3, 4, 0.35)])
    for c in result:
        assert not {1, 4} <= set(c.sentence_ids)
    assert any(set(c.sentence_ids) == {1, 2} for c in result)


def test_conflicting_figures_without_a_direct_link_stay_apart():
    sents = [s(1, 1, "Allies have acquired American weapons worth 4 billion euros."),
             s(2, 2, "Allies have acquired American weapons worth 4 billion euros so far."),
             s(3, 3, "Allies have acquired American weapons worth 5 billion euros so far.")]
    result = claims(sents, [link(1, 2, 0.9), link(2, 3, 0.8)])
    for c in result:
        assert not {1, 3} <= set(c.sentence_ids)


def test_merged_sentence_joins_both_halves_into_one_claim():
    sents = [s(1, 1, "Allies bought American weapons worth 4 billion euros."),
             s(2, 1, "The goal is 5 billion euros by the end of 2025."),
             s(3, 2, "Allies bought American weapons worth 4 billion euros, and the goal is "
                     "5 billion euros by the end of 2025.")]
    result = claims(sents, [link(1, 3, 0.6), link(2, 3, 0.5)])
    assert [c.sentence_ids for c in result] == [[1, 2, 3]]
    assert result[0].n_articles == 2


def test_no_alignments_gives_singletons_and_empty_input_nothing():
    assert claims([], []) == []
    sents = [s(1, 1, "One thing."), s(2, 2, "Another thing entirely.")]
    result = claims(sents, [])
    assert [c.sentence_ids for c in result] == [[1], [2]]
    assert all(c.n_articles == 1 for c in result)


def test_a_shared_story_scorer_gives_the_same_claims(rewrites):
    # pipeline.story_analysis hands claims align's Scorer refitted on the body sentences
    from ingest.align import story_scorer
    body, pairs, result = rewrites
    sents = body_story({"000", "001", "002", "003"})
    scored, scorer = story_scorer(sents)
    row = {s.id: k for k, s in enumerate(scored)}
    assert claims(body, pairs, scorer.subset([row[s.id] for s in body])) == result
