"""The records that pass between the stages, declared once.

Every stage takes and returns these dataclasses. A field declared with `column()` is a
column of the record's table: ingest/store.py derives the schema, its INSERT and SELECT
statements from these declarations, so a column is named here and nowhere else. Fields
without `column()` travel between stages only (an article's sentences, a claim's
members).

Offsets: a Sentence's start/end index its article's text; a Figure's start/end index
the text it was extracted from (its sentence). The store converts figure offsets to and
from article offsets in one place (store.figure_row / store.figure_from_row), because
the table promises offsets into articles.text.
"""

import functools
import operator
from dataclasses import asdict, dataclass, field, fields

# Bumped whenever a table or view changes shape; stored in newsdiff_meta and user_version.
SCHEMA_VERSION = 3


def column(sql, references=None, default=None, index=False):
    """A stored field: its SQL type and constraints, the table it references (indexed, as
    every foreign key is, by an index of its own unless a UNIQUE or PRIMARY KEY constraint
    of the table leads with it), and whether it needs an index of its own."""
    return field(default=default, metadata={"sql": sql, "references": references, "index": index or bool(references)})


@functools.cache
def columns(record):
    """The stored fields of a record class, in declaration order."""
    # Cached: the writer asks per row (hundreds of thousands of times a run), and
    # dataclasses.fields() rebuilds the list each time.
    return tuple(f for f in fields(record) if "sql" in f.metadata)


@functools.cache
def column_names(record):
    """The names of columns(record), in the same order."""
    return tuple(f.name for f in columns(record))


@functools.cache
def _getter(record):
    names = column_names(record)
    if len(names) > 1:
        return operator.attrgetter(*names)      # a tuple, made in C
    return lambda r: tuple(getattr(r, n) for n in names)


def values(record):
    """A record's column values, in columns() order (for an INSERT)."""
    return _getter(type(record))(record)


@dataclass(kw_only=True)
class Story:
    TABLE = "stories"
    id: int | None = column("INTEGER PRIMARY KEY")
    label: str | None = column("TEXT")
    n_articles: int = column("INTEGER NOT NULL DEFAULT 0", default=0)
    forced: int = column("INTEGER NOT NULL DEFAULT 0", default=0)
    # 1 from the transaction that changes a story's articles to the one that stores its
    # analysis: a run finds the stories an interrupted run left unanalysed by it.
    pending: int = column("INTEGER NOT NULL DEFAULT 1", default=1, index=True)
    # The summed term vector of its articles that story grouping compares it by
    # (store.pack_terms), kept so that a later run need not read and tokenise every member
    # again. NULL: worked out from the members (an older file, or articles changed outside
    # grouping).
    terms: bytes | None = column("BLOB")


@dataclass(kw_only=True)
class Figure:
    """One figure a sentence states (ingest.numbers.extract makes them)."""

    TABLE = "numbers"
    id: int | None = column("INTEGER PRIMARY KEY")
    sentence_id: int | None = column("INTEGER NOT NULL", references="sentences")
    article_id: int | None = column("INTEGER NOT NULL", references="articles")
    surface: str = column("TEXT NOT NULL")
    value: float | None = column("REAL")
    unit: str | None = column("TEXT")
    kind: str = column("TEXT NOT NULL")
    qualifier: str | None = column("TEXT")
    rate: str | None = column("TEXT")
    iso: str | None = column("TEXT")
    low: float | None = column("REAL")
    high: float | None = column("REAL")
    of: str | None = column("TEXT")
    # Pairs the same quantity across articles: kind plus unit (or counted noun) plus rate.
    key: str | None = column("TEXT", index=True)
    start: int = column("INTEGER NOT NULL")
    end: int = column("INTEGER NOT NULL")
    # Measures only (ingest/numbers/units.py, from pint): the dimension ("length", "mass",
    # "speed", "power"...) and the value in that dimension's SI base unit (metre,
    # kilogram, kelvin, ...) rounded to 2 significant digits, so that "5 km" and "3.1
    # miles" (key measure:length) compare: 5000 and 5000.
    dimension: str | None = column("TEXT")
    base: float | None = column("REAL")

    # The one definition of "the same quantity with a different value": two figures state
    # the same quantity when their keys are equal, and agree when their amounts are. SQL
    # views and queries use AMOUNT_SQL, the same amount in SQL (a test holds them equal).
    AMOUNT_SQL = "coalesce({t}.iso, {t}.base, round({t}.value, 6))"

    def amount(self):
        """What is compared between figures of one key: the ISO date or year, else a
        measure's base-unit value (2 significant digits), else the value."""
        if self.iso is not None:
            return self.iso
        if self.base is not None:
            return float(self.base)
        return None if self.value is None else round(float(self.value), 6)

    def reading(self):
        """What newsdiff_numbers() returns for this figure: everything but the row ids."""
        out = asdict(self)
        for name in ("id", "sentence_id", "article_id"):
            del out[name]
        return out


@dataclass(kw_only=True)
class Sentence:
    TABLE = "sentences"
    id: int | None = column("INTEGER PRIMARY KEY")
    article_id: int | None = column("INTEGER NOT NULL", references="articles")
    idx: int = column("INTEGER NOT NULL", default=0)
    paragraph: int = column("INTEGER NOT NULL", default=0)
    # body, headline, heading, byline, dateline, outlet, section, tagline (ingest/structure.py)
    role: str = column("TEXT NOT NULL", default="body")
    text: str = column("TEXT NOT NULL")
    start: int = column("INTEGER NOT NULL", default=0)
    end: int = column("INTEGER NOT NULL", default=0)
    # ingest.boilerplate.text_key: the same sentence on other pages of the article's site
    text_hash: int | None = column("INTEGER", index=True)
    # The sentence's figure marks, written by store.insert_articles with its numbers rows
    # from the same Figure records: JSON [[start, end, title], ...], offsets into the
    # sentence, in order, never overlapping (store.figure_marks). Pages mark figures from
    # it without a query per sentence.
    marks: str | None = column("TEXT")
    figures: list = field(default_factory=list)


@dataclass(kw_only=True)
class RawArticle:
    """What a reader found: the text and whatever metadata the input carried."""

    source: str
    text: str
    title: str | None = None
    outlet: str | None = None
    byline: str | None = None
    published: str | None = None
    url: str | None = None


@dataclass(kw_only=True)
class Article:
    TABLE = "articles"
    id: int | None = column("INTEGER PRIMARY KEY")
    source: str = column("TEXT NOT NULL")
    outlet: str | None = column("TEXT")
    title: str | None = column("TEXT")
    byline: str | None = column("TEXT")
    published: str | None = column("TEXT")
    # indexed: versions of one URL are found by it when sentences are counted per site
    url: str | None = column("TEXT", index=True)
    text: str = column("TEXT NOT NULL")
    content_hash: str = column("TEXT NOT NULL UNIQUE")
    story_id: int | None = column("INTEGER", references="stories")
    n_sentences: int = column("INTEGER NOT NULL DEFAULT 0", default=0)
    fingerprint: bytes | None = column("BLOB")
    # Short name for pages and conflict details: the outlet, else the source's file name
    # or web address (ingest/pipeline.article_name).
    name: str | None = column("TEXT")
    # the web site (URL host, else outlet): where repeated sentences are boilerplate
    site: str | None = column("TEXT", index=True)
    sentences: list = field(default_factory=list)


@dataclass(kw_only=True)
class SiteSentence:
    """How many articles (different URLs) of one site carry a sentence: the repetition
    that makes it boilerplate (ingest/boilerplate.py)."""

    TABLE = "site_sentences"
    CONSTRAINTS = ("PRIMARY KEY (site, text_hash)",)
    site: str = column("TEXT NOT NULL")
    text_hash: int = column("INTEGER NOT NULL")
    n_articles: int = column("INTEGER NOT NULL")


@dataclass(kw_only=True)
class StoryDoc:
    """An article as story grouping and labels see it: its body text only (and, when a
    story is analysed, its name and sentences)."""

    id: int
    title: str | None = None
    published: str | None = None
    story_id: int | None = None
    text: str = ""
    name: str | None = None
    sentences: list = field(default_factory=list)


@dataclass(kw_only=True)
class Alignment:
    TABLE = "alignments"
    CONSTRAINTS = ("UNIQUE (sentence_a, sentence_b)", "CHECK (sentence_a < sentence_b)")
    id: int | None = column("INTEGER PRIMARY KEY")
    story_id: int | None = column("INTEGER NOT NULL", references="stories")
    sentence_a: int = column("INTEGER NOT NULL", references="sentences")
    sentence_b: int = column("INTEGER NOT NULL", references="sentences")
    score: float = column("REAL NOT NULL")
    # identical, near-identical, paraphrase, partial (ingest/align.py)
    relation: str = column("TEXT NOT NULL")
    # ingest.diff.diff_html(text of sentence_a, text of sentence_b): escaped HTML with <del>
    # and <ins> only, made in the story's analysis (pipeline.story_analysis)
    diff: str | None = column("TEXT")


@dataclass(kw_only=True)
class Claim:
    TABLE = "claims"
    id: int | None = column("INTEGER PRIMARY KEY")
    story_id: int | None = column("INTEGER NOT NULL", references="stories")
    # the representative sentence, whose text is the claim's text
    sentence_id: int | None = column("INTEGER", references="sentences")
    text: str = column("TEXT NOT NULL")
    n_articles: int = column("INTEGER NOT NULL")
    n_sentences: int = column("INTEGER NOT NULL")
    sentence_ids: list = field(default_factory=list)


@dataclass(kw_only=True)
class ClaimSentence:
    TABLE = "claim_sentences"
    CONSTRAINTS = ("PRIMARY KEY (claim_id, sentence_id)",)
    claim_id: int = column("INTEGER NOT NULL", references="claims")
    sentence_id: int = column("INTEGER NOT NULL", references="sentences")


@dataclass(kw_only=True)
class Conflict:
    """Two sentences of one story that disagree (ingest/conflicts.py)."""

    TABLE = "conflicts"
    id: int | None = column("INTEGER PRIMARY KEY")
    story_id: int | None = column("INTEGER NOT NULL", references="stories")
    # number, attribution, acronym, quote, date, spelling
    kind: str = column("TEXT NOT NULL", index=True)
    sentence_a: int | None = column("INTEGER NOT NULL", references="sentences")
    sentence_b: int | None = column("INTEGER NOT NULL", references="sentences")
    value_a: str | None = column("TEXT")
    value_b: str | None = column("TEXT")
    # one line a reader understands without the table
    detail: str = column("TEXT NOT NULL")
    # strong, or weak where qualifiers or ranges make the disagreement uncertain
    strength: str = column("TEXT NOT NULL DEFAULT 'strong'", default="strong")


@dataclass(kw_only=True)
class Provenance:
    """How much of one article of a story is found in another (ingest/provenance.py)."""

    TABLE = "provenance"
    CONSTRAINTS = ("UNIQUE (article_id, source_id)",)
    id: int | None = column("INTEGER PRIMARY KEY")
    story_id: int | None = column("INTEGER NOT NULL", references="stories")
    article_id: int = column("INTEGER NOT NULL", references="articles")
    source_id: int = column("INTEGER NOT NULL", references="articles")
    # share of article_id's body found in source_id, 0..1
    containment: float = column("REAL NOT NULL")
    # wholly, partially, independent: article_id derived from source_id
    derivation: str = column("TEXT NOT NULL")
    # JSON array of rare strings both carry
    shared_rare: str = column("TEXT NOT NULL DEFAULT '[]'", default="[]")
    # 1 when source_id was published first, 0 when after, null when a date is unknown
    source_first: int | None = column("INTEGER")
    evidence: str = column("TEXT NOT NULL")


@dataclass(kw_only=True)
class StoryInputs:
    """What analysing one story needs from the database (pipeline.story_inputs)."""

    story_id: int
    sentences: list   # [Sentence] with figures, every role, by article then idx
    docs: list        # [StoryDoc]


@dataclass(kw_only=True)
class StoryAnalysis:
    """Everything computed for one story, replaced in the database in one transaction."""

    story_id: int
    label: str
    alignments: list  # [Alignment]
    claims: list      # [Claim]
    conflicts: list = field(default_factory=list)   # [Conflict]
    provenance: list = field(default_factory=list)  # [Provenance]


# The stored records, in the order their tables are created (references first).
TABLES = (Story, Article, Sentence, Figure, Alignment, Claim, ClaimSentence, Conflict, Provenance, SiteSentence)
