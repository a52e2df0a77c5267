"""Pages under load: 16 concurrent clients on loopback against `datasette -i`.

    python benchmarks/load.py                       # 10,000 synthetic articles, 16 clients, 15 s a target
    python benchmarks/load.py --articles 1000 --seconds 5
    python benchmarks/load.py --db news.db          # an existing newsdiff database
    python benchmarks/load.py --db news.db --only table --setting suggest_facets off

Builds the database from the synthetic archive of benchmarks/scale.py (real ECB+
sentences, renamed per event) unless --db names one, serves it immutable with the
plugin, then drives each target for a bounded time with --clients concurrent clients
and prints requests per second, p50 and p99 latency and errors. Target: p99 under
300 ms for every page, no errors. Only loopback is ever contacted.
"""
import argparse
import asyncio
import os
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

import data  # noqa: F401  (puts the repository on the import path)

import httpx  # noqa: E402

from scale import make_archive, write_jsonl  # noqa: E402


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build(n, folder):
    path = os.path.join(folder, f"load-{n}.db")
    if os.path.exists(path):
        return path
    archive = os.path.join(folder, f"archive-{n}.jsonl")
    write_jsonl(archive, make_archive(n)[:n])
    newsdiff = os.path.join(os.path.dirname(sys.executable), "newsdiff")
    subprocess.run([newsdiff, "ingest", path, archive, "--quiet"], check=False)
    return path


def name_like_word(conn, story):
    """What a reader searches for: a name. The first capitalised word inside a body
    sentence of the story (not a sentence's first word, letters only, 4 or more)."""
    for (text,) in conn.execute("select s.text from sentences s join articles a on a.id = s.article_id "
                                "where a.story_id = ? and s.role = 'body' order by s.id", [story]):
        for word in text.split()[1:]:
            word = word.strip(".,;:!?\"'()’“”")
            if len(word) >= 4 and word.isalpha() and word[0].isupper() and not word.isupper():
                return word
    return "Minister"


def targets(path):
    """(label, url) pairs over the busiest story, a pair of its articles and the tables."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    name = os.path.splitext(os.path.basename(path))[0]
    story = conn.execute("select id from stories order by n_articles desc limit 1").fetchone()[0]
    a, b = [r[0] for r in conn.execute("select id from articles where story_id = ? order by id limit 2", [story])]
    word = name_like_word(conn, story)
    conn.close()
    return [
        ("story page", f"/-/newsdiff/{name}/story/{story}"),
        ("compare page", f"/-/newsdiff/{name}/compare/{a}/{b}"),
        ("articles table", f"/{name}/articles"),
        ("sentences table", f"/{name}/sentences"),
        ("aligned_pairs view", f"/{name}/aligned_pairs"),
        ("article row", f"/{name}/articles/{a}"),
        ("full-text search", f"/{name}/sentences?_search={word}"),
        ("canned: story conflicts", f"/{name}/story_conflicts?story={story}"),
        ("canned: shared claims", f"/{name}/shared_claims"),
    ]


async def drive(base, url, clients, seconds):
    latencies, errors = [], 0
    deadline = time.monotonic() + seconds
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        async def one():
            nonlocal errors
            while time.monotonic() < deadline:
                started = time.perf_counter()
                try:
                    response = await client.get(url)
                    if response.status_code != 200:
                        errors += 1
                except httpx.HTTPError:
                    errors += 1
                latencies.append(time.perf_counter() - started)

        await asyncio.gather(*(one() for _ in range(clients)))
    return latencies, errors


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--db", help="an existing newsdiff database to serve instead")
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--seconds", type=float, default=15.0, help="per target")
    ap.add_argument("--dir", help="where to build and keep the database (default: a temporary folder)")
    ap.add_argument("--setting", nargs=2, action="append", default=[], metavar=("NAME", "VALUE"),
                    help="a Datasette setting for the server, e.g. --setting suggest_facets off (repeatable)")
    ap.add_argument("--only", help="drive only the targets whose label contains this text")
    args = ap.parse_args()
    folder = args.dir or tempfile.mkdtemp(prefix="newsdiff-load-")
    path = args.db or build(args.articles, folder)
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "datasette", "serve", "-i", path, "-p", str(port),
                               "-h", "127.0.0.1", "--setting", "num_sql_threads", "4",
                               *[part for name, value in args.setting for part in ("--setting", name, value)]],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                httpx.get(base + "/-/versions.json", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.2)
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        n = conn.execute("select count(*) from articles").fetchone()[0]
        conn.close()
        settings = "".join(f", --setting {name} {value}" for name, value in args.setting)
        print(f"# {n:,} articles, {args.clients} clients, {args.seconds:g} s per target, datasette -i on loopback{settings}")
        print(f"| {'target':<26} | {'req/s':>7} | {'p50 ms':>7} | {'p99 ms':>7} | errors |")
        print(f"|{'-' * 28}|{'-' * 9}|{'-' * 9}|{'-' * 9}|--------|")
        for label, url in targets(path):
            if args.only and args.only not in label:
                continue
            httpx.get(base + url, timeout=60)       # warm: first render and caches
            latencies, errors = asyncio.run(drive(base, url, args.clients, args.seconds))
            latencies.sort()
            p99 = latencies[min(len(latencies) - 1, int(0.99 * len(latencies)))]
            print(f"| {label:<26} | {len(latencies) / args.seconds:7.1f} | {statistics.median(latencies) * 1000:7.0f} | "
                  f"{p99 * 1000:7.0f} | {errors:6d} |", flush=True)
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
