from datasette import hookimpl

import json
import weakref

from . import descriptions, functions, pages, queries, render, responses
from .marker import is_newsdiff, is_newsdiff_now
from .queries import QUERIES

# Every hook but the SQL functions acts only on databases that carry the newsdiff marker
# (marker.py): any other database is left exactly as Datasette renders it.


@hookimpl
def prepare_connection(conn):
    # Functions, not pages: harmless on any database, and ad-hoc SQL may want them anywhere.
    functions.register(conn)


@hookimpl
def register_commands(cli):
    from ingest.cli import cli as newsdiff

    cli.add_command(newsdiff, name="newsdiff")


@hookimpl
def asgi_wrapper(datasette):
    # Datasette 0.65 does not tell render_cell the request: the path of the request being
    # served is kept where render.py reads it (a table page shows article excerpts).
    def wrap(app):
        async def add_path(scope, receive, send):
            token = render.REQUEST_PATH.set(scope.get("path") if scope.get("type") == "http" else None)
            try:
                await app(scope, receive, send)
            finally:
                render.REQUEST_PATH.reset(token)

        # Outside it: whole pages of immutable newsdiff databases, rendered once (responses.py).
        return responses.wrap(datasette, add_path)

    return wrap


@hookimpl
def extra_css_urls(database, datasette):
    async def inner():
        if await is_newsdiff(datasette, database):
            return [datasette.urls.static_plugins("datasette_newsdiff", "newsdiff.css")]
        return []

    return inner


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    # Called for every cell of every page: any other column costs one set lookup.
    if column not in render.COLUMNS:
        return None
    html = render.cell(row, value, column, table)
    if html is None:
        return pages.link_cell(row, value, column, table, database, datasette)

    async def inner():
        if await is_newsdiff(datasette, database):
            return await html(datasette, database)
        return None

    return inner


@hookimpl
def canned_queries(datasette, database):
    # Datasette 0.65: queries come through this hook. The 1.0 alphas drop it (see startup).
    async def inner():
        if not await is_newsdiff(datasette, database):
            return {}
        db = datasette.get_database(database)
        if db.is_mutable:
            return queries.registered(await queries.choices(db))
        # An immutable file's stories and articles never change: its hints are made once
        # (Datasette asks on every page of the database).
        if db not in _registered:
            _registered[db] = queries.registered(await queries.choices(db))
        return _registered[db]

    return inner


_registered = weakref.WeakKeyDictionary()


@hookimpl
def startup(datasette):
    # 0.65: only learns which databases are newsdiff's, for get_metadata (synchronous).
    # The 1.0 alphas ignore queries in metadata and have no canned_queries hook or
    # get_metadata hook: the queries and the descriptions are written in here.
    async def inner():
        for name in list(datasette.databases):
            if not await is_newsdiff(datasette, name):
                continue
            if not hasattr(datasette, "add_query"):
                continue
            registered = queries.registered(await queries.choices(datasette.get_database(name)))
            for query_name, query in registered.items():
                await datasette.add_query(
                    name, query_name, query["sql"], title=query["title"], description=query["description"],
                    description_html=query["description_html"],
                )
            await descriptions.apply(datasette, name)

    return inner


@hookimpl
def get_metadata(datasette, key, database, table):
    # Datasette 0.65 (the 1.0 alphas never call it): descriptions and label columns of any
    # newsdiff database; a user's own metadata.yml is merged over them.
    # Asked with database=None too (table_metadata reads "databases" from the top).
    names = [database] if database is not None else list(datasette.databases)
    return descriptions.get_metadata([n for n in names if is_newsdiff_now(datasette, n)],
                                     getattr(datasette, "_metadata_local", None))


@hookimpl
def top_row(datasette, request, database, table, row):
    # The 1.0 alphas only (0.65 draws the row page's description and licence itself).
    async def inner():
        if not await is_newsdiff(datasette, database):
            return ""
        return await descriptions.row_header(datasette, database, table)

    return inner


@hookimpl
def extra_body_script(template, database, view_name, request, datasette):
    # Both lines title a canned query's page with its SQL: name the tab after the query.
    if not template.startswith("query") or request is None or not database:
        return None
    name = request.url_vars.get("table") or request.url_vars.get("query_name") or request.path.rstrip("/").split("/")[-1]
    if name not in QUERIES:
        return None

    async def inner():
        if not await is_newsdiff(datasette, database):
            return None
        return f"document.title = {json.dumps(QUERIES[name]['title'] + ' · ' + database)};"

    return inner


@hookimpl
def register_routes(datasette):
    # The story and compare pages (pages.py), on newsdiff databases only.
    return pages.routes()


@hookimpl
def database_actions(datasette, actor, database, request):
    async def inner():
        return await pages.story_links(datasette, database)

    return inner


@hookimpl
def table_actions(datasette, actor, database, table, request):
    async def inner():
        return await pages.story_links(datasette, database) if table in ("stories", "articles") else []

    return inner


@hookimpl
def row_actions(datasette, actor, request, database, table, row):
    # The 1.0 alphas only (0.65 has no such hook: there the story_id and label cells link).
    async def inner():
        return await pages.row_links(datasette, database, table, row)

    return inner
