"""Sentence segmentation for news text.

``segment(text)`` returns the sentences of ``text`` in order, each with exact character
offsets into ``text`` and the 0-based index of its paragraph. ``sentences(text)`` returns
just the sentence strings (this is what the ``newsdiff_sentences()`` SQL function returns).

How it works (see docs/segmentation.md for the decisions and the measurements):

1. Every line break ends a sentence. News plain text puts one paragraph, heading, dateline,
   byline or tag line on each line, and a line that ends without punctuation is still the
   end of something. Each non-empty line is a paragraph.
2. Inside a line, one compiled regular expression finds candidate boundaries: terminal
   punctuation (``. ! ? …`` and runs of them, including spaced ellipses), then any closing
   quotes or brackets, then whitespace. A non-breaking space after a period never breaks.
3. Each candidate is then accepted or rejected by a handful of cheap checks on the token
   before it and the word after it: a lowercase next word never starts a sentence; known
   abbreviations and initials only end a sentence before a typical sentence-opening word;
   a number or letter that starts a sentence is a list marker; punctuation inside a
   quotation (“…”, «…», ‘…’, "…") does not end the surrounding sentence.
4. Numbered, lettered and bulleted lists run together on one line are cut before each
   item when the numbering runs in sequence.

Pure Python with ``re``; no per-character loops on the hot path. Deterministic, no I/O.
"""

from __future__ import annotations

import re

from ingest.records import Sentence

__all__ = ["segment", "sentences"]

# ---------------------------------------------------------------------------------------
# Character classes

# Characters stripped from both ends of a sentence: Unicode whitespace, C0/C1 controls,
# zero-width characters and the byte-order mark.
_STRIP = "".join(
    ch for ch in map(chr, range(0x3001)) if ch.isspace() or ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0
) + "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff"

# Line breaks (the same set as str.splitlines). A line is a maximal run of anything else.
_LINE = re.compile(r"[^\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]+")

_TERM = ".!?…‽⁇⁈⁉‼"
_CLOSERS = "\"'’”»›)\\]}"
_BULLETS = "•⁃▪◦‣●■►➢–—"  # dashes only count as bullets where a list item starts (see _LIST)
_OPENERS = "\"'“‘«‹„‚([{¿¡*_" + "•⁃▪◦‣●■►➢"

# A candidate boundary: terminal punctuation (a spaced ellipsis ". . ." counts as one run),
# then closing quotes/brackets and footnote references like [1], [2–11] or a bare
# "cold.11 12 Take" / "(1987).1 According" (digits glued to the period), then a real
# space. A no-break space (U+00A0, U+202F, U+2007) after the punctuation never breaks:
# it is how typesetters glue "Mr.\u00a0Smith" or "p.\u00a05" together.
# Full-width CJK sentence punctuation ends a sentence with or without a following space.
# (No capturing groups, and a bare character class first: that lets the regex engine skip
# quickly to the next punctuation mark, which matters more than anything else for speed.)
_CAND = re.compile(
    r"[.!?…‽⁇⁈⁉‼。．！？](?:[.!?…‽⁇⁈⁉‼。．！？]|[ ][.](?=[\s.]|$))*"
    r"[\"'’”»›)\]}」』）]*(?:\[\d{1,3}(?:[–,-]\d{1,3})*\])*"
    r"(?:(?<=[a-z)]\.)\d{1,3}(?:[ ,]\d{1,3})*(?=\s+[A-Z]))?"
    r"(?:(?=[^\S\u00a0\u202f\u2007]|$)|(?<=[。．！？」』）]))"
)
# What may follow the punctuation run inside a candidate (closers, footnote marks).
_AFTER_P = "\"'’”»›)]}」』）[]0123456789–,- "
_CJK_END = frozenset("。．！？」』）")

# What follows a candidate: whitespace, opening punctuation, then the next word.
_NEXT = re.compile(r"\s+([^\w\s]*)\s*(\w*)")
# The next token is itself an initial ("J. R. R. Tolkien").
_INITIAL_NEXT = re.compile(r"\s+[A-Z]\.")
# Dotted abbreviations and initials: U.S, U.S.A, e.g, a.m, Ph.D, J.C (final period excluded).
_DOTTED = re.compile(r"(?:[A-Za-z]{1,2}\.)+[A-Za-z]")
# A sentence that so far is only a fronted time ("At 5", "By 9:30") before a.m./p.m.
_FRONTED_TIME = re.compile(r"\s*(?:[A-Z][a-z]+\s+){0,2}\d{1,2}(?:[:.]\d{2})?\s*")
_ROMAN = re.compile(r"(?:[ivx]{1,5}|[IVX]{1,5})")

# List items run together on one line: "1.) one 2.) two", "a) x b) y", "• 9. x • 10. y".
_LIST = re.compile(
    r"(?<![^\s•⁃▪◦‣●■►➢])(?P<o>\()?(?P<v>\d{1,2}|[A-Za-z])(?P<s>\.\)|\)|\.)(?=\s)"
)
_BULLET_MID = re.compile(r"(?<=\s)[•⁃▪◦‣●■►➢]")

# Quotations whose inner punctuation does not end the surrounding sentence. Apostrophes
# (’ or ' followed by a letter: Ukraine’s, isn't) do not close a single-quoted span.
_NL = "\\n\\r\\x0b\\x0c\\x1c\\x1d\\x1e\\x85\\u2028\\u2029"
_QUOTE_SPANS = re.compile(
    (
        r"[“«„‘'](?:"
        r"(?<=“)[^“”{nl}]*”"
        r"|(?<=«)[^«»{nl}]*»"
        r"|(?<=„)[^„“”{nl}]*[“”]"
        r"|(?<=‘)(?<!\w‘)[^‘’{nl}]*(?:’\w[^‘’{nl}]*)*’(?!\w)"
        r"|(?<=')(?<!\w')(?=\w)[^'{nl}]*(?:'\w[^'{nl}]*)*'(?!\w))"
    ).format(nl=_NL)
)
_STRAIGHT_DQ = re.compile(r'"[^"{nl}]*"'.format(nl=_NL))

# ---------------------------------------------------------------------------------------
# Word lists. Lookups are case-sensitive first, then lowercased in _ABBR_CI.

# Words that typically open a sentence. After an abbreviation that can also end a sentence
# ("Co.", "U.S.", "Jr."), a capitalised word from this list means the sentence ended:
# "I live in the U.S. How about you?" but "the U.S. Government".
STARTERS = frozenset(
    """
    A An The This That These Those It Its He She They We I You His Her Their Our My Your
    There Here What When Where Why How Who Whom Whose Which But And Or Nor So Yet However
    Meanwhile Moreover Furthermore Nevertheless Nonetheless Still Also Then Now Thus Hence
    Therefore Instead Indeed In On At For From By With Without Within After Before During
    Since Until While Although Though Because If Unless As Once Today Yesterday Tomorrow
    Last Next Earlier Later Finally First Second Some Many Most All Both Each Every Several
    Few None Not Such Other Another According Despite Under Over Among Between Into Through
    Let Please Do Does Did Is Are Was Were Has Have Had Will Would Can Could Should May
    Might Must Officials Analysts Critics Experts
    """.split()
)

# title: never ends a sentence (Mr. Smith, Gen. Jones, Mt. Fuji, e.g., vs.).
# num:   does not end a sentence before a number (No. 5, p. 55, Dec. 3, Rs. 16720);
#        ends it before anything else that is not lowercase.
# other: ends a sentence only before a word in STARTERS (Co., Inc., Jr., St., Calif.).
# etc:   ends a sentence before any capitalised word.
_TITLES = """Mr Mrs Ms Messrs Mmes Mme Mlle Msgr Dr Prof Profs Gen Gens Sen Sens Rep Reps
Gov Govs Lt Col Capt Cpt Cmdr Comdr Adm Maj Sgt Cpl Pvt Brig Rev Revd Hon Pres Supt Insp
Det Atty Amb Fr Mt Ft Sr Jr""".split()
_TITLES_CI = "vs v viz cf approx ca incl esp resp ibid e.g i.e f.e".split()
_NUM = """No Nos Nr Fig Figs Vol Vols Art Arts Sec Secs Ch Chap Para Ex Op Tel Ext N° Rs
Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec""".split()
_NUM_CI = "no nos nr p pp fig figs vol vols art arts sec secs ch chap para ex op tel ext rs".split()
_OTHER_CI = """co corp inc ltd llc plc bros esq dept univ assn assoc ave blvd rd hwy st dr ste
apt est al gmbh ag bv nv min hr hrs yr yrs mos wk wks dist govt intl natl med undef btw
ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo
mont neb nev okla ore pa tenn tex va vt wash wis wyo""".split()

_ABBR: dict[str, str] = {}
_ABBR_CI: dict[str, str] = {}
for _w in _OTHER_CI:
    _ABBR_CI[_w] = "other"
for _w in _NUM_CI:
    _ABBR_CI[_w] = "num"
for _w in _TITLES_CI:
    _ABBR_CI[_w] = "title"
_ABBR_CI["etc"] = "etc"
for _w in _NUM:
    _ABBR[_w] = "num"
for _w in _TITLES:
    _ABBR[_w] = "title"
# "Sr."/"Jr." follow a name and can end a sentence ("JFK Jr. They ..."): starter rule.
_ABBR["Jr"] = _ABBR["Sr"] = "other"
# "Dr." and "St." are also Drive and Street; "Dr. Smith" / "St. Michael's" never start
# with a STARTERS word, so the starter rule keeps both readings right.
_ABBR["Dr"] = _ABBR["St"] = "other"

_ABBR_MAXLEN = max(len(k) for k in list(_ABBR) + list(_ABBR_CI) if "." not in k)

# Words that carry their own exclamation mark.
_BANG_NAMES = frozenset({"Yahoo", "Jeopardy", "Yum", "E"})

_LOWER_ARTICLES = frozenset({"a", "an"})


# ---------------------------------------------------------------------------------------
# Helpers


def _token_start(text: str, lo: int, pos: int) -> int:
    """Start of the whitespace-delimited token that ends at pos (not before lo)."""
    return max(lo, text.rfind(" ", lo, pos) + 1, text.rfind("\t", lo, pos) + 1)


def _only_openers(text: str, start: int, end: int) -> bool:
    """True if text[start:end] holds nothing but whitespace, bullets and opening marks."""
    if end - start > 8:
        return False
    return not text[start:end].strip(_STRIP + _OPENERS)


def _list_cuts(text: str, ls: int, le: int) -> list[int]:
    """Positions on the line where an in-line list item or mid-line bullet starts."""
    cuts = [m.start() for m in _BULLET_MID.finditer(text, ls, le)]
    marks = list(_LIST.finditer(text, ls, le))
    if len(marks) >= 2:
        # chain[(kind, style)] = value of the last marker that started or continued a list
        chain: dict[tuple[str, str], int] = {}
        # where a "1)"-style list began in mid-sentence: cut there once "2)" follows
        heads: dict[tuple[str, str], int] = {}
        for m in marks:
            v, style = m.group("v"), m.group("s")
            if v.isdigit():
                kind, val = "d", int(v)
            elif v.islower():
                kind, val = "l", ord(v) - 96
            else:
                kind, val = "u", ord(v) - 64
            key = (kind, style + ("(" if m.group("o") else ""))
            start = m.start()
            # walk back over spaces and bullets to where the item really starts
            k = start - 1
            while k >= ls and text[k] in " \t\u00a0•⁃▪◦‣●■►➢":
                k -= 1
            item_start = start
            j = k + 1
            while j < start:
                if text[j] in "•⁃▪◦‣●■►➢":
                    item_start = j
                    break
                j += 1
            if chain.get(key) == val - 1:
                cuts.append(item_start)
                if key in heads:
                    cuts.append(heads.pop(key))
                chain[key] = val
            elif k < ls or text[k] in ".!?:;…" or (
                text[k] in _CLOSERS and k > ls and text[k - 1] in ".!?…"
            ):
                # a list can start at the start of a line or of a sentence ("Smith. a. here
                # it is b. another": the cut before "a." is made once "b." confirms it)
                chain[key] = val
                heads[key] = item_start
            elif style == ")" and kind == "d" and val == 1:
                # "... by 1) taking ... and 2) judging ...": a ")" list may start in
                # mid-sentence ("1. above" may not: that is a reference, not a list)
                chain[key] = val
                heads[key] = item_start
    if cuts:
        cuts = sorted(c for c in set(cuts) if c > ls)
    return cuts


def _boundary(text: str, m: re.Match, cur: int, ls: int, le: int) -> int:
    """Where the sentence ends for candidate m, or -1 if m is not a sentence end.

    cur is the start of the current sentence; ls/le bound the line. The checks are
    early returns in order, per kind of mark: this runs once per candidate (the hot path).
    """
    e = m.end()
    if text[e - 1] in _CJK_END:
        return e if e < le and not text[e:le].isspace() else -1
    nm = _NEXT.match(text, e, le)
    if nm is None:
        return -1
    nw = nm.group(2)
    if not nw:
        # Only whitespace up to the end of the line (the line end cuts anyway), or only
        # punctuation next ("Fig. ??", "! ! !"): nothing to start a sentence with.
        return -1
    if nw and nw[0].islower():
        return -1  # "Yahoo! in the", "'This is great.' she said", "Co. at noon"
    g = m.group()
    p = g.rstrip(_AFTER_P)
    c = g[len(p):]
    s = m.start()
    if "!" in p or "?" in p or "‽" in p:
        if nw[0].isdigit():
            return -1  # "[16:  firma? 13:28]"
        if p == "!" and not c:
            w = text[_token_start(text, ls, s):s].lstrip(_OPENERS)
            if w in _BANG_NAMES:
                return -1
        return e
    if p != ".":
        return _ellipsis_end(text, p, c, s, e, ls)
    return _period_end(text, c, s, e, nw, cur, ls, le)


def _ellipsis_end(text, p, c, s, e, ls):
    """The end for an ellipsis p (closers c) at s..e, or -1."""
    before = text[s - 1] if s > ls else " "
    if before in "[(" and c[:1] in "])":
        return -1  # "[...]" marks an omission inside a quotation
    if " " in p:
        ndots = p.count(".")
        if before in _STRIP:
            # ". . . ." (four) ends a sentence; ". . ." (three) is an omission
            return e if ndots >= 4 else -1
        # "compounds. . . . The": the first period ends the sentence and the
        # ellipsis opens the next one
        return s + 1
    return e  # "that.... She", "slowly... And", "well… Then"


def _period_end(text, c, s, e, nw, cur, ls, le):
    """The end for a single period at s (closers c, next word nw), or -1: abbreviations,
    initials, list markers and the like are not sentence ends."""
    ts = max(ls, text.rfind(" ", ls, s) + 1, text.rfind("\t", ls, s) + 1)
    w = text[ts:s]
    if w and w[0] in _OPENERS:
        w = w.lstrip(_OPENERS)
    n = len(w)
    if not n:
        return e
    if (
        n <= 5
        and ((w.isdigit() and n <= 3) or (n == 1 and w.isalpha()) or _ROMAN.fullmatch(w))
        and _only_openers(text, cur, s - n)
    ):
        return -1  # list marker or "A. His name is ..." at the start of a sentence
    if c:
        return e  # «It works.» Then / ...war.’ This / (He did.) Then
    next_digit = nw[0].isdigit()
    if n == 1 and w.isalpha():
        if w.isupper():
            if next_digit or _INITIAL_NEXT.match(text, e, le):
                return -1
            pts = _token_start(text, ls, max(ls, ts - 1))
            pw = text[pts:ts].strip(_STRIP)
            if pw and ((w == "I" and pw[0].islower()) or pw in _LOWER_ARTICLES):
                return e  # "you and I. Did", "we got an A. Mathematics"
            return e if nw in STARTERS else -1  # "Jonas E. Smith"
        # lowercase single letter: "p. 55", "v. Wade", otherwise a real end
        if next_digit or w in "pnv":
            return -1
        return e
    if "." in w and _DOTTED.fullmatch(w):
        lw = w.lower()
        cls = _ABBR_CI.get(lw)
        if cls == "title" or next_digit:
            return -1
        if lw in ("a.m", "p.m"):
            if _FRONTED_TIME.fullmatch(text, cur, ts):
                return -1  # "At 5 a.m. Mr. Smith went to the bank."
            return e  # "He left at 6 P.M. Travelers who ..."
        return e if nw in STARTERS else -1
    if n > _ABBR_MAXLEN:
        return e  # an ordinary word
    cls = _ABBR.get(w) or _ABBR_CI.get(w.lower())
    if cls is not None:
        if cls == "title":
            return -1
        if next_digit:
            return -1
        if cls == "other":
            return e if nw in STARTERS else -1
        return e  # num, etc
    return e


# ---------------------------------------------------------------------------------------
# Public interface


def segment(text: str) -> list[Sentence]:
    """Sentences of text in order.

    Each a records.Sentence with text == original_text[start:end] exactly (stripped of surrounding whitespace) and
    paragraph the 0-based index of the paragraph. Every line break ends a sentence and
    each non-empty line is a paragraph, so headings, datelines, bylines and tag lines
    without final punctuation are sentences of their own.
    """
    if not text or not isinstance(text, str):
        return []
    out: list[Sentence] = []
    para = -1
    # Two whole-text passes find the few places that need more work: quotations, and
    # lines that may hold an in-line list. Their cursors only move forward, line by line.
    qspans = [m.span() for m in _QUOTE_SPANS.finditer(text)]
    nq = len(qspans)
    qi = 0
    hints = [m.start() for m in _LIST_HINT.finditer(text)]
    nh = len(hints)
    hi = 0
    for lm in _LINE.finditer(text):
        ls, le = lm.span()
        while hi < nh and hints[hi] < ls:
            hi += 1
        pre = _list_cuts(text, ls, le) if hi < nh and hints[hi] < le else []
        while qi < nq and qspans[qi][1] <= ls:
            qi += 1
        cuts = _line_cuts(text, ls, le, pre, _line_quotes(text, qspans, qi, ls, le))
        emitted = False
        prev = ls
        for b in cuts:
            if b <= prev:
                continue
            seg = text[prev:b]
            st = seg.lstrip(_STRIP)
            if st:
                start = b - len(st)
                end = prev + len(seg.rstrip(_STRIP))
                if not emitted:
                    para += 1
                    emitted = True
                out.append(Sentence(text=text[start:end], start=start, end=end, paragraph=para))
            prev = b
    return out


def _line_quotes(text, qspans, qi, ls, le):
    """The quotation spans on the line ls..le (qspans from qi on), or None."""
    spans = None
    if qi < len(qspans) and qspans[qi][0] < le:
        spans = []
        k = qi
        while k < len(qspans) and qspans[k][0] < le:
            spans.append(qspans[k])
            k += 1
    if text.find('"', ls, le) >= 0 and text.count('"', ls, le) % 2 == 0:
        # Straight double quotes pair up in order only when their count on the line
        # is even; an odd count means a stray or unclosed quote, and guessing would
        # swallow real sentence ends.
        spans = sorted((spans or []) + [m.span() for m in _STRAIGHT_DQ.finditer(text, ls, le)])
    return spans


def _line_cuts(text, ls, le, pre, spans):
    """Sorted sentence ends of the line ls..le, le last: the list cuts pre, then the
    candidates _boundary accepts outside the quotation spans."""
    cuts: list[int] = []
    cur = ls
    pi = 0
    si = 0
    npre = len(pre)
    for m in _CAND.finditer(text, ls, le):
        ms = m.start()
        if pi < npre:
            while pi < npre and pre[pi] <= ms:
                cur = pre[pi]
                cuts.append(cur)
                pi += 1
        if spans:
            me = m.end()
            while si < len(spans) and spans[si][1] < me:
                si += 1
            # inside a quotation (not at its closing mark): not a sentence end
            if si < len(spans) and spans[si][0] < ms and me < spans[si][1]:
                continue
        b = _boundary(text, m, cur, ls, le)
        if b > 0:
            cuts.append(b)
            cur = b
    if pi < npre:
        cuts.extend(pre[pi:])
    if len(cuts) > 1:
        cuts = sorted(set(cuts))
    cuts.append(le)
    return cuts


def sentences(text: str) -> list[str]:
    """Just the sentence strings of segment(text)."""
    return [s.text for s in segment(text)]


# Cheap pre-checks so that the list and quotation scans only run on lines that need them.
_LIST_HINT = re.compile(
    r"[.)•⁃▪◦‣●■►➢](?:(?<=[\s(][\dA-Za-z][.)])(?=\)?\s)|(?<=\s\d\d[.)])(?=\)?\s)"
    r"|(?<=[•⁃▪◦‣●■►➢]))"
)
