import io
import json
import pathlib
import unicodedata

import pytest

from ingest import readers
from ingest.records import RawArticle


def read_all(*paths, stdin=None):
    items = list(readers.read([str(p) for p in paths], stdin=stdin))
    articles = [i for i in items if not isinstance(i, readers.ReadError)]
    errors = [i for i in items if isinstance(i, readers.ReadError)]
    return articles, errors


def test_plain_text_and_markdown(tmp_path):
    (tmp_path / "a.txt").write_text("Headline\n\nFirst sentence. Second one.\n")
    (tmp_path / "b.md").write_text("# Title\n\nBody text here.\n")
    articles, errors = read_all(tmp_path / "a.txt", tmp_path / "b.md")
    assert not errors
    assert [a.source for a in articles] == [str(tmp_path / "a.txt"), str(tmp_path / "b.md")]
    assert articles[0].text.startswith("Headline\n\nFirst sentence.")


def test_html_main_text_and_metadata(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        """<html><head><title>Rutte warns Moscow</title>
        <meta property="og:site_name" content="Daily Planet"><meta name="author" content="Lois Lane">
        <meta property="article:published_time" content="2025-12-03T10:00:00Z"></head>
        <body><nav>Home | World | Sport</nav><article><h1>Rutte warns Moscow</h1>
        <p>NATO Secretary General Mark Rutte has delivered a stark warning to Moscow on Wednesday evening.</p>
        <p>He said the alliance would keep arming Ukraine &lt;script&gt;alert(1)&lt;/script&gt; if talks fail.</p>
        </article><footer>Copyright Daily Planet</footer></body></html>"""
    )
    [article], errors = read_all(page)
    assert not errors
    assert article.title == "Rutte warns Moscow"
    assert article.outlet == "Daily Planet"
    assert article.byline == "Lois Lane"
    assert article.published == "2025-12-03"
    assert "stark warning to Moscow" in article.text
    assert "<script>alert(1)</script>" in article.text  # stored as text, escaped when shown
    assert "Home | World" not in article.text


def test_json_jsonl_csv_with_common_field_names(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps([
        {"headline": "One", "content": "Text one.", "url": "https://example.org/1", "site": "Example", "date": "2025-12-03"},
        {"title": "Two", "body": "Text two.", "author": ["Ann", "Bob"]},
    ]))
    (tmp_path / "b.jsonl").write_text('{"text": "Line one.", "source": "Wire"}\n\n{"text": "Line two."}\n')
    (tmp_path / "c.csv").write_text('title,text,published,byline\nThree,"Text, three.",2025-12-04,Carol\n')
    articles, errors = read_all(tmp_path / "a.json", tmp_path / "b.jsonl", tmp_path / "c.csv")
    assert not errors
    first, second, third, fourth, fifth = articles
    assert first == RawArticle(title="One", text="Text one.", url="https://example.org/1", outlet="Example",
                               published="2025-12-03", source="https://example.org/1")
    assert second.byline == "Ann, Bob" and second.source == f"{tmp_path / 'a.json'}#2"
    assert third.outlet == "Wire" and fourth.source == f"{tmp_path / 'b.jsonl'}#3"
    assert fifth == RawArticle(title="Three", text="Text, three.", published="2025-12-04", byline="Carol",
                               source=f"{tmp_path / 'c.csv'}#2")


def test_folders_and_globs(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "one.txt").write_text("One.")
    (tmp_path / "sub" / "two.txt").write_text("Two.")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / ".hidden.txt").write_text("Hidden.")
    folder, _ = read_all(tmp_path)
    assert [a.text for a in folder] == ["One.", "Two."]
    globbed, _ = read_all(tmp_path / "**" / "*.txt")
    assert sorted(a.text for a in globbed) == ["One.", "Two."]
    _, errors = read_all(tmp_path / "*.xml")
    assert "no files match" in str(errors[0])


@pytest.mark.parametrize("data, text", [
    (b"Plain text from stdin.", "Plain text from stdin."),
    (b'{"title": "T", "text": "From JSON."}', "From JSON."),
    (b'{"text": "A."}\n{"text": "B."}\n', "A."),
])
def test_stdin(data, text):
    articles, errors = read_all("-", stdin=io.BytesIO(data))
    assert not errors
    assert articles[0].text == text and articles[0].source.startswith("stdin")


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252", "utf-16", "utf-8-sig"])
def test_encodings_are_detected(tmp_path, encoding):
    text = "Le ministre a déclaré: « Ça suffit », à Genève, l’été dernier, après une réunion très tendue à l’OTAN."
    if encoding == "latin-1":
        text = text.replace("’", "'")
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode(encoding))
    [article], errors = read_all(path)
    assert not errors
    assert article.text == text


def test_text_is_nfc_normalised(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(unicodedata.normalize("NFD", "Café in Zürich.\r\nSecond line."))
    [article], _ = read_all(path)
    assert article.text == "Café in Zürich.\nSecond line."
    assert unicodedata.is_normalized("NFC", article.text)


def test_bad_input_is_reported_per_file_and_the_rest_is_read(tmp_path):
    (tmp_path / "empty.txt").write_text("  \n")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "broken.json").write_text('{"text": "no end"')
    (tmp_path / "notext.jsonl").write_text('{"title": "Only a title"}\n{"text": "Good."}\nnot json\n')
    (tmp_path / "good.txt").write_text("A good article.")
    articles, errors = read_all(*sorted(tmp_path.iterdir()), tmp_path / "missing.txt")
    assert [a.text for a in articles] == ["A good article.", "Good."]
    messages = sorted(str(e) for e in errors)
    assert messages == sorted([
        f"{tmp_path / 'binary.txt'}: binary file, not text",
        f"{tmp_path / 'broken.json'}: malformed JSON at line 1 column 18: Expecting ',' delimiter",
        f"{tmp_path / 'empty.txt'}: empty file",
        f"{tmp_path / 'notext.jsonl'}#1: record has no text field (text, content or body)",
        f"{tmp_path / 'notext.jsonl'}#3: malformed JSON line: Expecting value",
        f"{tmp_path / 'missing.txt'}: cannot read: No such file or directory",
    ])
    assert all("\n" not in m for m in messages)


WIRE = """\
NATO chief warns Moscow as peace talks stall

By Jane Doe

BRUSSELS, Dec 3 (Wire) - NATO Secretary General Mark Rutte said on
Wednesday the alliance would keep arming Ukraine if peace talks with
Russia fail, speaking after a meeting of foreign ministers in Brussels.

"If there is no success, it is necessary, first of all, to make sure
that Ukraine has weapons for waging war," he told reporters, adding
that sanctions against Russia must continue.

Hungarian Foreign Minister Peter Siyarto did not attend the meeting.
"""

WIRE_PARAGRAPHS = [
    "NATO chief warns Moscow as peace talks stall",
    "By Jane Doe",
    "BRUSSELS, Dec 3 (Wire) - NATO Secretary General Mark Rutte said on Wednesday the alliance would "
    "keep arming Ukraine if peace talks with Russia fail, speaking after a meeting of foreign ministers in Brussels.",
    "\"If there is no success, it is necessary, first of all, to make sure that Ukraine has weapons for "
    "waging war,\" he told reporters, adding that sanctions against Russia must continue.",
    "Hungarian Foreign Minister Peter Siyarto did not attend the meeting.",
]


def test_hard_wrapped_wire_copy_becomes_one_line_per_paragraph():
    assert [p for p in readers.unwrap(WIRE).split("\n") if p] == WIRE_PARAGRAPHS


def test_indented_paragraphs_without_blank_lines_stay_apart():
    text = "\n".join([
        "   The central bank raised its main interest rate by a quarter point on",
        "Thursday, the third increase this year, citing stubborn inflation in",
        "services and wages.",
        "   Economists had expected the move, which takes the rate to its highest",
        "level since 2008, and markets barely reacted to the announcement.",
    ])
    assert readers.unwrap(text).split("\n") == [
        "   The central bank raised its main interest rate by a quarter point on Thursday, the third "
        "increase this year, citing stubborn inflation in services and wages.",
        "   Economists had expected the move, which takes the rate to its highest level since 2008, "
        "and markets barely reacted to the announcement.",
    ]


def test_wrapped_text_is_unwrapped_when_read_from_files_and_records(tmp_path):
    (tmp_path / "wire.txt").write_text(WIRE)
    (tmp_path / "wire.jsonl").write_text(json.dumps({"title": "T", "text": WIRE}) + "\n")
    articles, errors = read_all(tmp_path / "wire.txt", tmp_path / "wire.jsonl")
    assert not errors
    for article in articles:
        assert [p for p in article.text.split("\n") if p] == WIRE_PARAGRAPHS


@pytest.mark.parametrize("path", sorted((pathlib.Path(__file__).parent.parent / "ingest" / "example").glob("*.txt")))
def test_normally_formatted_articles_are_left_byte_identical(path):
    text = path.read_text(encoding="utf-8")
    assert readers.unwrap(text) == text


@pytest.mark.parametrize("text", [
    "Headline\nBy Ann Smith\n3 December 2025\n\nOne paragraph on one line, as most sites publish it.\n",
    "Short lines\nof a poem\nor a list\nstay as they are\n",
    "- first item of a list\n- second item of a list\n- third item of a list\n",
    "",
])
def test_text_that_is_not_hard_wrapped_is_unchanged(text):
    assert readers.unwrap(text) == text
