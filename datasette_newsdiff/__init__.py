from datasette import hookimpl

from . import functions, render
from .queries import QUERIES


@hookimpl
def prepare_connection(conn):
    functions.register(conn)


@hookimpl
def register_commands(cli):
    from ingest.cli import cli as newsdiff

    cli.add_command(newsdiff, name="newsdiff")


@hookimpl
def extra_css_urls(datasette):
    return [datasette.urls.static_plugins("datasette_newsdiff", "newsdiff.css")]


@hookimpl
def render_cell(row, value, column, table):
    return render.cell(row, value, column, table)


async def is_newsdiff(db):
    return await db.table_exists("articles") and await db.table_exists("sentences")


@hookimpl
def canned_queries(datasette, database):
    # Datasette 0.65: queries come through this hook. The 1.0 alphas drop it (see startup).
    async def inner():
        if await is_newsdiff(datasette.get_database(database)):
            return QUERIES
        return {}

    return inner


@hookimpl
def startup(datasette):
    # The 1.0 alphas ignore queries in metadata and have no canned_queries hook.
    if not hasattr(datasette, "add_query"):
        return None

    async def inner():
        for name, db in datasette.databases.items():
            if name.startswith("_") or not await is_newsdiff(db):
                continue
            for query_name, query in QUERIES.items():
                await datasette.add_query(
                    name, query_name, query["sql"], title=query["title"], description=query["description"]
                )

    return inner
