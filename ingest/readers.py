"""Files, folders, globs and standard input -> raw articles.

A raw article is a records.RawArticle: text, source, and whatever metadata the
input carried (title, outlet, byline, published, url). Problems are reported as
ReadError values, never raised, so one bad file cannot stop a run: every input that
is not read gets exactly one line naming it and the problem, and the other inputs are
still read. A file that is read with a caveat (some bytes were not valid UTF-8) yields
a ReadWarning (a ReadError subclass, so code that only knows ReadError still reports
it) before its articles.

Decisions that make this safe on folders of scraped files left running unattended:

- Sources are printable UTF-8 text. A file name is bytes on POSIX; bytes that are not
  UTF-8 are shown as ``\\xNN`` escapes (``os.fsencode`` then ``backslashreplace``), and
  control characters (a newline in a name, C1 controls, U+2028/U+2029) as ``\\xNN`` or
  ``\\uNNNN``, so every source and every error is one line that SQLite stores and a
  terminal prints. The file itself is still opened by its real name. (A file name that
  contains a literal backslash followed by ``xNN`` reads the same as an escaped byte;
  that ambiguity is accepted.)
- Only regular files are opened. A FIFO, device or socket (even one named ``.txt``) is
  reported as "not a regular file" from ``os.stat`` without being opened, and files
  are opened non-blocking and checked again with ``fstat``, so nothing can hang a run.
- Folders are walked following symbolic links to folders, but each real folder
  (st_dev, st_ino) is entered once and each real file is read once per run, so
  symlink loops terminate. ``**`` globs use the same walk (Python's glob would follow
  loops until the path length limit). A folder that cannot be listed is reported:
  "cannot read folder: Permission denied".
- Sizes are bounded before anything is read: an article (a text file, the text
  extracted from a page, a record's text) may be at most NEWSDIFF_MAX_ARTICLE_BYTES
  (default 5 MB = 5,000,000 bytes: "article of 12.3 MB is over the 5 MB limit"); a
  file holding many records or a web page (JSON, JSONL, CSV, HTML, standard input) at
  most NEWSDIFF_MAX_FILE_BYTES (default 200 MB). Files are read with a bounded read of
  limit + 1 bytes, so a 10 GB file (or one that grows) never loads into memory.
- Encodings, in order: a byte-order mark (UTF-8, UTF-16); UTF-16 without a mark,
  recognised by the NUL byte in every other position that Latin-script UTF-16LE/BE has;
  then any other NUL byte means binary; strict UTF-8; UTF-8 with a few bad bytes
  (at most UTF8_MAX_BAD_SHARE = 1% of the bytes, and no more bad bytes than valid
  non-ASCII characters) is kept as UTF-8 with U+FFFD replacement characters and a
  ReadWarning; text whose windows-1252 reading is plain Western European text (only
  Latin letters and the punctuation of those languages, mostly ASCII, no control
  characters) is windows-1252 (latin-1 text is read the same way; charset detection
  often mistakes German and French for cp1250 or cp1258); anything else goes to
  charset-normalizer. Known limit: Czech or Turkish text in cp1250/cp1254, whose
  letters sit where windows-1252 has letters, is read as windows-1252; save such files
  as UTF-8.
- Record fields must be strings: a text that is a number, list, object or boolean, or
  a title that is an object, rejects the record ("field 'text' is a number, not a
  string") rather than storing "12345". A byline or authors field may be a list of
  strings, which is joined with ", ". null and "" mean the field is absent.
- Record numbers in sources are file line numbers: ``export.jsonl#7`` is line 7 and
  ``sheet.csv#12`` is the line where the CSV record starts (a quoted field may span
  several lines).
- Any exception inside a reader (an import error, a bug in trafilatura, a JSON nested
  too deeply) fails that file only: "reader failed: ImportError: ...".
"""

import csv
import fnmatch
import glob
import io
import json
import os
import re
import stat
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
# Formats whose files hold many articles, or a page around one: the file limit applies.
FILE_LIMIT_SUFFIXES = HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES | CSV_SUFFIXES

# Field names seen in scraped news exports, most specific first.
FIELDS = {
    "text": ("text", "content", "body", "article", "maintext", "article_text", "full_text"),
    "title": ("title", "headline", "heading"),
    "url": ("url", "link", "href", "canonical_url"),
    "outlet": ("outlet", "source", "site", "sitename", "site_name", "publisher", "domain"),
    "published": ("published", "date", "published_at", "publish_date", "pubdate", "datetime", "date_published"),
    "byline": ("byline", "author", "authors", "creator"),
}
# Fields that may be a list of strings (several authors), joined with ", ".
LIST_FIELDS = {"byline"}

ARTICLE_LIMIT = ("NEWSDIFF_MAX_ARTICLE_BYTES", 5_000_000)
FILE_LIMIT = ("NEWSDIFF_MAX_FILE_BYTES", 200_000_000)

UTF8_MAX_BAD_SHARE = 0.01   # UTF-8 with at most this share of invalid bytes stays UTF-8
WESTERN_MAX_SHARE = 0.3     # Western text: at most this share of its letters non-ASCII
SNIFF_BYTES = 8192          # how much of a file the binary and UTF-16 checks look at

# Characters that are not one line of printable text: C0 and C1 controls, DEL, line and
# paragraph separators.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _escape(m):
    c = ord(m.group())
    return f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}"


def printable(text):
    """One line of valid UTF-8 text: lone surrogates and control characters escaped."""
    text = str(text)
    if _SURROGATE.search(text):
        text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return _UNPRINTABLE.sub(_escape, text)


def display(path):
    """How a file path is shown and stored as a source: bytes that are not UTF-8 (kept
    in a str path by surrogateescape) become \\xNN, control characters too."""
    if isinstance(path, bytes):
        raw = path
    else:
        try:
            raw = os.fsencode(path)
        except UnicodeEncodeError:   # a surrogate that surrogateescape did not make
            return printable(path)
    return printable(raw.decode("utf-8", "backslashreplace"))


@dataclass
class ReadError:
    """An input that was not read (or a record of it): the source and the problem, one line."""

    source: str
    problem: str

    def __post_init__(self):
        self.source = printable(self.source)
        self.problem = " ".join(printable(str(self.problem).replace("\n", " ")).split())

    def __str__(self):
        return f"{self.source}: {self.problem}"


@dataclass
class ReadWarning(ReadError):
    """An input that was read with a caveat (e.g. invalid UTF-8 bytes replaced); its
    articles follow it. A ReadError subclass so that code which only knows ReadError
    still reports it; check isinstance(item, ReadWarning) first to tell them apart."""


def limit(setting):
    """The byte limit of a setting (ARTICLE_LIMIT or FILE_LIMIT), from the environment."""
    name, default = setting
    value = os.environ.get(name, "").strip().replace("_", "")
    try:
        return int(float(value)) if value else default
    except ValueError:
        return default


def size_text(n):
    """12300000 -> "12.3 MB", 5000000 -> "5 MB"; under 0.1 MB in bytes: "2,010 bytes"."""
    if n < 100_000:
        return f"{n:,} bytes"
    text = f"{n / 1e6:.1f}"
    return f"{text[:-2] if text.endswith('.0') else text} MB"


def over_limit(size, setting, what):
    """The message for an input of size bytes over a limit, or None when it fits."""
    cap = limit(setting)
    if size <= cap:
        return None
    return f"{what} of {size_text(size)} is over the {size_text(cap)} limit ({setting[0]})"


def sized(article):
    """The article, or a ReadError when its text is over the article limit."""
    text = article.text
    size = len(text) if len(text) * 4 <= limit(ARTICLE_LIMIT) else len(text.encode("utf-8", "surrogatepass"))
    problem = over_limit(size, ARTICLE_LIMIT, "article")
    return ReadError(article.source, problem) if problem else article


def expand(paths):
    """Yield file paths (or "-") for every path, folder and glob given, in a stable order,
    and a ReadError for every folder that cannot be listed or glob that matches nothing.
    Symbolic links to folders are followed, each real folder once."""
    for path in paths:
        if path == "-":
            yield "-"
        elif os.path.isdir(path):
            yield from folder(path)
        elif glob.has_magic(path):
            matches = globbed(path)
            if not any(isinstance(m, str) for m in matches):
                matches.append(ReadError(display(path), "no files match this pattern"))
            yield from matches
        else:
            yield path


def walk(top, hidden=False):
    """(folder, files) for top and every folder under it, each real folder once, and
    ReadErrors for folders that cannot be listed. Hidden folders only when hidden."""
    errors = []
    visited = set()
    try:
        st = os.stat(top)
        visited.add((st.st_dev, st.st_ino))
    except OSError:
        pass  # os.walk's onerror reports it

    def cannot(e):
        errors.append(ReadError(display(e.filename if e.filename is not None else top),
                                f"cannot read folder: {e.strerror or e}"))

    found = []
    for root, dirs, files in os.walk(top, onerror=cannot, followlinks=True):
        keep = []
        for name in sorted(dirs):
            if name.startswith(".") and not hidden:
                continue
            try:
                st = os.stat(os.path.join(root, name))
            except OSError as e:
                cannot(e)
                continue
            if (st.st_dev, st.st_ino) not in visited:
                visited.add((st.st_dev, st.st_ino))
                keep.append(name)
        dirs[:] = keep
        found.append((root, files))
    return found, errors


def folder(path):
    """The readable-looking files under a folder (known suffix, not hidden), sorted,
    with the folders that could not be listed reported in the same order."""
    found, errors = walk(path)
    items = [(os.path.join(root, name), os.path.join(root, name))
             for root, files in found for name in files
             if not name.startswith(".") and suffix(name) in KNOWN_SUFFIXES]
    items += [(e.source, e) for e in errors]
    return [item for _, item in sorted(items, key=lambda pair: display(pair[0]))]


def globbed(pattern):
    """The files a glob matches, sorted (folders left out; FIFOs and the like kept, so
    that reading reports them). `**` walks with walk(), which stops at symlink loops."""
    if "**" not in pattern:
        return sorted(p for p in glob.glob(pattern) if not os.path.isdir(p))
    parts = pattern.split(os.sep)
    n = next(i for i, part in enumerate(parts) if glob.has_magic(part))
    prefix, rest = parts[:n], parts[n:]
    root = os.sep.join(prefix) if prefix != [""] else os.sep
    found, errors = walk(root or os.curdir, hidden=any(p.startswith(".") for p in rest))
    matches = []
    for folder_path, files in found:
        rel = os.path.relpath(folder_path, root or os.curdir)
        names = [] if rel == os.curdir else rel.split(os.sep)
        for name in files:
            if matches_parts(names + [name], rest):
                matches.append(os.path.join(root, *names, name) if root else os.path.join(*names, name))
    return sorted(matches) + errors


def matches_parts(names, patterns):
    """glob's rules on path components: `**` is any number of folders (not hidden ones),
    `*` and `?` do not match a leading dot."""
    if not patterns:
        return not names
    first, rest = patterns[0], patterns[1:]
    if first == "**":
        for i in range(len(names) + 1):
            if i and names[i - 1].startswith("."):
                break
            if matches_parts(names[i:], rest):
                return True
        return False
    if not names:
        return False
    name = names[0]
    if name.startswith(".") and not first.startswith(".") and glob.has_magic(first):
        return False
    return fnmatch.fnmatchcase(name, first) and matches_parts(names[1:], rest)


def suffix(name):
    return os.path.splitext(name)[1].lower()


def read(paths, stdin=None):
    """Yield RawArticle, ReadWarning and ReadError values for everything in paths."""
    seen = set()   # (st_dev, st_ino) of the files read: each real file once
    for path in expand(paths):
        if isinstance(path, ReadError):
            yield path
        elif path == "-":
            stream = stdin or sys.stdin.buffer
            try:
                data = stream.read(limit(FILE_LIMIT) + 1)
            except (OSError, ValueError) as e:
                yield ReadError("stdin", f"cannot read: {getattr(e, 'strerror', None) or e}")
                continue
            if isinstance(data, str):
                data = data.encode("utf-8", "surrogateescape")
            problem = over_limit(len(data), FILE_LIMIT, "input")
            if problem:
                yield ReadError("stdin", problem)
            else:
                items = parse(data, "stdin", None)
                del data
                yield from items
        else:
            yield from read_file(path, seen)


def file_type(mode):
    for test, name in ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device")):
        if test(mode):
            return name
    return "not a file"


def read_file(path, seen):
    source = display(path)
    try:
        st = os.stat(path)
    except OSError as e:
        yield ReadError(source, f"cannot read: {e.strerror or e}")
        return
    if not stat.S_ISREG(st.st_mode):
        yield ReadError(source, f"not a regular file ({file_type(st.st_mode)})")
        return
    if (st.st_dev, st.st_ino) in seen:
        return   # the same file reached again through a link: read once
    seen.add((st.st_dev, st.st_ino))
    kind = suffix(path)
    kind = kind if kind in KNOWN_SUFFIXES else ".txt"
    setting, what = (FILE_LIMIT, "file") if kind in FILE_LIMIT_SUFFIXES else (ARTICLE_LIMIT, "article")
    problem = over_limit(st.st_size, setting, what)
    if problem:
        yield ReadError(source, problem)
        return
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
        with os.fdopen(fd, "rb") as f:
            mode = os.fstat(f.fileno()).st_mode
            if not stat.S_ISREG(mode):   # replaced between stat and open
                yield ReadError(source, f"not a regular file ({file_type(mode)})")
                return
            data = f.read(limit(setting) + 1)
    except OSError as e:
        yield ReadError(source, f"cannot read: {e.strerror or e}")
        return
    problem = over_limit(len(data), setting, what)   # the file grew after stat
    if problem:
        yield ReadError(source, f"{problem} or more")
        return
    items = parse(data, source, kind)
    del data
    yield from items


def sniff(data):
    """Guess the format of standard input (bytes or text) from its first character."""
    if isinstance(data, bytes):
        data = data.decode("latin-1")
    head = data.lstrip().lstrip("\ufeff")[:1]
    if head in ("{", "["):
        first_line = data.lstrip().split("\n", 1)[0].strip()
        if head == "{" and first_line.endswith("}") and "\n" in data.strip():
            return ".jsonl"
        return ".json"
    if head == "<":
        return ".html"
    return ".txt"


def parse(data, source, kind):
    """Yield the articles (and problems) of one input's bytes; kind is its suffix, or
    None to guess it from the text. Never raises. The caller keeps no reference to data:
    once decoded, the bytes are let go while the text is read."""
    source = printable(source)
    try:
        text, warning = decoding(data)
    except ValueError as e:
        yield ReadError(source, str(e))
        return
    except Exception as e:  # a bug in a decoder must not stop the run
        yield ReadError(source, f"cannot decode: {type(e).__name__}: {e}")
        return
    finally:
        del data
    if warning:
        yield ReadWarning(source, warning)
    if not text.strip():
        yield ReadError(source, "empty file")
        return
    if kind is None:
        kind = sniff(text)
    if kind in HTML_SUFFIXES:
        reader, name = from_html, "HTML"
    elif kind in JSON_SUFFIXES:
        reader, name = from_json, "JSON"
    elif kind in JSONL_SUFFIXES:
        reader, name = from_jsonl, "JSON Lines"
    elif kind in CSV_SUFFIXES:
        reader, name = (lambda t, s: from_csv(t, s, "\t" if kind == ".tsv" else ",")), "CSV"
    else:
        reader, name = (lambda t, s: iter([RawArticle(source=s, text=unwrap(t))])), "text"
    try:
        for item in reader(text, source):
            yield sized(item) if isinstance(item, RawArticle) else item
    except RecursionError:
        yield ReadError(source, f"reader failed ({name}): nested too deeply")
    except Exception as e:  # one reader's failure fails this input only
        yield ReadError(source, f"reader failed ({name}): {type(e).__name__}: {e}")


def decode(data):
    """Bytes -> NFC text; ValueError says why bytes are not text (see decoding)."""
    return decoding(data)[0]


def decoding(data):
    """Bytes -> (NFC text, a warning or None); ValueError says why bytes are not text.
    The order of the checks is the module docstring's."""
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return strict_or_replaced(data[len(bom):], codec)
    codec = utf16_without_bom(data)
    if codec:
        text, warning = strict_or_replaced(data, codec)
        if len(_CONTROL.findall(text[:SNIFF_BYTES])) > 0.01 * min(len(text), SNIFF_BYTES):
            raise ValueError("binary file, not text")
        return text, warning
    if b"\x00" in data[:SNIFF_BYTES]:
        raise ValueError("binary file, not text")
    try:
        return normalise(data.decode("utf-8")), None
    except UnicodeDecodeError as e:
        first_bad = e.start
    escaped = data.decode("utf-8", "surrogateescape")
    bad = sum(map(len, _ESCAPED.findall(escaped)))
    good = sum(map(len, _NON_ASCII.findall(escaped))) - bad
    if bad <= UTF8_MAX_BAD_SHARE * len(data) and good >= bad:
        return normalise(data.decode("utf-8", "replace")), replaced(bad, "UTF-8", first_bad)
    text = western(data)
    if text is not None:
        return normalise(text), None
    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        raise ValueError("binary file or unknown text encoding")
    # Short Western texts often tie between Windows code pages; windows-1252 is by far
    # the most common on the web (browsers read latin-1 as it too), so it wins ties.
    best = matches[0]
    tied = [m for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
    best = next((m for m in tied if m.encoding == "cp1252"), best)
    return normalise(str(best)), None


_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
_ESCAPED = re.compile("[\udc80-\udcff]+")
_NON_ASCII = re.compile("[^\x00-\x7f]+")
# What plain Western European text holds beyond ASCII: the Latin-1 letters, the
# windows-1252 letters and punctuation. Left out on purpose: ¹ ³ ¥ ¼ ¾ and other signs
# that are letters in cp1250 (ą ł Ą ľ), so Polish text goes to charset detection.
_WESTERN_EXTRA = "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿŒœŠšŽžŸ" \
                 "‘’‚“”„–—…•€«»‹›°§©®™¡¿·ªº±×÷²£¢\u00a0\u00ad"
_NOT_WESTERN = re.compile("[^\t\n\r\x0c\x20-\x7e" + re.escape(_WESTERN_EXTRA) + "]")
_LETTER = re.compile(r"[^\W\d_]")


def western(data):
    """The windows-1252 (or latin-1) reading of data when it is plain Western European
    text, else None."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:   # the five bytes cp1252 leaves undefined
        text = data.decode("latin-1")
    if _NOT_WESTERN.search(text):
        return None
    letters = len(_LETTER.findall(text))
    non_ascii = sum(map(len, _NON_ASCII.findall(text)))
    if not letters or non_ascii > WESTERN_MAX_SHARE * letters:
        return None
    return text


def utf16_without_bom(data):
    """utf-16-le or utf-16-be when the bytes look like UTF-16 of Latin-script text (a NUL
    in every other position, and nearly none in the others), else None."""
    sample = data[:SNIFF_BYTES // 2 * 2]
    n = len(sample) // 2
    if n < 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd >= 0.3 * n and even <= 0.02 * n:
        return "utf-16-le"
    if even >= 0.3 * n and odd <= 0.02 * n:
        return "utf-16-be"
    return None


def strict_or_replaced(data, codec):
    try:
        return normalise(data.decode(codec)).lstrip("\ufeff"), None
    except UnicodeDecodeError as e:
        text = normalise(data.decode(codec, "replace")).lstrip("\ufeff")
        return text, replaced(text.count("\ufffd"), codec.upper().replace("-LE", "").replace("-BE", ""), e.start)


def replaced(n, codec, first):
    return (f"invalid {codec}: {n} bad byte{'s' if n != 1 else ''} replaced by U+FFFD "
            f"(first at byte {first})")


def normalise(text):
    # NFC before anything computes offsets, so stored offsets index the stored text.
    # Lone surrogates (JSON's "\\udc80") are not text SQLite can store: U+FFFD instead.
    if _SURROGATE.search(text):
        text = _SURROGATE.sub("\ufffd", text)
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
        source=printable(doc.url or source),
        text=normalise(doc.text),
        title=doc.title,
        outlet=doc.sitename,
        byline=doc.author,
        published=doc.date,
        url=doc.url,
    )


def type_name(value):
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return f"a {type(value).__name__}"


def field_text(field, key, value):
    """(text, problem) for one record field: text is None when the field is absent."""
    if value is None or isinstance(value, str):
        return value or None, None
    if field in LIST_FIELDS and isinstance(value, list):
        if all(isinstance(v, str) for v in value):
            return ", ".join(v.strip() for v in value if v.strip()) or None, None
        odd = next(v for v in value if not isinstance(v, str))
        return None, f"field '{key}' is a list holding {type_name(odd)}, not a list of strings"
    return None, f"field '{key}' is {type_name(value)}, not a string"


def from_record(record, source, where):
    if not isinstance(record, dict):
        return ReadError(f"{source}{where}", "record is not an object with named fields")
    lowered = {}
    for k, v in record.items():
        lowered.setdefault(str(k).lower(), (k, v))
    found = {}
    for field, names in FIELDS.items():
        for name in names:
            key, value = lowered.get(name, (name, None))
            text, problem = field_text(field, key, value)
            if problem:
                return ReadError(f"{source}{where}", problem)
            if text is not None:
                found[field] = normalise(text)
                break
    if not found.get("text", "").strip():
        return ReadError(f"{source}{where}", "record has no text field (text, content or body)")
    found["text"] = unwrap(found["text"])
    found["source"] = printable(found.get("url") or f"{source}{where}")
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
    if not records:
        yield ReadError(source, "JSON holds an empty list of articles")
    for n, record in enumerate(records, 1):
        yield from_record(record, source, f"#{n}" if len(records) > 1 else "")


def lines(text):
    """The lines of a text, one at a time: a list of every line of a 200 MB file would be
    a second copy of it."""
    start = 0
    while start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        yield text[start:end]
        start = end + 1


def from_jsonl(text, source):
    # normalise() made every line end "\n", so n is the file's line number.
    for n, line in enumerate(lines(text), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            yield ReadError(f"{source}#{n}", f"malformed JSON line: {e.msg}")
            continue
        except (RecursionError, ValueError) as e:   # nested too deeply; an int too long
            yield ReadError(f"{source}#{n}", f"malformed JSON line: {type(e).__name__}: {e}")
            continue
        yield from_record(record, source, f"#{n}")


def from_csv(text, source, delimiter):
    """One record per row after the header; a record's number is the file line it
    starts on (the reader's line_num before it was read, plus one)."""
    # Fields up to the file limit parse, so an over-long text gets the article limit's message.
    csv.field_size_limit(min(limit(FILE_LIMIT) + 1, 2**31 - 1))
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header, n_records = None, 0
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            if not n_records:
                yield ReadError(source, "CSV has a header row but no records")
            return
        except csv.Error as e:
            yield ReadError(source, f"malformed CSV at line {start}: {e}")
            return
        if not row:
            continue
        if header is None:
            header = row
            continue
        n_records += 1
        yield from_record(dict(zip(header, row)), source, f"#{start}")
