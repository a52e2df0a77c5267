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


@pytest.mark.parametrize("a, b, expected", [
    # A comma removed beside a name strikes the comma, not the name.
    ("Hungary’s foreign minister, Peter Siyarto, has reiterated",
     "On December 3, Hungary’s Foreign Minister Peter Siyarto reiterated",
     "<ins>On December 3, </ins>Hungary’s <del>foreign minister,</del><ins>Foreign Minister</ins> Peter Siyarto<del>, has</del> reiterated"),
    ("Rutte, the NATO chief, said", "Rutte the NATO chief said",
     "Rutte<del>,</del> the NATO chief<del>,</del> said"),
    # Punctuation is a token of its own: a changed mark does not take its word along.
    ("It works.", "It works!", "It works<del>.</del><ins>!</ins>"),
    ("war, he said", "war; he said", "war<del>,</del><ins>;</ins> he said"),
])
def test_punctuation_changes_do_not_strike_words(a, b, expected):
    assert diff_html(a, b) == expected


def test_a_replacement_is_a_deletion_then_an_insertion_with_nothing_else_between():
    # The gap between "delivered" and "issued" is drawn by the stylesheet (del + ins), so
    # the markup still holds nothing but the two texts.
    out = diff_html("Rutte has delivered a warning", "Rutte has issued a warning")
    assert out == "Rutte has <del>delivered</del><ins>issued</ins> a warning"


def test_the_stylesheet_separates_and_labels_changes_without_colour():
    from tests.conftest import ROOT

    css = (ROOT / "datasette_newsdiff" / "static" / "newsdiff.css").read_text()
    assert re.search(r"del\s*\+\s*ins\s*{[^}]*margin-left", css)
    assert re.search(r"\bdel\s*{[^}]*line-through", css) and re.search(r"\bins\s*{[^}]*underline", css)
    assert 'content: "deleted: "' in css and 'content: "inserted: "' in css
