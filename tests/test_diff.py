import html
import re

import pytest

from ingest.diff import diff_html


@pytest.mark.parametrize("a, b, expected", [
    ("The war enters its third year.", "The war enters its fourth year.",
     "The war enters its <del>third</del><ins>fourth</ins> year."),
    # One or two unchanged words between two changes are folded into one change.
    ("Rutte said the alliance will not waver", "Stoltenberg said the alliance will not relent",
     "<del>Rutte</del><ins>Stoltenberg</ins> said the alliance will not <del>waver</del><ins>relent</ins>"),
    ("He plans to spend 1 billion on arms", "He plans to allocate 2 billion for arms",
     "He plans to <del>spend 1 billion on</del><ins>allocate 2 billion for</ins> arms"),
    ("same words", "same words", "same words"),
    ("", "new text", "<ins>new text</ins>"),
    ("old text", "", "<del>old text</del>"),
])
def test_word_level_changes(a, b, expected):
    assert diff_html(a, b) == expected


@pytest.mark.parametrize("a, b", [
    ("a very big dog", "a big dog"),
    ("«If there is no success,» he said.", "‘If there is no success,’ Rutte stated, framing it."),
    ("Tabs\tand  double  spaces", "Tabs and double spaces"),
    ("<img src=x onerror=alert(1)> & co", "&amp; <script>x</script>"),
])
def test_both_texts_can_be_read_back_and_nothing_is_unescaped(a, b):
    out = diff_html(a, b)
    assert html.unescape(re.sub(r"<ins>.*?</ins>|</?del>", "", out, flags=re.S)) == a
    assert html.unescape(re.sub(r"<del>.*?</del>|</?ins>", "", out, flags=re.S)) == b
    assert not re.search(r"<(?!/?(del|ins)>)", out)
