"""The story page and the compare page (register_routes), read from stored rows only.

Every value on these pages comes from the tables and views ingest wrote (ingest/store.py
VIEWS): nothing is analysed again per request, so a page always agrees with the SQL a
reader runs. The word diffs of the compare page are alignments.diff as stored (made by
ingest.diff.diff_html, the function behind newsdiff_diff, which escapes all text), made
here by the same function only for a row of several sentences or of the other direction.

Article text is untrusted HTML. It reaches the templates as plain strings, which Jinja
autoescapes, or as Markup built here by markupsafe from escaped pieces.
"""

import json
import re
from collections import OrderedDict
from urllib.parse import urlencode

from datasette.utils import tilde_decode, tilde_encode
from datasette.utils.asgi import Forbidden, NotFound, Response
from markupsafe import Markup, escape

from ingest import diff
from ingest.records import Figure

from .marker import is_newsdiff

ROUTE = "/-/newsdiff"

# Below this similarity a cell of the coverage matrix reads as a loose match.
SHADES = ((0.8, 4, "●"), (0.6, 3, "◕"), (0.45, 2, "◑"), (0.0, 1, "○"))

KIND_LABELS = {
    "number": "Number",
    "attribution": "Who said it",
    "acronym": "Acronym",
    "quote": "Quotation",
    "date": "Date",
    "spelling": "Spelling",
}


def routes():
    db = r"(?P<database>[^/]+)"
    return [
        (rf"^{ROUTE}/{db}/story/(?P<story_id>[0-9]+)$", cached(story_page)),
        (rf"^{ROUTE}/{db}/compare/(?P<a>[0-9]+)/(?P<b>[0-9]+)$", cached(compare_page)),
    ]


# Rendered pages of immutable databases (datasette -i, a published file: they cannot
# change while served), most recently used last. A mutable database is never cached: a
# run may ingest into it while it is served, and its pages must show the new rows.
CACHE_SIZE = 256
_pages = OrderedDict()


def cached(page):
    """The page, rendered once per (database file, path) for an anonymous reader of an
    immutable database; rendered every time otherwise (a signed-in actor's page carries
    their own menu). Datasette's permission check runs on every request."""

    async def serve(datasette, request):
        database, db = await open_database(datasette, request)
        if db.is_mutable or request.actor is not None:
            return await page(datasette, request, database, db)
        key = (database, db.path, request.path, request.query_string)
        html = _pages.get(key)
        if html is None:
            response = await page(datasette, request, database, db)
            if response.status != 200:
                return response
            html = response.body
            _pages[key] = html
            while len(_pages) > CACHE_SIZE:
                _pages.popitem(last=False)
        _pages.move_to_end(key)
        return Response.html(html)

    serve.__name__ = page.__name__
    return serve


# URLs: always through datasette.urls, so base_url is respected.

def story_url(datasette, database, story_id):
    return datasette.urls.path(f"{ROUTE}/{tilde_encode(database)}/story/{story_id}")


def compare_url(datasette, database, a, b):
    return datasette.urls.path(f"{ROUTE}/{tilde_encode(database)}/compare/{a}/{b}")


def row_url(datasette, database, table, pk):
    return datasette.urls.row(database, table, tilde_encode(str(pk)))


# Links into the pages from Datasette's own (hooks in __init__.py).

STORY_LINKS = 20


async def story_links(datasette, database):
    """[{href, label, description}] for the stories of a database, for action menus."""
    if not await is_newsdiff(datasette, database):
        return []
    rows = await datasette.get_database(database).execute(
        f"select id, label, n_articles from stories order by id limit {STORY_LINKS}"
    )
    return [
        {"href": story_url(datasette, database, r["id"]),
         "label": f"Story {r['id']}: {shorten(r['label'] or 'no label', 60)}",
         "description": f"{r['n_articles']} article(s): conflicts, coverage, provenance"}
        for r in rows.rows
    ]


async def row_links(datasette, database, table, row):
    """Row actions: a story's page; an article's story and compare pages."""
    if table not in ("stories", "articles") or not await is_newsdiff(datasette, database):
        return []
    if table == "stories":
        return [{"href": story_url(datasette, database, row["id"]), "label": "Story page",
                 "description": "Where the articles of this story agree and disagree"}]
    return await article_links(datasette, database, row["id"])


async def article_links(datasette, database, article_id):
    """The story page and the compare pages of one article, for its row page."""
    db = datasette.get_database(database)
    rows = (await db.execute("select story_id from articles where id = ?", [article_id])).rows
    if not rows or rows[0]["story_id"] is None:
        return []
    story_id = rows[0]["story_id"]
    links = [{"href": story_url(datasette, database, story_id), "label": f"Story {story_id} page",
              "description": "Where the articles of this story agree and disagree"}]
    others = await db.execute("select id, name from articles where story_id = ? and id != ? order by id",
                              [story_id, article_id])
    links.extend({"href": compare_url(datasette, database, article_id, r["id"]),
                  "label": f"Compare with #{r['id']} {shorten(r['name'] or '', 40)}"} for r in others.rows)
    return links


def link_cell(row, value, column, table, database, datasette):
    """render_cell for story ids and story labels: a link to the story page beside what
    Datasette shows, on newsdiff databases only. None when the cell is not one of them
    (decided from the names alone, so other cells cost nothing)."""
    html = story_link_html(row, value, column, table, database, datasette)
    if html is None:
        return None

    async def inner():
        return html if await is_newsdiff(datasette, database) else None

    return inner


def story_link_html(row, value, column, table, database, datasette):
    if table == "stories" and column == "label" and "id" in row.keys():
        text = value if isinstance(value, str) else "(no label)"
        return Markup('<a href="{}" class="newsdiff-storylink">{}</a>').format(
            story_url(datasette, database, row["id"]), text)
    if column != "story_id" or table == "stories":
        return None
    if isinstance(value, dict):  # an expanded foreign key: keep Datasette's link to the row
        story_id, label = value.get("value"), value.get("label")
    else:
        story_id, label = value, None
    if not isinstance(story_id, int) or isinstance(story_id, bool):
        return None
    href = story_url(datasette, database, story_id)
    if label is not None and label != story_id:
        return Markup('<a href="{}">{}</a>&nbsp;<em>{}</em> · <a href="{}" class="newsdiff-storylink">story page</a>').format(
            row_url(datasette, database, "stories", story_id), label, story_id, href)
    return Markup('<a href="{}" class="newsdiff-storylink" title="story page">{}</a>').format(href, story_id)


# Shared by both pages.

async def open_database(datasette, request):
    """The newsdiff database named in the URL, after Datasette's own permission check;
    404 for any other database."""
    name = tilde_decode(request.url_vars["database"])
    if not await is_newsdiff(datasette, name):
        raise NotFound("No newsdiff database of that name")
    if not await can_view(datasette, request.actor, name):
        raise Forbidden("You do not have permission to view this database")
    return name, datasette.get_database(name)


async def can_view(datasette, actor, database):
    if hasattr(datasette, "allowed"):  # the 1.0 alphas
        from datasette.resources import DatabaseResource

        return await datasette.allowed(action="view-database", resource=DatabaseResource(database), actor=actor)
    return (await datasette.permission_allowed(actor, "view-instance", default=True)
            and await datasette.permission_allowed(actor, "view-database", database, default=True))


async def rows(db, sql, params=()):
    params = params if isinstance(params, dict) else list(params)
    return [dict(r) for r in (await db.execute(sql, params)).rows]


def shorten(text, n):
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


ARTICLES = """
select o.article_id as id, o.name, o.outlet, o.published, o.title, a.byline, a.source, a.url,
       o.n_body, o.n_shared, o.n_unique, o.n_conflicts,
       (select s.text from sentences s where s.article_id = o.article_id and s.role = 'body'
        order by s.idx limit 1) as opening
from story_overview o join articles a on a.id = o.article_id
where o.story_id = ?
order by o.article_id
"""


def article_view(datasette, database, r):
    r = dict(r)
    r["url_row"] = row_url(datasette, database, "articles", r["id"])
    r["untitled"] = not (r["title"] or "").strip()
    r["label"] = r["title"] if not r["untitled"] else f"No headline: “{shorten(r['opening'], 70)}”"
    r["short"] = f"#{r['id']} {shorten(r['name'] or '', 22)}"
    return r


async def story_articles(datasette, database, db, story_id):
    return [article_view(datasette, database, r) for r in await rows(db, ARTICLES, [story_id])]


def pair_links(datasette, database, articles, current=None):
    """Every pair of articles of a story, as a matrix: one click to compare any two."""
    grid = []
    for a in articles:
        cells = []
        for b in articles:
            if a["id"] == b["id"]:
                cells.append(None)
            else:
                cells.append({"href": compare_url(datasette, database, a["id"], b["id"]),
                              "current": current == (a["id"], b["id"]),
                              "label": f"Compare #{a['id']} with #{b['id']}"})
        grid.append({"article": a, "cells": cells})
    return grid


def mark_value(text, value):
    """The sentence, escaped, with the first occurrence of a conflict's value marked."""
    text = text or ""
    if value:
        at = text.find(value)
        if at >= 0:
            return Markup("{}<mark class=\"nd-value\">{}</mark>{}").format(
                text[:at], text[at : at + len(value)], text[at + len(value):])
    return escape(text)


def conflict_view(datasette, database, c):
    c = dict(c)
    c["kind_label"] = KIND_LABELS.get(c["kind"], c["kind"])
    c["url_row"] = row_url(datasette, database, "conflicts", c["id"])
    c["url_compare"] = compare_url(datasette, database, c["article_a"], c["article_b"])
    for side in "ab":
        c[f"url_sentence_{side}"] = row_url(datasette, database, "sentences", c[f"sentence_{side}"])
        c[f"url_article_{side}"] = row_url(datasette, database, "articles", c[f"article_{side}"])
        c[f"html_{side}"] = mark_value(c[f"text_{side}"], short_value(c[f"value_{side}"]))

    # "X says fourth": only when both values are short; a long one (a whole quotation)
    # is marked in its sentence already.
    says = [short_value(c["value_a"]), short_value(c["value_b"])]
    short = all(s and len(s) <= 70 for s in says)
    c["says_a"], c["says_b"] = says if short else (None, None)
    return c


def short_value(value):
    # "PURL = Partnership for ..." names the expansion: that part is what the sentence says.
    if value and " = " in value:
        return value.split(" = ", 1)[1]
    return value


# The story page.

COVERAGE = """
select claim_id, n_articles, claim, article_id, sentence_id, score
from coverage where story_id = ?
order by n_articles desc, claim_id, article_id, sentence_id
"""

UNIQUE = """
select article_id, sentence_id, idx, text from unique_sentences
where story_id = ? order by article_id, idx
"""

PROVENANCE = """
select article_id, source_id, containment, derivation, shared_rare, source_first, evidence
from provenance where story_id = ? order by article_id, source_id
"""

LIKELY = """
select article_id, source_id, containment, derivation, shared_rare, source_first, evidence
from likely_sources where story_id = ? order by article_id
"""

FIGURES = f"""
select n.key, n.kind, n.article_id, n.sentence_id, n.surface, s.text as sentence,
       {Figure.AMOUNT_SQL.format(t="n")} as amount
from numbers n
join sentences s on s.id = n.sentence_id and s.role = 'body'
join articles a on a.id = n.article_id
where a.story_id = ? and n.key is not null
order by n.key, n.article_id, s.idx
"""


def shade(score):
    for low, level, symbol in SHADES:
        if score >= low:
            return level, symbol
    return 1, "○"


def coverage_matrix(datasette, database, articles, coverage):
    """Claims by articles: one row per claim, one cell per article, the cell shaded by the
    best alignment of the article's sentence with another sentence of the claim."""
    order = [a["id"] for a in articles]
    names = {a["id"]: a["short"] for a in articles}
    claims = {}
    for r in coverage:
        claim = claims.setdefault(r["claim_id"], {"id": r["claim_id"], "text": r["claim"], "n_articles": r["n_articles"],
                                                  "url": row_url(datasette, database, "claims", r["claim_id"]),
                                                  "by": {}})
        claim["by"].setdefault(r["article_id"], []).append(r)
    shared, single = [], []
    for claim in claims.values():
        cells = []
        for article_id in order:
            members = claim["by"].get(article_id)
            if not members:
                cells.append({"state": "none", "symbol": "–", "text": "",
                              "label": f"{names[article_id]}: does not carry this claim"})
                continue
            scores = [m["score"] for m in members if m["score"] is not None]
            n = len(members)
            many = f", in {n} sentences" if n > 1 else ""
            cell = {"url": row_url(datasette, database, "sentences", members[0]["sentence_id"])}
            if not scores:
                cell.update(state="only", level=0, symbol="◆", text="only",
                            label=f"{names[article_id]}: the only article with this claim{many}")
            else:
                best = max(scores)
                level, symbol = shade(best)
                cell.update(state="match", level=level, symbol=symbol, text=f"{best:.2f}",
                            label=f"{names[article_id]}: carries it{many}, similarity {best:.2f}")
            cells.append(cell)
        claim["cells"] = cells
        (shared if claim["n_articles"] > 1 else single).append(claim)
    return shared, single


def provenance_view(datasette, database, articles, provenance, likely):
    names = {a["id"]: a["short"] for a in articles}
    order = [a["id"] for a in articles]
    by_pair = {(p["article_id"], p["source_id"]): p for p in provenance}
    best = {(p["article_id"], p["source_id"]) for p in likely}
    grid = []
    for a in order:
        cells = []
        for s in order:
            p = by_pair.get((a, s))
            if a == s or p is None:
                cells.append(None)
                continue
            level, _ = shade(p["containment"] * 2)  # containment of rewrites sits well below 0.5
            cells.append({"text": f"{p['containment']:.0%}", "derivation": p["derivation"], "level": level,
                          "likely": (a, s) in best,
                          "label": f"{p['containment']:.0%} of {names[a]} is found in {names[s]} ({p['derivation']})"})
        grid.append({"article": names[a], "article_id": a, "cells": cells})
    sources = []
    for p in likely:
        p = dict(p)
        p["name"], p["source_name"] = names.get(p["article_id"]), names.get(p["source_id"])
        p["rare"] = parse_json_list(p["shared_rare"])
        p["first"] = {1: "source first", 0: "source later"}.get(p["source_first"], "dates unknown")
        p["url_compare"] = compare_url(datasette, database, p["article_id"], p["source_id"])
        sources.append(p)
    rare = {}
    for p in provenance:
        for word in parse_json_list(p["shared_rare"]):
            rare.setdefault(word, set()).update((p["article_id"], p["source_id"]))
    shared_rare = [{"word": w, "articles": [names[i] for i in order if i in ids]}
                   for w, ids in sorted(rare.items(), key=lambda kv: (-len(kv[1]), kv[0].lower()))]
    return grid, sources, shared_rare


def parse_json_list(text):
    try:
        value = json.loads(text or "[]")
    except ValueError:
        return []
    return [str(v) for v in value] if isinstance(value, list) else []


def figures_view(datasette, database, articles, figures):
    """One row per quantity (numbers.key), one cell per article: what each one states."""
    order = [a["id"] for a in articles]
    keys = {}
    for f in figures:
        row = keys.setdefault(f["key"], {"key": f["key"], "kind": f["kind"], "by": {}, "amounts": {}})
        row["by"].setdefault(f["article_id"], []).append(
            {"surface": f["surface"], "sentence": f["sentence"],
             "url": row_url(datasette, database, "sentences", f["sentence_id"])})
        row["amounts"].setdefault(f["article_id"], set()).add(f["amount"])
    out = []
    for row in keys.values():
        row["n_articles"] = len(row["by"])
        # Articles differ when they state different values for the quantity (each may
        # state several: "4 billion, then 5 billion" in every one is agreement).
        row["differs"] = len({frozenset(v) for v in row["amounts"].values()}) > 1
        row["cells"] = [row["by"].get(i, []) for i in order]
        out.append(row)
    # Quantities several articles state first; those on which they differ before those they agree on.
    out.sort(key=lambda r: (-r["n_articles"], not r["differs"], r["key"]))
    return out


def bar_chart(articles):
    """Coordinates of a horizontal bar chart: per article, shared / unique / conflicts."""
    series = (("n_shared", "shared", "nd-bar-shared"), ("n_unique", "unique", "nd-bar-unique"),
              ("n_conflicts", "in conflict", "nd-bar-conflict"))
    top = max([a[k] or 0 for a in articles for k, _, _ in series] + [1])
    label_w, bar_max, bar_h, gap = 190, 360, 14, 12
    y, groups = 28, []
    for a in articles:
        bars = []
        for i, (key, name, css) in enumerate(series):
            value = a[key] or 0
            bars.append({"y": y + i * bar_h, "w": max(1, round(bar_max * value / top)), "value": value,
                         "name": name, "css": css})
        groups.append({"label": a["short"], "y": y, "mid": y + bar_h * 1.5 + 4, "bars": bars})
        y += bar_h * len(series) + gap
    return {"groups": groups, "height": y + 4, "width": label_w + bar_max + 120, "x0": label_w, "bar_h": bar_h - 2,
            "legend": [{"name": n, "css": c, "x": label_w + i * 120} for i, (_, n, c) in enumerate(series)]}


def story_table(datasette, database, name, story_id, extra=""):
    """A table or view of the schema, filtered to one story."""
    return datasette.urls.table(database, name) + f"?story_id={story_id}" + extra


def sql_url(datasette, database, sql):
    # The 1.0 alphas serve ad-hoc SQL at /db/-/query (and redirect /db?sql= there).
    if hasattr(datasette.urls, "database_query"):
        return datasette.urls.database_query(database, sql)
    return datasette.urls.database(database) + "?" + urlencode({"sql": sql})


def vega_links(datasette, database, story_id):
    """datasette-vega's chart builder on table and query pages, preconfigured through the
    #g.* fragment it reads (mark, x_column, x_type, y_column, y_type, color_column,
    size_column)."""
    def fragment(**g):
        return "#" + "&".join(f"g.{k}={v}" for k, v in g.items())

    containment = ("select article_id, source_id, containment, derivation from provenance "
                   f"where story_id = {story_id} order by article_id, source_id")
    return [
        {"label": "What each article adds (bar chart of the story overview)",
         "href": story_table(datasette, database, "story_overview", story_id, fragment(
             mark="bar", x_column="name", x_type="nominal", y_column="n_unique", y_type="quantitative"))},
        {"label": "Money figures by article (figures view)",
         "href": datasette.urls.table(database, "figures") + f"?story_id={story_id}&kind=money" + fragment(
             mark="circle", x_column="article_id", x_type="ordinal", y_column="value", y_type="quantitative",
             color_column="key")},
        {"label": "Containment between articles (provenance)",
         "href": sql_url(datasette, database, containment) + fragment(
             mark="circle", x_column="article_id", x_type="ordinal", y_column="source_id", y_type="ordinal",
             size_column="containment", color_column="derivation")},
    ]


async def story_page(datasette, request, database, db):
    story_id = int(request.url_vars["story_id"])
    found = await rows(db, "select id, label, n_articles from stories where id = ?", [story_id])
    if not found:
        raise NotFound("No such story")
    story = found[0]
    articles = await story_articles(datasette, database, db, story_id)
    conflicts = [conflict_view(datasette, database, c) for c in await rows(
        db, "select * from conflict_pairs where story_id = ? order by kind, id", [story_id])]
    shared, single = coverage_matrix(datasette, database, articles, await rows(db, COVERAGE, [story_id]))
    unique = {}
    for u in await rows(db, UNIQUE, [story_id]):
        u["url"] = row_url(datasette, database, "sentences", u["sentence_id"])
        unique.setdefault(u["article_id"], []).append(u)
    grid, sources, shared_rare = provenance_view(
        datasette, database, articles, await rows(db, PROVENANCE, [story_id]), await rows(db, LIKELY, [story_id]))
    context = {
        "database": database,
        "story": story,
        "story_label": story["label"] or f"Story {story_id}",
        "articles": articles,
        "conflicts": conflicts,
        "shared_claims": shared,
        "single_claims": single,
        "unique": [{"article": a, "sentences": unique.get(a["id"], [])} for a in articles],
        "provenance_grid": grid,
        "likely_sources": sources,
        "shared_rare": shared_rare,
        "figures": figures_view(datasette, database, articles, await rows(db, FIGURES, [story_id])),
        "pairs": pair_links(datasette, database, articles),
        "chart": bar_chart(articles),
        "vega_links": vega_links(datasette, database, story_id),
        "urls_extra": {
            "database": datasette.urls.database(database),
            "story_row": row_url(datasette, database, "stories", story_id),
            "conflicts": story_table(datasette, database, "conflict_pairs", story_id),
            "coverage": story_table(datasette, database, "coverage", story_id),
            "unique": story_table(datasette, database, "unique_sentences", story_id),
            "provenance": story_table(datasette, database, "likely_sources", story_id),
            "figures": story_table(datasette, database, "claim_figures", story_id),
        },
        "css_url": datasette.urls.static_plugins("datasette_newsdiff", "pages.css"),
    }
    return await render(datasette, request, "newsdiff_story.html", context)


# The compare page.

PAIR_ALIGNMENTS = """
select al.*, sa.id as sa, sa.article_id as art_a, sb.id as sb
from alignments al
join sentences sa on sa.id = al.sentence_a
join sentences sb on sb.id = al.sentence_b
where (sa.article_id = :a and sb.article_id = :b) or (sa.article_id = :b and sb.article_id = :a)
order by al.score desc
"""

PAIR_CONFLICTS = """
select * from conflict_pairs
where (article_a = :a and article_b = :b) or (article_a = :b and article_b = :a)
order by kind, id
"""

# Sentences of a and b in one claim though not aligned directly (through a third article).
PAIR_CLAIMS = """
select distinct ca.sentence_id as sa, cb.sentence_id as sb, ca.claim_id
from claim_sentences ca
join sentences sa on sa.id = ca.sentence_id and sa.article_id = :a
join claim_sentences cb on cb.claim_id = ca.claim_id
join sentences sb on sb.id = cb.sentence_id and sb.article_id = :b
"""

BODY = "select id, article_id, idx, text from sentences where article_id = ? and role = 'body' order by idx"

MISSING = "select sentence_id from missing_from where article_id = ? and other_id = ?"


def split_diff(a, b, stored=None):
    """The left and right halves of diff_html(a, b): a with its removed words in <del>,
    b with its added words in <ins>. diff_html escapes all text, so its only tags are
    <del> and <ins>, and the halves stay well-formed and escaped. stored: diff_html(a, b)
    as ingest stored it (alignments.diff), else it is made here."""
    html = stored if isinstance(stored, str) else diff.diff_html(a, b)
    left = re.sub(r"<ins>.*?</ins>", "", html, flags=re.S)
    right = re.sub(r"<del>.*?</del>", "", html, flags=re.S)
    return Markup(left), Markup(right)


async def compare_page(datasette, request, database, db):
    a_id, b_id = int(request.url_vars["a"]), int(request.url_vars["b"])
    found = await rows(db, "select id, story_id from articles where id in (?, ?)", [a_id, b_id])
    stories = {r["id"]: r["story_id"] for r in found}
    if a_id == b_id or len(stories) != 2 or stories[a_id] is None or stories[a_id] != stories[b_id]:
        raise NotFound("These are not two articles of one story")
    story_id = stories[a_id]
    story = (await rows(db, "select id, label, n_articles from stories where id = ?", [story_id]))[0]
    articles = await story_articles(datasette, database, db, story_id)
    by_id = {a["id"]: a for a in articles}
    a, b = by_id[a_id], by_id[b_id]
    params = {"a": a_id, "b": b_id}

    sentences = {}
    body_a, body_b = await rows(db, BODY, [a_id]), await rows(db, BODY, [b_id])
    for s in body_a + body_b:
        s["url"] = row_url(datasette, database, "sentences", s["id"])
        sentences[s["id"]] = s

    partners = {}  # sentence of a -> [(sentence of b, how)]
    for al in await rows(db, PAIR_ALIGNMENTS, params):
        sa, sb = (al["sa"], al["sb"]) if al["art_a"] == a_id else (al["sb"], al["sa"])
        partners.setdefault(sa, []).append((sb, {"type": "aligned", "score": al["score"], "relation": al["relation"],
                                                 "url": row_url(datasette, database, "alignments", al["id"]),
                                                 # the stored diff_html(sentence_a, sentence_b), when a's is sentence_a
                                                 "diff": al.get("diff") if al["art_a"] == a_id else None}))
    conflicts = [conflict_view(datasette, database, c) for c in await rows(db, PAIR_CONFLICTS, params)]
    flags = {}  # (sentence of a, sentence of b) -> [conflict]
    for c in conflicts:
        sa, sb = (c["sentence_a"], c["sentence_b"]) if c["article_a"] == a_id else (c["sentence_b"], c["sentence_a"])
        c["row_anchor"] = f"s{sa}"
        flags.setdefault((sa, sb), []).append(c)
        if sb not in [p for p, _ in partners.get(sa, [])]:
            partners.setdefault(sa, []).append((sb, {"type": "conflict"}))
    for r in await rows(db, PAIR_CLAIMS, params):
        if r["sa"] in sentences and r["sb"] in sentences and not partners.get(r["sa"]):
            partners.setdefault(r["sa"], []).append((r["sb"], {
                "type": "claim", "url": row_url(datasette, database, "claims", r["claim_id"])}))
    missing_a = {r["sentence_id"] for r in await rows(db, MISSING, [a_id, b_id])}
    missing_b = {r["sentence_id"] for r in await rows(db, MISSING, [b_id, a_id])}

    # Rows in a's reading order; b's sentences that a does not carry go after the row
    # holding b's previous sentence, so both texts read top to bottom.
    table, row_of_b = [], {}
    for s in body_a:
        found = [(sentences[sb], how) for sb, how in partners.get(s["id"], []) if sb in sentences]
        if found:
            found.sort(key=lambda p: p[0]["idx"])
            right_text = " ".join(p[0]["text"] for p in found)
            stored = found[0][1].get("diff") if len(found) == 1 else None
            left, right = split_diff(s["text"], right_text, stored)
            row = {"type": "pair", "a": s, "b": [p[0] for p in found], "left": left, "right": right,
                   "how": [p[1] for p in found], "anchor": f"s{s['id']}",
                   "conflicts": [c for p in found for c in flags.get((s["id"], p[0]["id"]), [])]}
            for p in found:
                row_of_b.setdefault(p[0]["id"], len(table))
        else:
            row = {"type": "only_a", "a": s, "anchor": f"s{s['id']}", "unique": s["id"] in missing_a}
        table.append(row)
    inserts, previous = {}, -1
    for s in body_b:
        if s["id"] in row_of_b:
            previous = max(previous, row_of_b[s["id"]])
        else:
            inserts.setdefault(previous, []).append({"type": "only_b", "b": s, "anchor": f"s{s['id']}",
                                                    "unique": s["id"] in missing_b})
    rows_out = list(inserts.get(-1, []))
    for i, row in enumerate(table):
        rows_out.append(row)
        rows_out.extend(inserts.get(i, []))

    context = {
        "database": database,
        "story": story,
        "story_label": story["label"] or f"Story {story_id}",
        "story_url": story_url(datasette, database, story_id),
        "a": a,
        "b": b,
        "rows": rows_out,
        "conflicts": conflicts,
        "n_pairs": sum(1 for r in rows_out if r["type"] == "pair"),
        "n_only_a": sum(1 for r in rows_out if r["type"] == "only_a"),
        "n_only_b": sum(1 for r in rows_out if r["type"] == "only_b"),
        "pairs": pair_links(datasette, database, articles, current=(a_id, b_id)),
        "swap_url": compare_url(datasette, database, b_id, a_id),
        "missing_url": datasette.urls.table(database, "missing_from") + f"?article_id={a_id}&other_id={b_id}",
        "css_url": datasette.urls.static_plugins("datasette_newsdiff", "pages.css"),
    }
    return await render(datasette, request, "newsdiff_compare.html", context)


async def render(datasette, request, template, context):
    return Response.html(await datasette.render_template(template, context, request=request))
