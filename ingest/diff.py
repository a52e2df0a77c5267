"""Word-level diff of two sentences as escaped HTML with <del> and <ins>.

Dropping every <ins> element (and the <del> tags) gives back the first text exactly, and
dropping every <del> element gives back the second: nothing but the two texts is ever
emitted. How a deletion and the insertion beside it are told apart on screen (a gap, a
strike-through, an underline, words for screen readers) is the stylesheet's job
(datasette_newsdiff/static/newsdiff.css), so that property holds.
"""

import functools
import html
import re

# difflib's SequenceMatcher written in C++: the same matching blocks and opcodes, about
# four times faster (benchmarks/costs.py, docs/scaling.md); the word diff is a large share
# of story analysis
from cydifflib import SequenceMatcher

# Words, runs of whitespace and single punctuation marks, so joining tokens rebuilds the
# text exactly and a changed comma is a change of its own, never of the word beside it.
TOKEN = re.compile(r"\s+|\w+(?:[’'.\-]\w+)*|[^\w\s]", re.UNICODE)

# Runs of this many unchanged words or fewer between two changes of words are folded into
# the change: "<del>a</del> the <del>b</del>" reads worse than one longer change. A run
# holding punctuation, or beside a change of punctuation only, stays: folding it would
# strike out and re-insert an unchanged name because a comma moved.
ABSORB = 2


@functools.lru_cache(maxsize=8192)
def tokens(text):
    """The text's tokens, as a tuple. Cached: one sentence is diffed against its partners
    in every other article of the story."""
    return tuple(TOKEN.findall(text))


# Past this many tokens a text is no sentence: difflib's popular-token heuristic bounds
# the time (without it, long runs of one repeated token take quadratic time).
AUTOJUNK_FROM = 2000


def matched(a_tokens, b_tokens):
    """difflib opcodes, with the common head and tail matched first (linear: rewrites
    change a few words of a long text) and only the middle given to difflib."""
    n = min(len(a_tokens), len(b_tokens))
    head = 0
    while head < n and a_tokens[head] == b_tokens[head]:
        head += 1
    tail = 0
    while tail < n - head and a_tokens[-1 - tail] == b_tokens[-1 - tail]:
        tail += 1
    a_mid, b_mid = a_tokens[head:len(a_tokens) - tail], b_tokens[head:len(b_tokens) - tail]
    long = max(len(a_mid), len(b_mid)) > AUTOJUNK_FROM
    ops = [] if not (a_mid or b_mid) else [
        (tag, i1 + head, i2 + head, j1 + head, j2 + head)
        for tag, i1, i2, j1, j2 in SequenceMatcher(None, a_mid, b_mid, autojunk=long).get_opcodes()]
    if head:
        ops.insert(0, ("equal", 0, head, 0, head))
    if tail:
        ops.append(("equal", len(a_tokens) - tail, len(a_tokens), len(b_tokens) - tail, len(b_tokens)))
    # neighbouring equal runs (head or tail beside an equal run difflib found) become one
    out = []
    for op in ops:
        if out and op[0] == "equal" and out[-1][0] == "equal":
            out[-1] = ("equal", out[-1][1], op[2], out[-1][3], op[4])
        else:
            out.append(op)
    return out


def opcodes(a_tokens, b_tokens):
    """difflib opcodes over word tokens, short unchanged runs between changes absorbed."""
    ops = matched(a_tokens, b_tokens)
    merged = []
    for i, op in enumerate(ops):
        # Equal runs never neighbour each other, so an inner one sits between two changes.
        # Whitespace alone between two changes is always folded: nothing unchanged is struck.
        run = a_tokens[op[1] : op[2]]
        gap = op[0] == "equal" and 0 < i < len(ops) - 1 and (
            count_words(run) == 0
            or (count_words(run) <= ABSORB and not any(map(is_punctuation, run))
                and not punctuation_at(ops[i - 1], a_tokens, b_tokens, -1)
                and not punctuation_at(ops[i + 1], a_tokens, b_tokens, 0)))
        if op[0] == "equal" and not gap:
            merged.append(op)
        elif merged and merged[-1][0] != "equal":
            prev = merged.pop()
            merged.append(("replace", prev[1], op[2], prev[3], op[4]))
        else:
            merged.append(("replace",) + op[1:])
    return merged


def is_punctuation(token):
    return not token.isspace() and not (token[0].isalnum() or token[0] == "_")


def punctuation_at(op, a_tokens, b_tokens, end):
    """Whether a change is punctuation only, or has punctuation at its edge that touches
    the unchanged run (end -1: its last token, 0: its first), on either side."""
    for run in (a_tokens[op[1] : op[2]], b_tokens[op[3] : op[4]]):
        run = [t for t in run if not t.isspace()]
        if run and (is_punctuation(run[end]) or all(map(is_punctuation, run))):
            return True
    return False


def count_words(run):
    """Tokens of a run that are not whitespace (punctuation counts: it is a change too)."""
    return sum(1 for t in run if not t.isspace())


# Wire copy repeats one sentence word for word across many articles of a story, so the
# same pair of texts comes back often (a synthetic archive: 62,000 alignments, 18,000
# distinct pairs of texts).
@functools.lru_cache(maxsize=8192)
def diff_html(a, b):
    """HTML showing how sentence a becomes sentence b, every piece of text escaped."""
    a_tokens, b_tokens = tokens(a or ""), tokens(b or "")
    out = []
    for tag, i1, i2, j1, j2 in opcodes(a_tokens, b_tokens):
        old, new = "".join(a_tokens[i1:i2]), "".join(b_tokens[j1:j2])
        out.append(html.escape(old) if tag == "equal" else change(old, new))
    return "".join(out)


def change(old, new):
    """One change as <del>old</del><ins>new</ins>; whitespace both sides share stays outside."""
    lead = common_space(old, new)
    trail = common_space(old[len(lead):][::-1], new[len(lead):][::-1])[::-1]
    old, new = old[len(lead) : len(old) - len(trail)], new[len(lead) : len(new) - len(trail)]
    parts = [html.escape(lead)]
    if old:
        parts.append(f"<del>{html.escape(old)}</del>")
    if new:
        parts.append(f"<ins>{html.escape(new)}</ins>")
    parts.append(html.escape(trail))
    return "".join(parts)


def common_space(a, b):
    """The whitespace both strings start with."""
    n = 0
    while n < len(a) and n < len(b) and a[n] == b[n] and a[n].isspace():
        n += 1
    return a[:n]
