"""Canned queries: the one home for them, registered by the plugin on every version.

Plain SQL over the contract tables, so they also run in any SQLite client (but for the
diff column of article_alignments, which is the stored alignments.diff and calls the
plugin's own newsdiff_diff only where a row has none).

A query that needs a story or an article never opens on an error or a bare "0 results":
with the parameter empty it matches nothing, and its description (description_html) says
what to type and links the first stories or articles with the parameter filled in.
"""

from urllib.parse import urlencode

from markupsafe import Markup

from ingest.records import Figure


def amount(table):
    """The SQL for what figures of one key compare by (records.Figure.amount)."""
    return Figure.AMOUNT_SQL.format(t=table)


# Named apart from every table and view: Datasette serves only one thing at /DB/NAME.
QUERIES = {
    "search_sentences": {
        "title": "Search sentences",
        "description": "Full-text search over every sentence of every article. Type one or more words: sentences with all of them are listed, best match first, in any form (refuse also finds refusal). Nothing is listed until you type a word. For FTS5 syntax (OR, NEAR, \"phrases\") search the sentences table with _searchmode=raw in its address.",
        "parameter": "q",
        # The words are quoted one by one for FTS5 ("a" "b": all of them), so no input can
        # be an FTS5 syntax error; an empty search matches nothing.
        "sql": """select sentences.id as sentence_id, articles.story_id, sentences.article_id,
  articles.name, articles.title, sentences.role, sentences.text
from sentences_fts
join sentences on sentences.rowid = sentences_fts.rowid
join articles on articles.id = sentences.article_id
where trim(:q) != '' and sentences_fts match
  '"' || replace(replace(replace(replace(trim(:q), '"', ''), char(9), ' '), char(10), ' '), ' ', '" "') || '"'
order by sentences_fts.rank
limit 500""",
    },
    "story_figures": {
        "title": "Figures of a story, side by side by article",
        "parameter": "story",
        "description": "Every figure stated in the story, one row per quantity (numbers.key), with what each article says about it.",
        "sql": """select numbers.key, numbers.kind,
  count(distinct numbers.article_id) as n_articles,
  count(distinct coalesce(numbers.iso, numbers.value)) as n_values,
  group_concat(coalesce(articles.name, 'article ' || numbers.article_id) || ': ' || numbers.surface, '  |  ') as figures_by_article
from numbers
join articles on articles.id = numbers.article_id
join sentences on sentences.id = numbers.sentence_id
where articles.story_id = :story and sentences.role = 'body'
group by numbers.key
order by n_articles desc, numbers.key""",
    },
    "figure_disagreements": {
        "title": "Figures that differ between aligned sentences",
        "description": "Pairs of aligned sentences (they say the same thing) where one states a quantity (same numbers.key) with a value the other does not. The conflicts query also finds changed figures between sentences that are not aligned as wholes.",
        "sql": f"""select alignments.story_id, na.key,
  sa.article_id as article_a, na.surface as figure_a,
  sb.article_id as article_b, nb.surface as figure_b,
  sa.text as sentence_a, sb.text as sentence_b
from alignments
join sentences sa on sa.id = alignments.sentence_a
join sentences sb on sb.id = alignments.sentence_b
join numbers na on na.sentence_id = sa.id
join numbers nb on nb.sentence_id = sb.id and nb.key = na.key
where {amount("na")} is not {amount("nb")}
  and not exists (select 1 from numbers n where n.sentence_id = sb.id and n.key = na.key
                  and {amount("n")} is {amount("na")})
  and not exists (select 1 from numbers n where n.sentence_id = sa.id and n.key = nb.key
                  and {amount("n")} is {amount("nb")})
order by alignments.story_id, na.key, sa.article_id, sb.article_id""",
    },
    "shared_claims": {
        "title": "Claims shared by several articles",
        "description": "Statements that more than one article of a story makes, most widely shared first: the first 100 (the claims table filtered by n_articles greater than 1 pages through them all).",
        "sql": """select claims.id as claim_id, claims.story_id, stories.label as story,
  claims.n_articles, claims.text
from claims join stories on stories.id = claims.story_id
where claims.n_articles > 1
order by claims.n_articles desc, claims.story_id, claims.id
limit 100""",
    },
    "story_articles": {
        "title": "Story overview",
        "parameter": "story",
        "description": "The articles of a story with what each shares with the others, adds, and disputes (counts of body sentences).",
        "sql": """select article_id, name, outlet, published, title, n_body, n_shared, n_unique, n_conflicts
from story_overview where story_id = :story order by published, article_id""",
    },
    "story_conflicts": {
        "title": "Where the sources disagree",
        "parameter": "story",
        "description": "Conflicts of a story (numbers, attribution, acronyms, quotations, dates, spelling), each with a one-line explanation and both sentences.",
        "sql": """select kind, strength, detail, value_a, value_b, name_a, text_a, name_b, text_b, sentence_a, sentence_b
from conflict_pairs where story_id = :story order by kind, id""",
    },
    "coverage_matrix": {
        "title": "Who carries which claim",
        "parameter": "story",
        "description": "Claims of a story by article: one row per claim, one column per article (its sentence's best alignment score within the claim; 1 when it stands alone in the claim).",
        "sql": """select claim_id, n_articles, claim,
  group_concat(name || ': ' || coalesce(round(score, 2), 1), '  |  ') as articles
from coverage where story_id = :story
group by claim_id order by n_articles desc, claim_id""",
    },
    "story_additions": {
        "title": "What each article adds",
        "parameter": "story",
        "description": "Body sentences of a story that no other article of the story carries in any form (not aligned, not a variant in a conflict).",
        "sql": """select article_id, name, idx, text from unique_sentences
where story_id = :story order by article_id, idx""",
    },
    "altered_quotes": {
        "title": "Quotations altered between sources",
        "description": "The same quotation shortened, extended, altered or given to another speaker.",
        "sql": """select story_id, detail, name_a, value_a, name_b, value_b from quote_variants
order by story_id, id""",
    },
    "story_claim_figures": {
        "title": "Figures by claim and article",
        "parameter": "story",
        "description": "Every figure of a story's claims, by the article that states it.",
        "sql": """select claim_id, claim, name, surface, value, unit, kind, key from claim_figures
where story_id = :story order by claim_id, key, article_id""",
    },
    "article_alignments": {
        "title": "Sentences of an article aligned with other articles",
        "description": "Every sentence of the article that another article of its story says too: both texts, and what changed (struck out: only in the first; underlined: only in the second).",
        "parameter": "article",
        "sql": """select aligned_pairs.story_id, aligned_pairs.score, aligned_pairs.relation,
  a.name as name_a, aligned_pairs.text_a, b.name as name_b, aligned_pairs.text_b,
  coalesce(aligned_pairs.diff, newsdiff_diff(aligned_pairs.text_a, aligned_pairs.text_b)) as diff
from aligned_pairs
join articles a on a.id = aligned_pairs.article_a
join articles b on b.id = aligned_pairs.article_b
where aligned_pairs.article_a = :article or aligned_pairs.article_b = :article
order by aligned_pairs.story_id, aligned_pairs.article_a, aligned_pairs.article_b, aligned_pairs.id""",
    },
    "who_copied_whom": {
        "title": "Who copied whom",
        "description": "Each article's most likely source in its story: containment, shared rare strings, dates and evidence.",
        "sql": """select story_id, name, source_name, containment, derivation, shared_rare, source_first, evidence
from likely_sources order by story_id, article_id""",
    },
}


# What a parameter's hint links to: the first rows of this query, as (value, label).
CHOICES = {
    "story": "select id, coalesce(label, 'story ' || id) from stories order by id limit {n}",
    "article": "select id, coalesce(name, 'article ' || id) from articles order by id limit {n}",
}
PICK = {"story": "Pick a story", "article": "Pick an article", "q": "Type words to search for"}
N_CHOICES = 12


async def choices(db):
    """{parameter: [(value, label)]} of a database, for the hints."""
    found = {}
    for parameter, sql in CHOICES.items():
        rows = await db.execute(sql.format(n=N_CHOICES))
        found[parameter] = [tuple(r) for r in rows.rows]
    return found


def description_html(query, picks):
    """The description, then what to type: links that fill in the parameter. The links
    are relative (?story=1), so they work behind any base_url."""
    parameter = query.get("parameter")
    html = Markup("<p>{}</p>").format(query["description"])
    if parameter in picks and picks[parameter]:
        links = Markup(", ").join(
            Markup('<a href="?{}">{}</a>').format(urlencode({parameter: value}), f"{value}: {label}")
            for value, label in picks[parameter])
        more = "…" if len(picks[parameter]) >= N_CHOICES else ""
        html += Markup("<p>{} ({}): {}{}</p>").format(PICK[parameter], parameter, links, more)
    elif parameter:
        html += Markup("<p>{} in the {} box above.</p>").format(PICK[parameter], parameter)
    return str(html)


def registered(picks):
    """The queries as Datasette takes them (0.65 canned_queries, 1.0 add_query)."""
    return {name: {"sql": q["sql"], "title": q["title"], "description": q["description"],
                   "description_html": description_html(q, picks)}
            for name, q in QUERIES.items()}
