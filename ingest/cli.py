"""The newsdiff command line: ingest files into a database, or run the demo."""

import os
import subprocess
import sys
import tempfile
from importlib import resources

import click

from . import embed, pipeline, store


@click.group()
@click.version_option(package_name="datasette-newsdiff")
def cli():
    """Compare news articles that tell the same story."""


@cli.command()
@click.argument("db_path", metavar="DB", type=click.Path(dir_okay=False))
@click.argument("paths", metavar="PATH...", nargs=-1, required=True)
@click.option("--story", metavar="NAME", help="Put every new article into the story NAME instead of grouping them automatically.")
@click.option(
    "--semantic",
    is_flag=True,
    help="Mix sentence embeddings into alignment (needs the semantic extra and a local model).",
)
@click.option("--model", type=click.Path(exists=True, file_okay=False), help="Local sentence-transformers model folder (or NEWSDIFF_MODEL); implies --semantic.")
@click.option("-w", "--workers", type=click.IntRange(min=1), help="Processes that analyse stories side by side. Default: one per CPU.")
@click.option("-q", "--quiet", is_flag=True, help="Print errors only.")
def ingest(db_path, paths, story, semantic, model, workers, quiet):
    """Add the articles in PATH... (files, folders, globs, - for stdin) to DB.

    Plain text (.txt, .md), HTML (.html, .htm), JSON, JSON Lines (.jsonl) and
    CSV/TSV with text, title, url, outlet, published and byline fields. Articles
    already in DB are skipped, so running it again on the same input changes nothing.

        newsdiff ingest news.db articles/ 'more/*.html' feed.jsonl
    """
    try:
        # Lexical unless asked: on news rewrites embeddings measured no better, and cost
        # the parallel story workers (docs/alignment.md).
        encoder = embed.load_encoder(model, required=True) if semantic or model else None
    except (RuntimeError, OSError) as e:
        raise click.ClickException(str(e))
    db = store.open_db(db_path)
    show = not quiet and sys.stderr.isatty()
    stored = [0]

    def progress(n):
        stored[0] += n
        if show:
            click.echo(f"\r{stored[0]} articles read", nl=False, err=True)

    report = pipeline.ingest(
        db,
        list(paths),
        story=story,
        on_error=lambda error: click.echo(f"error: {error}", err=True),
        progress=progress,
        encoder=encoder,
        workers=workers,
    )
    if show:
        click.echo("", err=True)
    if not quiet:
        click.echo(
            f"{report.added} articles added, {report.duplicates} already stored, "
            f"{len(report.stories)} stories updated, {len(report.errors)} errors: {db_path}",
            err=True,
        )
    if report.errors:
        sys.exit(1)


@cli.command()
@click.option("-p", "--port", default=8001, show_default=True, help="Port to serve on.")
@click.option("-h", "--host", default="127.0.0.1", show_default=True, help="Address to serve on.")
@click.option("--dir", "folder", type=click.Path(file_okay=False), help="Folder to build newsdiff-demo.db in (default: a new temporary folder).")
@click.option("--build-only", is_flag=True, help="Build the database and exit without serving it.")
def demo(port, host, folder, build_only):
    """Build a database from the bundled example corpus and serve it with Datasette."""
    folder = folder or tempfile.mkdtemp(prefix="newsdiff-")
    os.makedirs(folder, exist_ok=True)
    # metadata.yml describes the database by this name.
    db_path = os.path.join(folder, "newsdiff-demo.db")
    with resources.as_file(resources.files("ingest") / "example") as example:
        db = store.open_db(db_path)
        pipeline.ingest(db, [str(example)])
        metadata = str(example / "metadata.yml")
        click.echo(f"{db['articles'].count} example articles in {db['stories'].count} stories: {db_path}", err=True)
        db.conn.close()
        if build_only:
            return
        click.echo(f"Serving the demo at http://{host}:{port}/ (Ctrl+C to stop)", err=True)
        # Served immutable: the plugin must never need to write.
        command = [sys.executable, "-m", "datasette", "serve", "-i", db_path, "-m", metadata, "-h", host, "-p", str(port)]
        try:
            subprocess.run(command, check=False)
        except KeyboardInterrupt:
            pass
