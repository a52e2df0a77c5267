"""Article structure: which lines are outlet, headline, dateline, byline,
subheadings and tag lines, and which sentences are body text.

Works on the sentences from segment.segment(), whose paragraph numbers follow
line breaks. Scraped plain text puts metadata in short lines before the first
body paragraph; later stages compare body with body, so every sentence gets a
role and the article gets the metadata those lines carry.
"""

import functools
import re
from dataclasses import replace

from . import boilerplate, numbers
from .text import WORD, normalize, word_count

# Words that mark a short leading line as the publication's name rather than a section.
OUTLET_WORDS = re.compile(
    r"\b(news|times|post|herald|journal|tribune|daily|gazette|press|agency|radio|tv|"
    r"telegraph|guardian|observer|chronicle|reuters|bbc|cnn|ria|tass|insider|today|online|media|wire)\b",
    re.I,
)
BYLINE = re.compile(r"^\s*(by|from|written by|reporting by)\s+\S", re.I)
# A heading or section line is at most this long: a longer paragraph is prose even when it
# does not end with a full stop (a page whose extractor ran the whole article into one
# line ending in a table cell, a lead cut off before its last word).
LABEL_MAX_WORDS = 14
# A headline guessed from the lines (no title known) is at most this long: headlines run
# longer than headings, but a paragraph of several sentences is none.
HEADLINE_MAX_WORDS = 30
# This many label-like lines in a row are a list, not headings (_lists_are_body) ...
LIST_MIN = 3
# ... unless one of them is a page's metadata (a bare address, a time stamp) or a bulleted
# Title Case line: a headline of another article ("- 11 Fascinating Facts About Our Milky
# Way") as often as the article's own list of names ("- Blue Origin, Kent, Washington").
# Such a line leaves its whole run as it was.
NOT_LIST_ITEM = re.compile(r"^\s*(?:https?://\S+|\d{4}-\d\d-\d\dT\d\d:\d\d\S*)\s*$")
BULLET = re.compile(r"^\s*[-•»▸]\s+")
LONG_WORD = re.compile(r"[^\W\d_][\w'’]{3,}")
TERMINAL = re.compile(r"[.!?…]['\"’”»)\]]*\s*$")
# A run-together tag list ("politicssanctionsukrainewar") or hash tags.
# Every separator takes at least one character, so a long line cannot backtrack exponentially.
TAGLINE = re.compile(r"^#?[\w-]+(?:(?:\s*[,|·]\s*|\s+)#?[\w-]+){0,15}$")


# Where a page title joins the site's name to the headline ("... - Reuters", "Opinion | ...").
TITLE_SEPARATOR = re.compile(r"\s+[|\-–—]\s+")


def _fold(text):
    """Words only, case folded: a title repeated in the text keeps its words, not always
    its quotes, dashes or capitals."""
    return " ".join(WORD.findall(normalize(text).casefold()))


@functools.lru_cache(maxsize=1024)
def title_forms(title):
    """What a repeated title looks like in the text: the title itself, and the title
    without the site's name or a section at its end, its start or both (3 words at least)."""
    forms = {_fold(title)}
    seps = list(TITLE_SEPARATOR.finditer(title))
    if seps:
        # without the last part, without the first, and without both ("Opinion | ... - Site")
        parts = (title[: seps[-1].start()], title[seps[0].end():], title[seps[0].end(): seps[-1].start()])
        forms.update(f for f in map(_fold, parts) if len(f.split()) >= 3)
    return forms - {""}


def is_title(line, title):
    """Does the line repeat the title (title_forms)?"""
    return bool(title) and _fold(line) in title_forms(title)


def is_body(line):
    """A paragraph that reads as running prose rather than a label."""
    return bool(TERMINAL.search(line)) and word_count(line) >= 6


def dateline_date(line):
    """The ISO date of a dateline such as "Dec 3, 2025 World News", or None."""
    found = [n for n in numbers.extract(line) if n.kind == "date" and n.iso]
    if found and found[0].start <= 2 and word_count(line) <= 8 and not TERMINAL.search(line):
        return found[0].iso
    return None


def _list_item(line):
    """May this label-like line be an item of the article's own list (_lists_are_body)?"""
    if NOT_LIST_ITEM.search(line):
        return False
    if BULLET.match(line):
        words = LONG_WORD.findall(line)
        return not (len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words))
    return True


def _lists_are_body(order, lines, roles):
    """Label-like lines in a run of LIST_MIN or more between body paragraphs are a list's
    items (tour dates, ingredients, a spec sheet): what the article states, body (a
    subheading right above such a list goes with it; one standing alone above prose stays
    a heading). A run after the last body paragraph stays as it is: there lists are the
    site's (related links, "Don't miss"), and a paragraph that is boilerplate by pattern
    ("Sign up for our newsletter.") is no body paragraph here. One line that cannot be a
    list item (_list_item) leaves its whole run as it is."""
    run, spoiled, seen_body = [], False, False
    for p in order:
        if roles[p] == "heading" and seen_body:
            run.append(p)
            spoiled = spoiled or not _list_item(lines[p])
            continue
        if roles[p] == "body" and not boilerplate.is_pattern(lines[p]):
            if len(run) >= LIST_MIN and not spoiled:
                for q in run:
                    roles[q] = "body"
            seen_body = True
        run, spoiled = [], False


def analyse(sentences, known=None):
    """Give each sentence a role and return (sentences, metadata).

    sentences: segment.segment() output; a new list of Sentence records with their role is returned.
    known: metadata the reader already had (title, outlet, byline, published); it wins
    over what the lines suggest, and a first line repeating the known title is a headline,
    even when it reads as a sentence ("Does X have a net worth of $17 million?") or the
    page title adds the site's name.
    """
    known = {k: v for k, v in (known or {}).items() if v}
    meta = {}
    paragraphs = {}
    for s in sentences:
        paragraphs.setdefault(s.paragraph, []).append(s)
    lines = {p: " ".join(s.text for s in group) for p, group in paragraphs.items()}
    order = sorted(lines)
    first_body = next((p for p in order if is_body(lines[p])), None)
    roles = {}

    title = known.get("title")
    for p in order:
        if first_body is not None and p > first_body:
            break
        line = lines[p]
        if is_title(line, title):
            roles[p] = "headline"
        elif p == first_body:
            break
        elif BYLINE.match(line) and word_count(line) <= 8:
            roles[p] = "byline"
            meta.setdefault("byline", re.sub(r"^\s*(by|from|written by|reporting by)\s+", "", line, flags=re.I))
        elif (iso := dateline_date(line)) is not None:
            roles[p] = "dateline"
            meta.setdefault("published", iso)
        elif title is None and 4 <= word_count(line) <= HEADLINE_MAX_WORDS:
            roles[p] = "headline"
            title = line
            meta["title"] = line
        elif word_count(line) <= 4 and title is None:
            roles[p] = "outlet" if OUTLET_WORDS.search(line) else "section"
            if roles[p] == "outlet":
                meta.setdefault("outlet", line)
        elif word_count(line) <= LABEL_MAX_WORDS:
            roles[p] = "heading"

    last = order[-1] if order else None
    for p in order:
        if p in roles:
            continue
        line = lines[p]
        if p == last and p != first_body and TAGLINE.match(line) and not TERMINAL.search(line):
            roles[p] = "tagline"
        elif not is_body(line) and word_count(line) <= LABEL_MAX_WORDS and not TERMINAL.search(line):
            roles[p] = "heading"
        else:
            roles[p] = "body"
    _lists_are_body(order, lines, roles)

    meta.update(known)
    return [replace(s, role=roles[s.paragraph]) for s in sentences], meta
