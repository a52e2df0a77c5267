"""Boilerplate sentences: the lines a site repeats on every page (navigation, sign-up and
share lines, legal notices), which say nothing about the article's event.

Pure: texts and counts in, decisions out. Method and measurements: docs/boilerplate.md,
benchmarks/boilerplate.py. Two signals:

1. **Repetition within a site**: a sentence whose normalised text occurs in at least
   `min_articles` different articles (different URLs) of the same site. The store keeps
   the counts across the archive, one row per (site, text key): `site_counts` below
   is that table read for one site.
2. **General patterns**: a few phrasings that are boilerplate on any site ("Sign up for
   ...", "Share this article", "All rights reserved", "Click here", cookie notices),
   short sentences only, so a reported sentence that happens to contain the words stays.

Typical use, per new article (the store side is described in docs/boilerplate.md):

    site = boilerplate.site_of(url, outlet)
    keys = boilerplate.keys(texts)                      # one int per sentence
    # ... store adds 1 to (site, key) for each distinct key of the article, once per URL
    flags = boilerplate.marks(texts, counts, keys=keys) # counts: {key: n_articles}, this one included
"""

import hashlib
import re
from collections import Counter
from urllib.parse import urlsplit

from .text import normalize

__all__ = ["MIN_ARTICLES", "site_of", "text_key", "keys", "is_pattern", "marks", "count_sites"]

# A sentence on this many different articles (URLs) of one site is boilerplate. Three, not
# two: a site's follow-up story often reuses a background paragraph of the first, and that
# shared paragraph is content the two compare on; template lines repeat on every page.
MIN_ARTICLES = 3
# Normalised sentences shorter than this are never counted (a lone "Photo", "Advertisement"
# or "Reuters" is common on every site and in real articles alike; patterns decide those).
MIN_CHARS = 12
# Patterns apply to sentences of at most this many words: boilerplate lines are short, and
# a long sentence that quotes "all rights reserved" is probably reporting.
PATTERN_MAX_WORDS = 30

_PATTERNS = re.compile(r"""
    ^(?:sign\ up|subscribe|register|join)\b.{0,80}\b(?:newsletters?|email|e-mail|inbox|updates|free|today|now|here)\b
  | \b(?:to|in|into|on)\ your\ inbox\b
  | \bthanks?\ (?:you\ )?for\ (?:signing\ up|subscribing)\b
  | ^follow\b.{0,60}\bon\ (?:twitter|facebook|instagram|linkedin)\b
  | \bclick\ to\ tweet$
  | \b(?:receive|earn|get)\ (?:a\ )?(?:commission|share\ of\ the\ sale)\b
  | ^like\ this\ (?:article|story)$
  | \b(?:sign\ up|subscribe)\ (?:for|to)\ (?:our|the|free)\b
  | ^(?:share|email|print|tweet)\ (?:this|the)\ (?:article|story|page|post)\b
  | ^share\ (?:on|via)\ (?:facebook|twitter|linkedin|whatsapp|email)\b
  | \ball\ rights\ reserved\b
  | ^(?:copyright\ )?(?:\(c\)|©)\ ?\d{4}
  | \bclick\ here\b
  | \b(?:we|this\ (?:site|website))\ uses?\ cookies\b
  | \bby\ (?:continuing\ to\ (?:use|browse)|using)\ (?:this|our)\ (?:site|website)\b
  | \b(?:privacy\ policy|terms\ of\ (?:use|service))\b.{0,40}\b(?:privacy\ policy|terms\ of\ (?:use|service)|cookie)
  | ^(?:read\ more|related\ (?:articles|stories)|recommended\ for\ you|you\ may\ also\ like|advertisement
       |don\ t\ miss|most\ (?:popular|read)|more\ (?:stories|news)|top\ stories|trending(?:\ now)?)\b\W*$
  | \b(?:download|get)\ (?:our|the)\ (?:free\ )?app\b
  | \bcontributed\ (?:to\ this\ report|reporting)\b
  | ^(?:additional\ )?reporting\ by\b.*\b(?:editing|writing)\ by\b
  | \b(?:may|can)\ be\ reached\ at\b
  | ^email\ \w+(?:\ \w+)?\ at\ \w+\ \w+\ (?:com|org|net)\b
  | ^have\ a\ (?:news\ )?tip\b
  | ^tell\ us\ what\ you\ think\b
  | \bwe\ d\ (?:like|love)\ to\ hear\ (?:what\ you\ think|from\ you)\b
  | ^(?:sorry\ )?(?:an\ )?error\ (?:has\ occurred|processing\ your)\b
  | ^there\ was\ an\ error\ processing\ your\b
  | \bfor\ your\ personal\ non\ commercial\ use\b
  | \b(?:presentation\ ready\ copies|djreprints|dow\ jones\ reprints|our\ subscriber\ agreement)\b
  | \bprices\ are\ subject\ to\ change\b
  | ^share\ (?:it|this)\ with\ a\ friend\b
  | ^if\ you\ enjoyed\ this\ (?:article|story|post)\b
  | ^updated\ (?:at|on)\ \d
""", re.X)
# Read on the text with its punctuation (normalize(), lower case): "(c) 2024" (which _norm
# turns into "c 2024"), and links to another article, "Read also: ..." (a reported
# sentence may begin "Read also the letter", never with the colon), "Also on rt.com ..."
# (with its dot: "Also on the co-op board" is reporting).
_RAW_PATTERNS = re.compile(r"""^\W*(?:
    (?:copyright\s*)?(?:©|\(c\))\s*\d{4}
  | (?:read|see)\s+also\s*[:–—-]
  | also\s+on\s+[\w-]+\.(?:com|org|net|co)\b
  | (?:leggi\s+anche|lire\s+aussi|lesen\s+sie\s+auch|leia\s+tamb[eé]m|lea\s+tambi[eé]n)\b
)""", re.X)
# A link to another article, tagged as sites tag them, in capitals: "... amid China turmoil
# [VIDEO]" ("... needs more [analysis]." is an editor's insertion in a quote).
_LINK_TAG = re.compile(r".{10,200}\[(?:VIDEO|INSIGHT|REACTION|WARNING|NEWS|PICS|PHOTOS|GALLERY|WATCH|LIVE|POLL|ANALYSIS|LATEST)\]\W*$")


def _norm(text):
    """Text as counted: normalize(), lower case, digits kept, punctuation and spaces folded."""
    t = normalize(text).lower()
    return " ".join(re.sub(r"[^\w©]+", " ", t).split())


def site_of(url=None, outlet=None):
    """The site an article belongs to: the URL's host without "www.", else the outlet's
    name folded to lower case; None when neither is known (no repetition signal then)."""
    if isinstance(url, str) and url:
        host = urlsplit(url.strip()).hostname
        if host:
            return host.removeprefix("www.")
    if isinstance(outlet, str) and outlet.strip():
        return " ".join(outlet.lower().split())
    return None


def text_key(text):
    """A signed 64-bit key of a sentence's normalised text (an SQLite INTEGER); None for a
    sentence too short to count."""
    t = _norm(text)
    if len(t) < MIN_CHARS:
        return None
    return int.from_bytes(hashlib.blake2b(t.encode("utf-8"), digest_size=8).digest(), "little", signed=True)


def keys(texts):
    """text_key() of each sentence, in order."""
    return [text_key(t) for t in texts]


def is_pattern(text):
    """Does the sentence read as boilerplate on any site (sign-up, share, legal, cookies)?"""
    t = _norm(text) if isinstance(text, str) else ""
    if not t or len(t.split()) > PATTERN_MAX_WORDS:
        return False
    raw = normalize(text)
    return bool(_PATTERNS.search(t) or _RAW_PATTERNS.match(raw.lower()) or _LINK_TAG.match(raw))


def marks(texts, counts, min_articles=MIN_ARTICLES, keys_=None):
    """Which sentences of one article are boilerplate: a list of bools, in order.

    texts: the article's sentence texts. counts: {text key: number of different articles
    of the article's site holding that text, this article included} (what the store's
    table says after adding the article); {} when the site is unknown.
    keys_: keys(texts) if already computed.
    """
    ks = keys(texts) if keys_ is None else keys_
    return [is_pattern(t) or (k is not None and counts.get(k, 0) >= min_articles)
            for t, k in zip(texts, ks)]


def count_sites(articles):
    """The store's table computed at once: {(site, key): n articles} over
    [(site, url or None, [sentence texts])]. An article counts once per key, and articles
    with the same URL (versions of one article) count once together."""
    seen = {}
    for site, url, texts in articles:
        if site is None:
            continue
        ident = url or object()       # no URL: each article is its own
        seen.setdefault((site, ident), set()).update(k for k in keys(texts) if k is not None)
    out = Counter()
    for (site, _), ks in seen.items():
        for k in ks:
            out[(site, k)] += 1
    return dict(out)
