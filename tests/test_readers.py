import io
import json
import os
import pathlib
import sys
import time
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


# Hostile input: each case gets one line naming the input and the problem, and the run
# carries on. All on real files: real bytes, FIFOs, sockets, symlink loops, sparse files.

def read_in_thread(*paths, timeout=20):
    """read_all, failing (instead of hanging the suite) when reading blocks."""
    import threading

    out = {}
    thread = threading.Thread(target=lambda: out.update(result=read_all(*paths)), daemon=True)
    thread.start()
    thread.join(timeout)
    assert not thread.is_alive(), "reading hung"
    return out["result"]


def assert_one_line_utf8(items):
    for item in items:
        line = str(item) if isinstance(item, readers.ReadError) else item.source
        assert "\n" not in line and "\r" not in line
        line.encode("utf-8")  # no lone surrogates: SQLite and terminals take it


def test_file_names_that_are_not_utf8_are_shown_with_escapes(tmp_path):
    folder = os.fsencode(tmp_path)
    with open(folder + b"/caf\xe9.txt", "wb") as f:
        f.write(b"A readable article.")
    with open(folder + b"/empty\xff.txt", "wb") as f:
        f.write(b" ")
    (tmp_path / "new\nline.txt").write_text("Another article.")
    items = list(readers.read([str(tmp_path)]))
    assert_one_line_utf8(items)
    by_source = {(i.source if isinstance(i, RawArticle) else str(i)) for i in items}
    assert by_source == {
        f"{tmp_path}/caf\\xe9.txt",
        f"{tmp_path}/empty\\xff.txt: empty file",
        f"{tmp_path}/new\\x0aline.txt",
    }
    # The file is opened by its real name: a path given directly reads too.
    [article], _ = read_all(os.fsdecode(folder + b"/caf\xe9.txt"))
    assert article.text == "A readable article." and article.source == f"{tmp_path}/caf\\xe9.txt"


def test_a_failing_reader_fails_that_file_only(tmp_path, monkeypatch):
    # A real import failure: Python raises ModuleNotFoundError (an ImportError) for a module whose sys.modules entry is None.
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    (tmp_path / "a.html").write_text("<html><body><p>Some text.</p></body></html>")
    (tmp_path / "b.txt").write_text("Still read.")
    articles, errors = read_all(tmp_path)
    assert [a.text for a in articles] == ["Still read."]
    [error] = errors
    assert str(error).startswith(f"{tmp_path / 'a.html'}: reader failed (HTML): ModuleNotFoundError: ")
    assert "trafilatura" in str(error)


def test_deeply_nested_json_fails_that_file_only(tmp_path):
    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    (tmp_path / "deep.jsonl").write_text('{"text": "Fine."}\n' + "[" * 100_000 + "]" * 100_000 + "\n")
    articles, errors = read_all(tmp_path / "deep.json", tmp_path / "deep.jsonl")
    assert [a.text for a in articles] == ["Fine."]
    assert sorted(str(e) for e in errors) == [
        f"{tmp_path / 'deep.json'}: reader failed (JSON): nested too deeply",
        f"{tmp_path / 'deep.jsonl'}#2: malformed JSON line: RecursionError: maximum recursion depth exceeded "
        "while decoding a JSON array from a unicode string",
    ]


def test_fifos_devices_and_sockets_are_reported_without_being_opened(tmp_path):
    import socket

    os.mkfifo(tmp_path / "pipe.txt")   # opening it for reading would block forever
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(tmp_path / "sock.txt"))
    (tmp_path / "good.txt").write_text("A good article.")
    try:
        articles, errors = read_in_thread(tmp_path, tmp_path / "*.txt", "/dev/null")
    finally:
        server.close()
    assert [a.text for a in articles] == ["A good article."]   # once: the glob's match is the same file
    assert sorted(str(e) for e in errors) == sorted([
        f"{tmp_path / 'pipe.txt'}: not a regular file (a FIFO)",
        f"{tmp_path / 'sock.txt'}: not a regular file (a socket)",
        f"{tmp_path / 'pipe.txt'}: not a regular file (a FIFO)",
        f"{tmp_path / 'sock.txt'}: not a regular file (a socket)",
        "/dev/null: not a regular file (a character device)",
    ])


def test_symlink_loops_are_followed_once(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b" / "c").mkdir(parents=True)
    (tmp_path / "a" / "one.txt").write_text("One.")
    (tmp_path / "b" / "c" / "two.txt").write_text("Two.")
    (tmp_path / "a" / "up").symlink_to(tmp_path)              # loop 1: back to the top
    (tmp_path / "b" / "c" / "loop").symlink_to(tmp_path / "b")  # loop 2: back to a parent
    (tmp_path / "b" / "alias").symlink_to(tmp_path / "a")       # a second way into a/
    (tmp_path / "b" / "same.txt").symlink_to(tmp_path / "a" / "one.txt")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "three.txt").write_text("Three.")
    (tmp_path / "a" / "linked").symlink_to(tmp_path / "outside")  # a real folder reached only by a link
    start = time.monotonic()
    folder, folder_errors = read_in_thread(tmp_path / "a", tmp_path / "b")
    globbed, glob_errors = read_in_thread(tmp_path / "**" / "*.txt")
    relative = read_all_in(tmp_path, "**/*.txt")
    assert time.monotonic() - start < 10
    assert not folder_errors and not glob_errors
    assert sorted(a.text for a in folder) == ["One.", "Three.", "Two."]
    assert sorted(a.text for a in globbed) == ["One.", "Three.", "Two."]
    assert sorted(a.text for a in relative) == ["One.", "Three.", "Two."]


def read_all_in(folder, pattern):
    cwd = os.getcwd()
    os.chdir(folder)
    try:
        articles, errors = read_all(pattern)
    finally:
        os.chdir(cwd)
    assert not errors
    assert all(not os.path.isabs(a.source) for a in articles)
    return articles


def test_glob_follows_globs_rules_on_hidden_names(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("Hidden folder.")
    (tmp_path / ".h.txt").write_text("Hidden file.")
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "y.txt").write_text("Shown.")
    articles, _ = read_all(tmp_path / "**" / "*.txt")
    assert [a.text for a in articles] == ["Shown."]
    articles, _ = read_all(tmp_path / ".git" / "**" / "*.txt")
    assert [a.text for a in articles] == ["Hidden folder."]


def test_a_folder_that_cannot_be_listed_is_reported_even_as_root(tmp_path):
    # A real failure that root meets too: a folder whose path is longer than PATH_MAX
    # (made with dir_fd, one component at a time) cannot be listed by its path.
    (tmp_path / "ok.txt").write_text("Read anyway.")
    name = "d" * 250
    fd = os.open(tmp_path, os.O_RDONLY)
    try:
        for _ in range(18):
            os.mkdir(name, dir_fd=fd)
            child = os.open(name, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = child
        with open(os.open("deep.txt", os.O_WRONLY | os.O_CREAT, dir_fd=fd), "w") as f:
            f.write("Too deep to reach by path.")
    finally:
        os.close(fd)
    articles, errors = read_all(tmp_path)
    assert [a.text for a in articles] == ["Read anyway."]
    [error] = errors
    assert str(error).endswith(": cannot read folder: File name too long")
    assert str(error).startswith(str(tmp_path / name))


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any folder; the PATH_MAX test covers root")
def test_an_unreadable_folder_is_reported(tmp_path):
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "a.txt").write_text("Locked.")
    (tmp_path / "ok.txt").write_text("Read anyway.")
    (tmp_path / "locked").chmod(0)
    try:
        articles, errors = read_all(tmp_path)
    finally:
        (tmp_path / "locked").chmod(0o755)
    assert [a.text for a in articles] == ["Read anyway."]
    assert [str(e) for e in errors] == [f"{tmp_path / 'locked'}: cannot read folder: Permission denied"]


@pytest.mark.parametrize("record, problem", [
    ({"text": 12345}, "field 'text' is a number, not a string"),
    ({"Content": ["para one", "para two"]}, "field 'Content' is a list, not a string"),
    ({"body": {"nested": "obj"}}, "field 'body' is an object, not a string"),
    ({"text": True}, "field 'text' is a boolean, not a string"),
    ({"text": "Fine.", "title": {"nested": "obj"}}, "field 'title' is an object, not a string"),
    ({"text": "Fine.", "authors": ["Ann", 3]}, "field 'authors' is a list holding a number, not a list of strings"),
])
def test_wrong_typed_json_fields_reject_the_record(tmp_path, record, problem):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps(record) + "\n" + json.dumps({"text": "Next.", "authors": ["Ann", "Bob"]}) + "\n")
    articles, errors = read_all(path)
    assert [(a.text, a.byline) for a in articles] == [("Next.", "Ann, Bob")]
    assert [str(e) for e in errors] == [f"{path}#1: {problem}"]


def test_lone_surrogates_in_json_become_replacement_characters(tmp_path):
    path = tmp_path / "a.json"
    path.write_text('{"text": "Bad \\udc80 char.", "url": "https://x.org/\\ud800\\n"}')
    [article], errors = read_all(path)
    assert not errors
    assert article.text == "Bad \ufffd char."
    assert_one_line_utf8([article])


def test_utf8_with_a_few_bad_bytes_stays_utf8_with_a_warning(tmp_path):
    text = "Der Bürgermeister von Köln sagte, die Straße bleibe gesperrt. " * 40
    data = text.encode("utf-8")
    first, second = data.index(b" ", 100), data.index(b" ", 500)   # between characters
    data = data[:first] + b"\x92" + data[first:second] + b"\xe9" + data[second:]   # two stray cp1252 bytes
    (tmp_path / "a.txt").write_bytes(data)
    items = list(readers.read([str(tmp_path / "a.txt")]))
    warning, article = items
    assert type(warning) is readers.ReadWarning and isinstance(warning, readers.ReadError)
    assert str(warning) == f"{tmp_path / 'a.txt'}: invalid UTF-8: 2 bad bytes replaced by U+FFFD (first at byte {first})"
    assert article.text.count("\ufffd") == 2
    assert article.text.replace("\ufffd", "") == text


def test_mostly_invalid_utf8_is_not_read_as_utf8(tmp_path):
    # A cp1252 file whose only non-ASCII bytes are invalid UTF-8 is cp1252, not UTF-8 with holes.
    text = "He said: “It’s over.” The café closed – for good."
    (tmp_path / "a.txt").write_bytes(text.encode("cp1252"))
    items = list(readers.read([str(tmp_path / "a.txt")]))
    assert [i.text for i in items] == [text]


GERMAN = ("Die Bundesregierung hat am Mittwoch in Berlin beschlossen, die Förderung für Wärmepumpen zu kürzen. "
          "„Wir müssen sparen“, sagte Finanzminister Müller. Die Maßnahme betrifft rund 300.000 Haushalte, "
          "die bis Ende des Jahres einen Antrag gestellt hätten. Kritiker äußerten sich empört – sie sei "
          "„völlig überstürzt“ und koste die Bürger über 2 Mrd. €. Öffentliche Gebäude sind ausgenommen.\n\n"
          "Der Verband der Wohnungswirtschaft nannte den Schritt „ein fatales Signal“ für das Klima.\n")
FRENCH = ("Le gouvernement a annoncé mercredi une réforme très contestée des retraites. « C’est une décision "
          "difficile mais nécessaire », a déclaré la Première ministre à l’Assemblée. Les syndicats ont appelé "
          "à la grève générale dès jeudi ; l’œuvre de concertation est, selon eux, « un échec complet ». "
          "Près de 1,2 million de manifestants étaient attendus à Paris, Lyon et Marseille, où la préfecture "
          "a déployé des forces de l’ordre.\n\nÀ Lille, le maire s’est dit « très inquiet ».\n")


def latin1_safe(text):
    return text.translate(str.maketrans({"„": '"', "“": '"', "–": "-", "’": "'", "€": "EUR"})).replace("œ", "oe")


@pytest.mark.parametrize("text", [GERMAN, FRENCH, GERMAN * 30, FRENCH[:200]], ids=["de", "fr", "de-long", "fr-short"])
@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_whole_western_articles_in_legacy_code_pages(tmp_path, text, encoding):
    if encoding == "latin-1":
        text = latin1_safe(text)
    (tmp_path / "a.txt").write_bytes(text.encode(encoding))
    [article], errors = read_all(tmp_path / "a.txt")
    assert not errors
    assert article.text == text


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_text(tmp_path, codec):
    (tmp_path / "a.txt").write_bytes(FRENCH.encode(codec))
    (tmp_path / "b.json").write_bytes(json.dumps({"text": GERMAN}, ensure_ascii=False).encode(codec))
    articles, errors = read_all(tmp_path / "a.txt", tmp_path / "b.json")
    assert not errors
    assert [a.text for a in articles] == [FRENCH, GERMAN]


def test_csv_and_jsonl_sources_are_file_line_numbers(tmp_path):
    (tmp_path / "a.csv").write_text(
        'title,text\n'                              # line 1
        'One,"First line\nsecond line"\n'           # lines 2-3
        '\n'                                        # line 4, blank
        'Two,"Two\n\nparagraphs"\n'                 # lines 5-7
        'Three,Plain\n'                             # line 8
    )
    (tmp_path / "b.jsonl").write_bytes(b'{"text": "A."}\r\n\r\n{"text": "B."}\r\n{"text": 5}\r\n')
    articles, errors = read_all(tmp_path / "a.csv", tmp_path / "b.jsonl")
    assert [a.source.rsplit("/", 1)[1] for a in articles] == ["a.csv#2", "a.csv#5", "a.csv#8", "b.jsonl#1", "b.jsonl#3"]
    assert [str(e) for e in errors] == [f"{tmp_path / 'b.jsonl'}#4: field 'text' is a number, not a string"]


def test_size_limits_are_checked_before_reading(tmp_path, monkeypatch):
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as f:
        f.truncate(10 * 1024**3)   # a sparse 10 GB file: nothing is on disk, nothing may be loaded
    (tmp_path / "huge.jsonl").symlink_to(huge)
    (tmp_path / "big.txt").write_bytes(b"word " * 2_460_000)   # 12.3 MB
    (tmp_path / "ok.txt").write_text("Small.")
    start = time.monotonic()
    articles, errors = read_all(tmp_path / "huge.txt", tmp_path / "huge.jsonl", tmp_path / "big.txt", tmp_path / "ok.txt")
    assert time.monotonic() - start < 5
    assert [a.text for a in articles] == ["Small."]
    assert [str(e) for e in errors] == [
        f"{huge}: article of 10737.4 MB is over the 5 MB limit (NEWSDIFF_MAX_ARTICLE_BYTES)",
        # the same file through a second name is not read twice
        f"{tmp_path / 'big.txt'}: article of 12.3 MB is over the 5 MB limit (NEWSDIFF_MAX_ARTICLE_BYTES)",
    ]
    (tmp_path / "big.jsonl").write_text(json.dumps({"text": "x" * 2000}) + "\n" + json.dumps({"text": "Fits."}) + "\n")
    monkeypatch.setenv("NEWSDIFF_MAX_ARTICLE_BYTES", "1000")
    articles, errors = read_all(tmp_path / "big.jsonl")
    assert [a.text for a in articles] == ["Fits."]
    assert [str(e) for e in errors] == [
        f"{tmp_path / 'big.jsonl'}#1: article of 2,000 bytes is over the 1,000 bytes limit (NEWSDIFF_MAX_ARTICLE_BYTES)"]
    monkeypatch.setenv("NEWSDIFF_MAX_FILE_BYTES", "100")
    _, errors = read_all(tmp_path / "big.jsonl")
    assert [str(e) for e in errors] == [
        f"{tmp_path / 'big.jsonl'}: file of {(tmp_path / 'big.jsonl').stat().st_size:,} bytes is over the 100 bytes limit (NEWSDIFF_MAX_FILE_BYTES)"]
    _, errors = read_all("-", stdin=io.BytesIO(b"x" * 200))
    assert [str(e) for e in errors] == ["stdin: input of 101 bytes is over the 100 bytes limit (NEWSDIFF_MAX_FILE_BYTES)"]
