"""Files, folders, globs and standard input -> raw articles.

A raw article is a records.RawArticle: text, source, and whatever metadata the
input carried (title, outlet, byline, published, url). Problems are reported as
ReadError values, never raised, so one bad file cannot stop a run.
"""

import csv
import glob
import io
import json
import os
import re
import statistics
import sys
import unicodedata
from dataclasses import dataclass

import charset_normalizer

from .records import RawArticle

TEXT_SUFFIXES = {".txt", ".md", ".text", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
CSV_SUFFIXES = {".csv", ".tsv"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES | CSV_SUFFIXES

# Field names seen in scraped news exports, most specific first.
FIELDS = {
    "text": ("text", "content", "body", "article", "maintext", "article_text", "full_text"),
    "title": ("title", "headline", "heading"),
    "url": ("url", "link", "href", "canonical_url"),
    "outlet": ("outlet", "source", "site", "sitename", "site_name", "publisher", "domain"),
    "published": ("published", "date", "published_at", "publish_date", "pubdate", "datetime", "date_published"),
    "byline": ("byline", "author", "authors", "creator"),
}


@dataclass
class ReadError:
    source: str
    problem: str

    def __str__(self):
        return f"{self.source}: {self.problem}"


def expand(paths):
    """Yield file paths (or "-") for every path, folder and glob given, in a stable order."""
    for path in paths:
        if path == "-":
            yield "-"
        elif os.path.isdir(path):
            found = []
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(
                    os.path.join(root, name)
                    for name in files
                    if not name.startswith(".") and suffix(name) in KNOWN_SUFFIXES
                )
            yield from sorted(found)
        elif glob.has_magic(path):
            matches = sorted(p for p in glob.glob(path, recursive=True) if os.path.isfile(p))
            if not matches:
                yield ReadError(path, "no files match this pattern")
            yield from matches
        else:
            yield path


def suffix(name):
    return os.path.splitext(name)[1].lower()


def read(paths, stdin=None):
    """Yield RawArticle and ReadError values for everything in paths."""
    for path in expand(paths):
        if isinstance(path, ReadError):
            yield path
            continue
        if path == "-":
            data = (stdin or sys.stdin.buffer).read()
            yield from parse(data, "stdin", sniff(data))
            continue
        try:
            with open(path, "rb") as f:
                data = f.read()
        except OSError as e:
            yield ReadError(path, f"cannot read: {e.strerror or e}")
            continue
        kind = suffix(path)
        yield from parse(data, path, kind if kind in KNOWN_SUFFIXES else ".txt")


def sniff(data):
    """Guess the format of standard input from its first character."""
    head = data.lstrip()[:1]
    if head in (b"{", b"["):
        first_line = data.lstrip().split(b"\n", 1)[0].strip()
        if head == b"{" and first_line.endswith(b"}") and b"\n" in data.strip():
            return ".jsonl"
        return ".json"
    if head == b"<":
        return ".html"
    return ".txt"


def parse(data, source, kind):
    try:
        text = decode(data)
    except ValueError as e:
        yield ReadError(source, str(e))
        return
    if not text.strip():
        yield ReadError(source, "empty file")
        return
    if kind in HTML_SUFFIXES:
        yield from from_html(text, source)
    elif kind in JSON_SUFFIXES:
        yield from from_json(text, source)
    elif kind in JSONL_SUFFIXES:
        yield from from_jsonl(text, source)
    elif kind in CSV_SUFFIXES:
        yield from from_csv(text, source, "\t" if kind == ".tsv" else ",")
    else:
        yield RawArticle(source=source, text=unwrap(text))


def decode(data):
    """Bytes -> NFC text; ValueError says why bytes are not text."""
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ValueError("binary file, not text")
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return normalise(data.decode(codec, errors="replace").lstrip("\ufeff"))
    try:
        return normalise(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        raise ValueError("binary file or unknown text encoding")
    # Short Western texts often tie between Windows code pages; windows-1252 is by far
    # the most common on the web (browsers read latin-1 as it too), so it wins ties.
    best = matches[0]
    tied = [m for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
    best = next((m for m in tied if m.encoding == "cp1252"), best)
    return normalise(str(best))


def normalise(text):
    # NFC before anything computes offsets, so stored offsets index the stored text.
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


# Hard-wrapped copy (agency wires, e-mail, old archives) breaks lines at a fixed width.
# segment.py ends a sentence at every line break, by design, so such text must be joined
# back into one line per paragraph before anything computes offsets.
WRAP_MIN, WRAP_MAX = 30, 120   # widths agencies and mailers wrap at
WRAP_SLACK = 2                 # a wrapped line may stop this short of the width
WRAP_MIN_LINES = 3             # fewer wrapped-looking lines than this: leave the text alone
_TERMINAL = tuple(".!?…:;\"'’”»)")
_HYPHENATED = re.compile(r"[^\W\d_]-$")
_ITEM = re.compile(r"\s*(?:[-*•–—]\s|\d{1,3}[.)]\s|#{1,6}\s)")


def unwrap(text):
    """Join the hard-wrapped lines of each paragraph with a space; other text unchanged.

    Text is hard-wrapped when most lines that run on into another line stop near one
    width W (the next word would not have fitted: greedy wrapping) and mostly stop
    without terminal punctuation. Then a line break is removed where the line is full
    (its length plus the next line's first word exceeds W) and the next line continues
    the paragraph: not blank, not indented deeper (an indent marks a new paragraph),
    not a list item or heading. Normally formatted text (one paragraph per line, short
    headline and byline lines) has no such run of full lines and is returned as is.
    """
    lines = text.split("\n")
    width = wrap_width(lines)
    if width is None:
        return text
    out = [lines[0]]
    for prev, line in zip(lines, lines[1:]):
        if continues(prev, line, width):
            # A compound broken at its hyphen ("scary-/skinny") keeps the hyphen, no space.
            glue = "" if _HYPHENATED.search(prev.rstrip()) and line.lstrip()[:1].islower() else " "
            out[-1] = out[-1].rstrip() + glue + line.strip()
        else:
            out.append(line)
    return "\n".join(out)


def wrap_width(lines):
    """The width the text is hard-wrapped at, or None when it is not hard-wrapped."""
    runs = [(a.rstrip(), b) for a, b in zip(lines, lines[1:]) if a.strip() and b.strip()]
    if len(runs) < WRAP_MIN_LINES:
        return None
    lengths = sorted(len(a) for a, _ in runs)
    # The width: the length most run-on lines reach (a high percentile, so that one
    # over-long line such as a URL does not set it).
    width = lengths[min(len(lengths) - 1, int(0.9 * len(lengths)))]
    if not WRAP_MIN <= width <= WRAP_MAX:
        return None
    full = sum(is_full(a, b, width) for a, b in runs)
    open_ended = sum(not a.endswith(_TERMINAL) for a, _ in runs)
    if full < WRAP_MIN_LINES or full < 0.6 * len(runs) or open_ended < 0.5 * len(runs):
        return None
    # Lines of wrapped text rarely exceed the width; most of the text must be in the runs.
    if statistics.median(len(line.rstrip()) for line in lines if line.strip()) > width:
        return None
    return width


def is_full(line, following, width):
    """Greedy wrapping broke this line: the next word would not have fitted after it."""
    first = following.split(None, 1)[0] if following.split() else ""
    return len(line.rstrip()) + 1 + len(first) > width - WRAP_SLACK


def indent(line):
    return len(line) - len(line.lstrip())


def continues(prev, line, width):
    if not prev.strip() or not line.strip():
        return False
    # A list item starts a new line, unless a dash merely fell at a line start mid-sentence.
    if _ITEM.match(line) and (prev.rstrip().endswith(_TERMINAL) or _ITEM.match(prev) or line.lstrip()[:1] in "#*•"):
        return False
    if indent(line) > indent(prev):
        return False
    return is_full(prev, line, width)


def from_html(html, source):
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    if doc is None or not (doc.text or "").strip():
        yield ReadError(source, "no article text found in this HTML page")
        return
    yield RawArticle(
        source=doc.url or source,
        text=normalise(doc.text),
        title=doc.title,
        outlet=doc.sitename,
        byline=doc.author,
        published=doc.date,
        url=doc.url,
    )


def from_record(record, source, where):
    if not isinstance(record, dict):
        return ReadError(f"{source}{where}", "record is not an object with named fields")
    lowered = {str(k).lower(): v for k, v in record.items()}
    found = {}
    for field, names in FIELDS.items():
        for name in names:
            value = lowered.get(name)
            if isinstance(value, list):
                value = ", ".join(str(v) for v in value if v)
            if value not in (None, ""):
                found[field] = normalise(str(value))
                break
    if not found.get("text", "").strip():
        return ReadError(f"{source}{where}", "record has no text field (text, content or body)")
    found["text"] = unwrap(found["text"])
    found["source"] = found.get("url") or f"{source}{where}"
    return RawArticle(**found)


def from_json(text, source):
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        yield ReadError(source, f"malformed JSON at line {e.lineno} column {e.colno}: {e.msg}")
        return
    if isinstance(data, dict):
        listed = next((data[k] for k in ("articles", "items", "data", "results") if isinstance(data.get(k), list)), None)
        records = listed if listed is not None else [data]
    elif isinstance(data, list):
        records = data
    else:
        yield ReadError(source, "JSON holds neither an article object nor a list of them")
        return
    for n, record in enumerate(records, 1):
        yield from_record(record, source, f"#{n}" if len(records) > 1 else "")


def from_jsonl(text, source):
    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            yield ReadError(f"{source}#{n}", f"malformed JSON line: {e.msg}")
            continue
        yield from_record(record, source, f"#{n}")


def from_csv(text, source, delimiter):
    csv.field_size_limit(1 << 30)
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    try:
        for n, record in enumerate(reader, 2):
            yield from_record(record, source, f"#{n}")
    except csv.Error as e:
        yield ReadError(source, f"malformed CSV at line {reader.line_num}: {e}")
