import json
import os

from ingest import boilerplate

HERE = os.path.dirname(os.path.abspath(__file__))


def test_site_of():
    assert boilerplate.site_of("https://www.morebikes.co.uk/7908/review/") == "morebikes.co.uk"
    assert boilerplate.site_of(None, "  The  Times ") == "the times"
    assert boilerplate.site_of("not a url", None) is None
    assert boilerplate.site_of(None, None) is None


def test_keys_ignore_case_punctuation_and_spacing():
    k = boilerplate.text_key("Get Motor Cycle Monthly delivered to your door!")
    assert k == boilerplate.text_key("get motor cycle monthly  delivered to your door")
    assert isinstance(k, int) and -(2 ** 63) <= k < 2 ** 63
    assert boilerplate.text_key("Photo") is None and boilerplate.text_key(None) is None


def test_general_patterns():
    for t in ("Sign up for our daily newsletter.", "Share this article", "© 2019 Associated Press.",
              "All Rights Reserved.", "Click here to read more.", "This site uses cookies to improve your experience.",
              "Subscribe to NJ.com's newsletters.", "Follow him on Twitter @someone.",
              "Associated Press writers Alan Fram and Zeke Miller contributed to this report.",
              "(Reporting by Greg Roumeliotis; editing by Martin Howell.)",
              "Amy Kuperinsky may be reached at akuperinsky@njadvancemedia.com.",
              "This copy is for your personal, non-commercial use only.",
              "We’d like to hear what you think about this or any of our articles.",
              "Also on rt.com Journalists threatened with sedition arrests as Bolivia purges its rivals",
              "READ ALSO: Five things to know about the vote", "(Leggi anche su: ecco gli attori del film)",
              "DON'T MISS", "Most popular", "Lakers vs Nets: NBA make final decision on game amid turmoil\xa0[VIDEO]"):
        assert boilerplate.is_pattern(t), t
    for t in ("The company said all rights reserved by the original owners would pass to the buyer, "
              "according to a filing seen by reporters late on Tuesday evening in the city of Chicago.",
              "The minister signed the deal on Monday.", "Rescuers clicked through the rubble.",
              "Reporting by the paper prompted an inquiry.", "The parcel was delivered to your door, police said.",
              "An error in the software grounded the fleet.", "Also on Monday, the rouble fell.", "Also on the co-op board were two city officials.",
              "Read also the minister's letter, the judge told the jury.", "", None,
              "Don't miss the deadline, the minister told voters.", "The [video] was shown in court.",
              '"The plan needs more [analysis]," the senator said of the budget [analysis].'):
        assert not boilerplate.is_pattern(t), t


def test_site_repetition_marks_and_versions_count_once():
    line = "Get Motor Cycle Monthly delivered to your door every month."
    a = ("morebikes.co.uk", "https://morebikes.co.uk/1", ["A review of a soundtrack book.", line])
    b = ("morebikes.co.uk", "https://morebikes.co.uk/2", ["A review of a workshop manual.", line])
    b2 = ("morebikes.co.uk", "https://morebikes.co.uk/2", ["A review of a workshop manual, updated.", line])
    c = ("morebikes.co.uk", "https://morebikes.co.uk/3", ["A review of a riding jacket.", line])
    other = ("example.org", "https://example.org/1", [line])
    counts = boilerplate.count_sites([a, b, b2, c, other])
    k = boilerplate.text_key(line)
    assert boilerplate.MIN_ARTICLES == 3
    assert counts[("morebikes.co.uk", k)] == 3 and counts[("example.org", k)] == 1
    # two pages of the site are not yet enough (a follow-up story may reuse a paragraph)
    two = boilerplate.count_sites([a, b])
    assert boilerplate.marks(a[2], {kk: n for (_, kk), n in two.items()}) == [False, False]
    site = {kk: n for (s, kk), n in counts.items() if s == "morebikes.co.uk"}
    assert boilerplate.marks(a[2], site) == [False, True]
    # on another site the same line is seen once: not boilerplate there
    assert boilerplate.marks(other[2], {kk: n for (s, kk), n in counts.items() if s == "example.org"}) == [False]
    # versions of one URL alone never make their shared sentences boilerplate
    only_versions = boilerplate.count_sites([b, b2])
    assert boilerplate.marks(b[2], {kk: n for (_, kk), n in only_versions.items()}) == [False, False]


def test_labels_file_is_well_formed():
    with open(os.path.join(HERE, "data", "pages_story_labels.json"), encoding="utf-8") as f:
        data = json.load(f)
    assert data["about"] and data["pairs"]
    for p in data["pairs"]:
        assert p["a"] < p["b"] and isinstance(p["same_event"], bool)
