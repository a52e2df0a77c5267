"""Canned queries: the one home for them, registered by the plugin on every version.

Plain SQL over the contract tables, so they also run in any SQLite client.
"""

from ingest.records import Figure


def amount(table):
    """The SQL for what figures of one key compare by (records.Figure.amount)."""
    return Figure.AMOUNT_SQL.format(t=table)


QUERIES = {
    "search_sentences": {
        "title": "Search sentences",
        "description": "Full-text search over every sentence of every article (SQLite FTS5 syntax: words, \"phrases\", OR, NEAR).",
        "sql": """select sentences.id as sentence_id, articles.story_id, sentences.article_id,
  articles.outlet, articles.title, sentences.role, sentences.text
from sentences_fts
join sentences on sentences.rowid = sentences_fts.rowid
join articles on articles.id = sentences.article_id
where sentences_fts match :q
order by sentences_fts.rank
limit 500""",
    },
    "story_figures": {
        "title": "Figures of a story, side by side by article",
        "description": "Every figure stated in the story, one row per quantity (numbers.key), with what each article says about it.",
        "sql": """select numbers.key, numbers.kind,
  count(distinct numbers.article_id) as n_articles,
  count(distinct coalesce(numbers.iso, numbers.value)) as n_values,
  group_concat('#' || numbers.article_id || ' ' || numbers.surface, '  |  ') as figures_by_article
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
        "description": "Statements that more than one article of a story makes, most widely shared first.",
        "sql": """select claims.id as claim_id, claims.story_id, stories.label as story,
  claims.n_articles, claims.text
from claims join stories on stories.id = claims.story_id
where claims.n_articles > 1
order by claims.story_id, claims.n_articles desc, claims.id""",
    },
    "story_overview": {
        "title": "Story overview",
        "description": "The articles of a story with what each shares with the others, adds, and disputes (counts of body sentences).",
        "sql": """select article_id, name, outlet, published, title, n_body, n_shared, n_unique, n_conflicts
from story_overview where story_id = :story order by published, article_id""",
    },
    "story_conflicts": {
        "title": "Where the sources disagree",
        "description": "Conflicts of a story (numbers, attribution, acronyms, quotations, dates, spelling), each with a one-line explanation and both sentences.",
        "sql": """select kind, strength, detail, value_a, value_b, name_a, text_a, name_b, text_b, sentence_a, sentence_b
from conflict_pairs where story_id = :story order by kind, id""",
    },
    "coverage_matrix": {
        "title": "Who carries which claim",
        "description": "Claims of a story by article: one row per claim, one column per article (its sentence's best alignment score within the claim; 1 when it stands alone in the claim).",
        "sql": """select claim_id, n_articles, claim,
  group_concat(name || ': ' || coalesce(round(score, 2), 1), '  |  ') as articles
from coverage where story_id = :story
group by claim_id order by n_articles desc, claim_id""",
    },
    "unique_sentences": {
        "title": "What each article adds",
        "description": "Body sentences of a story that no other article of the story carries in any form (not aligned, not a variant in a conflict).",
        "sql": """select article_id, name, idx, text from unique_sentences
where story_id = :story order by article_id, idx""",
    },
    "quote_variants": {
        "title": "Quotations altered between sources",
        "description": "The same quotation shortened, extended, altered or given to another speaker.",
        "sql": """select story_id, detail, name_a, value_a, name_b, value_b from quote_variants
order by story_id, id""",
    },
    "claim_figures": {
        "title": "Figures by claim and article",
        "description": "Every figure of a story's claims, by the article that states it.",
        "sql": """select claim_id, claim, name, surface, value, unit, kind, key from claim_figures
where story_id = :story order by claim_id, key, article_id""",
    },
    "provenance": {
        "title": "Who copied whom",
        "description": "Each article's most likely source in its story: containment, shared rare strings, dates and evidence.",
        "sql": """select story_id, name, source_name, containment, derivation, shared_rare, source_first, evidence
from likely_sources order by story_id, article_id""",
    },
}
