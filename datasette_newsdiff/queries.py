"""Canned queries: the one home for them, registered by the plugin on every version.

Plain SQL over the contract tables, so they also run in any SQLite client.
"""

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
        "description": "Pairs of aligned sentences (they say the same thing) where one states a quantity (same numbers.key) with a value the other does not.",
        "sql": """select alignments.story_id, na.key,
  sa.article_id as article_a, na.surface as figure_a,
  sb.article_id as article_b, nb.surface as figure_b,
  sa.text as sentence_a, sb.text as sentence_b
from alignments
join sentences sa on sa.id = alignments.sentence_a
join sentences sb on sb.id = alignments.sentence_b
join numbers na on na.sentence_id = sa.id
join numbers nb on nb.sentence_id = sb.id and nb.key = na.key
where coalesce(na.iso, na.value) is not coalesce(nb.iso, nb.value)
  and not exists (select 1 from numbers n where n.sentence_id = sb.id and n.key = na.key
                  and coalesce(n.iso, n.value) is coalesce(na.iso, na.value))
  and not exists (select 1 from numbers n where n.sentence_id = sa.id and n.key = nb.key
                  and coalesce(n.iso, n.value) is coalesce(nb.iso, nb.value))
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
    "unique_sentences": {
        "title": "What each article adds",
        "description": "Body sentences of a story that no other article of the story says.",
        "sql": """select sentences.article_id, articles.outlet, articles.title, sentences.idx, sentences.text
from claims
join claim_sentences on claim_sentences.claim_id = claims.id
join sentences on sentences.id = claim_sentences.sentence_id
join articles on articles.id = sentences.article_id
where claims.n_articles = 1 and claims.story_id = :story and sentences.role = 'body'
order by sentences.article_id, sentences.idx""",
    },
}
