"""Sentence segmentation: the behaviour that ingest, the SQL function and users rely on."""

import glob
import json
import os

import pytest

from ingest.segment import segment, sentences

from .conftest import BENCHMARKS

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
BENCH = str(BENCHMARKS)
ARTICLES = sorted(glob.glob(os.path.join(ROOT, "ingest", "example", "*.txt")))


def _load(name):
    path = os.path.join(BENCH, name)
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


GOLDEN = _load("sbd_golden_en.jsonl")
ALL_BENCH_TEXTS = [
    d["text"]
    for name in (
        "sbd_golden_en.jsonl",
        "sbd_pragmatic_segmenter_en.jsonl",
        "sbd_pysbd_regression_en.jsonl",
        "sbd_syntok_ospl_en.jsonl",
    )
    for d in _load(name)
]


def _read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def _check_offsets(text):
    out = segment(text)
    prev_end = 0
    for s in out:
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip()
        assert s.text
        assert s.start >= prev_end
        prev_end = s.end
    paras = [s.paragraph for s in out]
    assert paras == sorted(paras)
    if paras:
        assert paras[0] == 0
        assert all(b - a in (0, 1) for a, b in zip(paras, paras[1:]))
    return out


# --- Golden Rules --------------------------------------------------------------------


@pytest.mark.skipif(not GOLDEN, reason="benchmark data not available")
@pytest.mark.parametrize("case", GOLDEN, ids=[f"{d['id']:02d}-{d['name']}" for d in GOLDEN])
def test_golden_rules(case):
    assert sentences(case["text"]) == [s.strip() for s in case["sentences"]]


# Golden Rules that do not depend on the benchmark folder (a copy of the hardest ones).
@pytest.mark.parametrize(
    "text,expected",
    [
        ("My name is Jonas E. Smith.", ["My name is Jonas E. Smith."]),
        ("I live in the U.S. How about you?", ["I live in the U.S.", "How about you?"]),
        ("I work for the U.S. Government in Virginia.", ["I work for the U.S. Government in Virginia."]),
        (
            "At 5 a.m. Mr. Smith went to the bank. He left the bank at 6 P.M. Mr. Smith then went to the store.",
            ["At 5 a.m. Mr. Smith went to the bank.", "He left the bank at 6 P.M.", "Mr. Smith then went to the store."],
        ),
        ("She has $100.00. It is in her bag.", ["She has $100.00.", "It is in her bag."]),
        (
            "We make a good team, you and I. Did you see Albert I. Jones yesterday?",
            ["We make a good team, you and I.", "Did you see Albert I. Jones yesterday?"],
        ),
        ("1.) The first item 2.) The second item", ["1.) The first item", "2.) The second item"]),
        ("• 9. The first item • 10. The second item", ["• 9. The first item", "• 10. The second item"]),
        ("a. The first item b. The second item c. The third list item", ["a. The first item", "b. The second item", "c. The third list item"]),
        ("I never meant that.... She left the store.", ["I never meant that....", "She left the store."]),
    ],
)
def test_hard_rules_offline(text, expected):
    assert sentences(text) == expected


# --- News ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,expected",
    [
        ("«It works.» Then it stopped.", ["«It works.»", "Then it stopped."]),
        ("“It works.” Then it stopped.", ["“It works.”", "Then it stopped."]),
        ('"It works." Then it stopped.', ['"It works."', "Then it stopped."]),
        ("He said: ‘We will fight to the end of the war.’ This was new.", ["He said: ‘We will fight to the end of the war.’", "This was new."]),
        (
            "«If there is no success, we need weapons,» he said, calmly.",
            ["«If there is no success, we need weapons,» he said, calmly."],
        ),
        (
            "Rutte spoke, stating, ‘If there is no success, it is necessary, first of all, to make sure that "
            "Ukraine has weapons for waging war.’ This declaration aligns with NATO’s strategy.",
            [
                "Rutte spoke, stating, ‘If there is no success, it is necessary, first of all, to make sure that "
                "Ukraine has weapons for waging war.’",
                "This declaration aligns with NATO’s strategy.",
            ],
        ),
        (
            "“We are ready. We will act,” Rutte said. Others disagreed.",
            ["“We are ready. We will act,” Rutte said.", "Others disagreed."],
        ),
        ("Allies buy U.S. arms. U.S. officials agree.", ["Allies buy U.S. arms.", "U.S. officials agree."]),
        ("The talks began on Dec. 3 in Brussels.", ["The talks began on Dec. 3 in Brussels."]),
        ("Gen. Mark Milley and Dr. Jill Biden met Sen. Smith Jr. on Monday.", ["Gen. Mark Milley and Dr. Jill Biden met Sen. Smith Jr. on Monday."]),
        ("It was written by J. R. R. Tolkien. He was a don.", ["It was written by J. R. R. Tolkien.", "He was a don."]),
        ("Prices rose 2.5 percent. No. 10 said nothing.", ["Prices rose 2.5 percent.", "No. 10 said nothing."]),
        ("Fruit, e.g. apples, i.e. the red ones, etc. are fine.", ["Fruit, e.g. apples, i.e. the red ones, etc. are fine."]),
        ("Read https://example.com/a.b.html. Or mail jane.doe@example.org. Thanks.", ["Read https://example.com/a.b.html.", "Or mail jane.doe@example.org.", "Thanks."]),
        ("He paused... Then he spoke.", ["He paused...", "Then he spoke."]),
        ("He paused… then spoke.", ["He paused… then spoke."]),
        ("She met Mr.\u00a0Smith. They talked.", ["She met Mr.\u00a0Smith.", "They talked."]),
        ("Is it over? Nobody knows! Not yet.", ["Is it over?", "Nobody knows!", "Not yet."]),
        ("The war — in its fourth year — goes on. Kyiv waits.", ["The war — in its fourth year — goes on.", "Kyiv waits."]),
    ],
)
def test_news_sentences(text, expected):
    assert sentences(text) == expected


def test_lines_without_punctuation_are_sentences_and_paragraphs():
    text = "KLAS News\n\nNATO Warns Moscow\n\nDec 3, 2025 World News\nBy Editorial Staff\nFirst line. Second line.\n\npoliticswar"
    out = _check_offsets(text)
    assert [s.text for s in out] == [
        "KLAS News",
        "NATO Warns Moscow",
        "Dec 3, 2025 World News",
        "By Editorial Staff",
        "First line.",
        "Second line.",
        "politicswar",
    ]
    assert [s.paragraph for s in out] == [0, 1, 2, 3, 4, 4, 5]


def test_windows_and_unicode_line_breaks():
    text = "Title\r\nBody one. Body two.\r\n\u2028Last line"
    assert sentences(text) == ["Title", "Body one.", "Body two.", "Last line"]
    _check_offsets(text)


# --- The five example articles ---------------------------------------------------------

with open(os.path.join(HERE, "data", "segment_gold.json"), encoding="utf-8") as _f:
    GOLD = json.load(_f)


@pytest.mark.parametrize("path", ARTICLES, ids=[os.path.basename(p) for p in ARTICLES])
def test_articles_match_gold(path):
    text = _read(path)
    out = _check_offsets(text)
    assert [s.text for s in out] == GOLD[os.path.basename(path)]


def test_gold_covers_all_articles():
    assert sorted(GOLD) == sorted(os.path.basename(p) for p in ARTICLES)


# --- Offsets on every benchmark text ----------------------------------------------------


@pytest.mark.skipif(not ALL_BENCH_TEXTS, reason="benchmark data not available")
def test_offsets_exact_on_all_benchmark_texts():
    for text in ALL_BENCH_TEXTS:
        _check_offsets(text)


# --- Junk and edge cases ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\n\n\n",
        " \t \u00a0 \u2028 ",
        "\x00\x01\x02",
        "\ufeff\u200b",
        ".",
        "....",
        "! ! !",
        "?!",
        "«»",
        "“",
        "a" * 200_000,
        "word " * 50_000,
        ". " * 10_000,
        "\n".join(["x"] * 10_000),
        "1. 2. 3. 4. 5. a) b) c) • • •",
        "'\"'\"'«‘’»",
    ],
)
def test_junk_is_safe(text):
    out = _check_offsets(text)
    assert sentences(text) == [s.text for s in out]
    assert segment(text) == out  # deterministic


def test_whitespace_and_controls_give_nothing():
    assert segment("") == []
    assert segment("   \n\t  ") == []
    assert segment("\x00\x01\n\x02") == []


def test_none_and_non_strings_give_nothing():
    assert segment(None) == []  # type: ignore[arg-type]
    assert sentences(None) == []  # type: ignore[arg-type]


def test_offsets_with_surrounding_whitespace():
    text = "  \u00a0Hello there.   How are you?  \n\n  Fine. "
    out = _check_offsets(text)
    assert [s.text for s in out] == ["Hello there.", "How are you?", "Fine."]
    assert out[0].start == 3
    assert [s.paragraph for s in out] == [0, 0, 1]


def test_json_of_sentences_is_what_sql_returns():
    text = "One. Two."
    assert json.loads(json.dumps(sentences(text))) == ["One.", "Two."]
