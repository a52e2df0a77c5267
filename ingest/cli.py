"""The newsdiff command line: ingest files into a database, or run the demo."""

import os
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from importlib import resources

import click

from . import embed, pipeline, store


@contextmanager
def working_directory(path):
    previous = os.getcwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(previous)


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
@click.option("-w", "--workers", type=click.IntRange(min=1), help="Processes that analyse articles and stories side by side. Default: one per CPU.")
@click.option("--scheduler", metavar="ADDRESS", help="Run the analysis as tasks on this Dask cluster (tcp://host:8786; needs the dask extra there and here).")
@click.option("-q", "--quiet", is_flag=True, help="Print errors only: no progress, no summary.")
def ingest(db_path, paths, story, semantic, model, workers, scheduler, quiet):
    """Add the articles in PATH... (files, folders, globs, - for stdin) to DB.

    Plain text (.txt, .md), HTML (.html, .htm), JSON, JSON Lines (.jsonl) and
    CSV/TSV with text, title, url, outlet, published and byline fields. Articles
    already in DB are skipped, so running it again on the same input changes nothing;
    a run that was interrupted is completed by the next one.

        newsdiff ingest news.db articles/ 'more/*.html' feed.jsonl
    """
    try:
        # Lexical unless asked: on news rewrites embeddings measured no better, and cost
        # the parallel story workers (docs/alignment.md).
        encoder = embed.load_encoder(model, required=True) if semantic or model else None
    except (RuntimeError, OSError) as e:
        raise click.ClickException(str(e))
    db = store.open_db(db_path)
    # A progress line only for a person watching: not in logs, pipes or with --quiet.
    show = not quiet and sys.stderr.isatty()

    def progress(stage, done, total):
        if show:
            count = f"{done}/{total} {stage} analysed" if total else f"{done} {stage} read"
            click.echo(f"\r{bar(done, total)}{count}", nl=False, err=True)

    def say(kind):
        def echo(item):
            if show:
                click.echo("", err=True)
            click.echo(f"{kind}: {item}", err=True)
        return echo

    report = pipeline.ingest(
        db,
        list(paths),
        story=story,
        on_error=say("error"),
        on_warning=say("warning") if not quiet else None,
        progress=progress,
        encoder=encoder,
        workers=workers,
        scheduler=scheduler,
    )
    if show:
        click.echo("", err=True)
    if not quiet:
        for line in summary(report, db_path):
            click.echo(line, err=True)
    if report.errors:
        sys.exit(1)


def bar(done, total, width=24):
    if not total:
        return ""
    filled = round(width * done / total)
    return "[" + "#" * filled + "-" * (width - filled) + "] "


def plural(n, word, many=None):
    return f"{n} {word if n == 1 else many or word + 's'}"


def summary(report, db_path):
    """The closing lines of an ingest: what was added, what failed and why, stage times."""
    lines = [
        f"{plural(report.added, 'article')} added, {report.duplicates} already stored, "
        f"{plural(len(report.stories), 'story', 'stories')} updated, {report.repaired} repaired, "
        f"{plural(len(report.errors), 'error')}, {plural(len(report.warnings), 'warning')}: {db_path}"
    ]
    reasons = {}
    for error in report.errors:
        reason = error.problem.split(":")[0]
        reasons[reason] = reasons.get(reason, 0) + 1
    if reasons:
        ranked = sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0]))
        lines.append("failures: " + "; ".join(f"{n} x {reason}" for reason, n in ranked))
    if report.seconds:
        lines.append("time: " + ", ".join(f"{stage} {seconds:.1f} s" for stage, seconds in report.seconds.items()))
    return lines


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
    db_path = os.path.abspath(os.path.join(folder, "newsdiff-demo.db"))
    with resources.as_file(resources.files("ingest") / "example") as example:
        db = store.open_db(db_path)
        # Read from inside the corpus folder, by file name: articles.source is stored as
        # given, so the demo (and a site published from it) holds "000_8adcdc99af5f697a.txt",
        # not the path of the machine that built it.
        names = sorted(p.name for p in example.iterdir() if p.suffix == ".txt")
        with working_directory(example):
            pipeline.ingest(db, names)
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
