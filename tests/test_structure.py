import pytest

from ingest import segment, structure

from .conftest import EXAMPLE


ROLES = {"body", "headline", "heading", "byline", "dateline", "outlet", "section", "tagline"}


def article(stem):
    path = next(EXAMPLE.glob(f"{stem}_*.txt"))
    return structure.analyse(segment.segment(path.read_text()))


def roles(sentences, role):
    return [s.text for s in sentences if s.role == role]


def test_outlet_dateline_and_repeated_headline():
    sentences, meta = article("003")
    assert meta["outlet"] == "KLAS News"
    assert meta["title"] == "NATO Warns Moscow: Alliance Will Not Relent in Supporting Ukraine's Access to Weapons"
    assert meta["published"] == "2025-12-03"
    assert roles(sentences, "outlet") == ["KLAS News"]
    assert roles(sentences, "dateline") == ["Dec 3, 2025 World News"]
    assert roles(sentences, "headline") == [meta["title"], meta["title"]]
    assert roles(sentences, "tagline") == ["politicssanctionsukrainewar"]
    assert roles(sentences, "body")[0].startswith("NATO Secretary General Mark Rutte has delivered")


def test_section_byline_and_subheadings():
    sentences, meta = article("004")
    assert "outlet" not in meta
    assert meta["title"] == "NATO Pushes for Military Aid Over Peace Talks in Ukraine Crisis"
    assert meta["byline"] == "Editorial Staff"
    assert roles(sentences, "section") == ["Politics & Economics"]
    assert roles(sentences, "byline") == ["By Editorial Staff"]
    assert roles(sentences, "heading") == [
        "Military Support Takes Priority",
        "High-Stakes NATO Summit",
        "Rutte’s Stance: “More Weapons, Fewer Discussions”",
        "Ukraine’s NATO Aspirations",
    ]
    assert all(s.role == "body" for s in sentences[sentences.index(next(s for s in sentences if s.text.startswith("At a recent"))):] if s.text not in roles(sentences, "heading"))


@pytest.mark.parametrize("stem, title", [
    ("000", "Behind Closed Doors: NATO’s Exclusive Strategy to Fortify Ukraine’s Defense Amid Failing Peace Talks"),
    ("001", None),
    ("002", "Rutte: ‘Weapons for Waging War’ Essential if Peace Talks Fail, Says NATO Secretary General"),
])
def test_headline_or_none(stem, title):
    sentences, meta = article(stem)
    assert meta.get("title") == title
    # Everything after the headline is body text in these articles.
    assert all(s.role == "body" for s in sentences[1 if title else 0:])


def test_known_metadata_wins_and_marks_the_repeated_title():
    text = "Rutte warns Moscow\nNATO Secretary General Mark Rutte has delivered a stark warning to Moscow today."
    sentences, meta = structure.analyse(segment.segment(text), {"title": "Rutte warns Moscow", "outlet": "Daily Planet"})
    assert meta == {"title": "Rutte warns Moscow", "outlet": "Daily Planet"}
    assert [s.role for s in sentences] == ["headline", "body"]


def test_empty_and_junk():
    assert structure.analyse([]) == ([], {})
    sentences, _ = structure.analyse(segment.segment("\x00\x01 ???\n\n..."))
    # every sentence got a role (records.Sentence defaults to "body", so check it is a known one)
    assert sentences and all(s.role in ROLES for s in sentences)
