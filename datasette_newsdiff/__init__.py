from datasette import hookimpl

from . import functions, pages, render
from .marker import is_newsdiff
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
def extra_css_urls(database, datasette):
    async def inner():
        if await is_newsdiff(datasette, database):
            return [datasette.urls.static_plugins("datasette_newsdiff", "newsdiff.css")]
        return []

    return inner


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    html = render.cell(row, value, column, table)
    if html is None:
        return pages.link_cell(row, value, column, table, database, datasette)

    async def inner():
        if await is_newsdiff(datasette, database):
            return await html(datasette.get_database(database))
        return None

    return inner


@hookimpl
def canned_queries(datasette, database):
    # Datasette 0.65: queries come through this hook. The 1.0 alphas drop it (see startup).
    async def inner():
        return QUERIES if await is_newsdiff(datasette, database) else {}

    return inner


@hookimpl
def startup(datasette):
    # The 1.0 alphas ignore queries in metadata and have no canned_queries hook.
    if not hasattr(datasette, "add_query"):
        return None

    async def inner():
        for name in list(datasette.databases):
            if not await is_newsdiff(datasette, name):
                continue
            for query_name, query in QUERIES.items():
                await datasette.add_query(
                    name, query_name, query["sql"], title=query["title"], description=query["description"]
                )

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
