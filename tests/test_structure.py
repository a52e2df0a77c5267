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


@pytest.mark.parametrize("first_line, title", [
    # a question or a two-sentence headline reads as body text, yet repeats the title
    ("Does Marie Yovanovitch Have a Net Worth of $17 Million?", "Does Marie Yovanovitch Have a Net Worth of $17 Million?"),
    ("Home Depot Stock Is Falling After Its Earnings Release. Why You Shouldn’t Worry.",
     "Home Depot Stock Is Falling After Its Earnings Release. Why You Shouldn't Worry."),
    # page titles that add the site's name, before or after
    ("More Reviews from KLOOK Visitors!", "More Reviews from KLOOK Visitors! - Jeongdong Theater"),
    ("Is Football Violence a Crime?", "Opinion | Is Football Violence a Crime?"),
    ("Cannabis Use Disorder is Rising in U.S. States", "Cannabis use disorder is rising in U.S. states | Site"),
    ("Is Football Violence a Crime?", "Opinion | Is Football Violence a Crime? - The New York Times"),
])
def test_the_title_repeated_as_the_first_line_is_a_headline(first_line, title):
    body = "The retailer cut its forecast on Tuesday, and its shares fell 4% in early trading."
    sentences, _ = structure.analyse(segment.segment(first_line + "\n\n" + body), {"title": title})
    assert roles(sentences, "body") == [body]
    assert all(s.role == "headline" for s in sentences if s.text != body)


def test_a_first_paragraph_that_only_shares_words_with_the_title_stays_body():
    text = ("Home Depot stock is falling after its earnings release, analysts said on Tuesday.\n\n"
            "The retailer cut its forecast.")
    sentences, _ = structure.analyse(segment.segment(text), {"title": "Home Depot Stock Is Falling After Its Earnings Release - Barron's"})
    assert all(s.role == "body" for s in sentences)
    # nor does the site's name alone, or a two-word remainder, make a line a headline
    sentences, _ = structure.analyse(segment.segment("Top stories - Reuters\n\nThe retailer cut its forecast on Tuesday."),
                                     {"title": "Top stories - Reuters"})
    assert sentences[0].role == "headline"
    sentences, _ = structure.analyse(segment.segment("Top stories\n\nThe retailer cut its forecast on Tuesday."),
                                     {"title": "Top stories - Reuters"})
    assert sentences[0].role == "heading"
    sentences, _ = structure.analyse(segment.segment("Reuters said the retailer cut its forecast on Tuesday."),
                                     {"title": "Top stories - Reuters"})
    assert sentences[0].role == "body"


def test_a_long_paragraph_without_a_full_stop_is_body_not_a_heading():
    # an extractor that ran a whole article into one line ending in a table cell
    prose = " ".join(f"Engineers installed engine {k} on the core stage at the plant this month." for k in range(1, 9))
    sentences, _ = structure.analyse(segment.segment(prose + " |"), {"title": "A bigger role for a big rocket"})
    assert {s.role for s in sentences} == {"body"}
    # with no title known, it is not taken for the headline either
    sentences, meta = structure.analyse(segment.segment(prose + " |"))
    assert "title" not in meta and {s.role for s in sentences} == {"body"}
    # a short line without a full stop before the body is still a heading
    sentences, _ = structure.analyse(segment.segment("Rocket news\nThe big rocket\n" + prose),
                                     {"title": "A bigger role for a big rocket"})
    assert [s.role for s in sentences[:2]] == ["heading", "heading"]
    assert {s.role for s in sentences[2:]} == {"body"}


def test_a_run_of_short_lines_inside_the_prose_is_a_list_of_body_lines():
    prose = "The band will tour North America next year, its label said on Monday."
    dates = ["June 9 -- West Palm Beach, FL", "June 11 -- Tampa, FL", "June 13 -- Atlanta, GA"]
    sentences, _ = structure.analyse(segment.segment("\n".join([prose] + dates + [prose])))
    assert roles(sentences, "body") == [prose] + dates + [prose]
    # two short lines are headings still, as is a list after the last body paragraph
    sentences, _ = structure.analyse(segment.segment("\n".join([prose] + dates[:2] + [prose])))
    assert roles(sentences, "heading") == dates[:2]
    sentences, _ = structure.analyse(segment.segment("\n".join([prose] + dates)))
    assert roles(sentences, "body") == [prose]
    # bulleted Title Case lines (another article's headline as often as a list of names)
    # and a page's metadata (addresses, time stamps) stay what they were
    links = ["- 11 Fascinating Facts About Our Milky Way", "- Photos: Europa, Icy Moon of Jupiter",
             "- NASA Could Potentially Spot Signs of Alien Life"]
    sentences, _ = structure.analyse(segment.segment("\n".join([prose] + links + [prose])))
    assert roles(sentences, "heading") == links
    meta = ["2019-11-19T08:57:40+01:00", "https://example.com/logo.png", "BusinessInsiderDe"]
    sentences, _ = structure.analyse(segment.segment("\n".join([prose] + meta + [prose])))
    assert roles(sentences, "heading") == meta
    # one such line leaves the whole run as it is, wherever it stands in it
    shares = ["2019-11-19T08:57:40+01:00", "Share", "Tweet", "Email"]
    sentences, _ = structure.analyse(segment.segment("\n".join([prose] + shares + [prose])))
    assert roles(sentences, "heading") == shares
    # a boilerplate paragraph after a run does not make it a list inside the prose
    links = ["More from the tour", "Ciara to Host the Awards", "15 Fun Facts About the Awards"]
    sentences, _ = structure.analyse(segment.segment("\n".join([prose] + links + ["Sign up for our newsletter."])))
    assert roles(sentences, "heading") == links


def test_empty_and_junk():
    assert structure.analyse([]) == ([], {})
    sentences, _ = structure.analyse(segment.segment("\x00\x01 ???\n\n..."))
    # every sentence got a role (records.Sentence defaults to "body", so check it is a known one)
    assert sentences and all(s.role in ROLES for s in sentences)
