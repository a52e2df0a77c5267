"""A folder of mixed files, broken ones included, ingests in one command; the closing
summary matches the database and names every failure."""
import gzip
import json
import os
import re
import sqlite3

import pytest
from click.testing import CliRunner

from ingest.cli import cli

from .conftest import BENCHMARKS, EXAMPLE

PAGES = BENCHMARKS / "pages" / "html"
ECB = BENCHMARKS / "clusters" / "ecbplus_docs.jsonl"
pytestmark = pytest.mark.skipif(not (PAGES.exists() and ECB.exists()), reason="benchmark data not beside the checkout")


def mixed_folder(root):
    """Real articles in every format, and one file of each broken kind. Returns the
    number of files that must fail."""
    (root / "txt").mkdir()
    for path in sorted(EXAMPLE.glob("*.txt")):
        (root / "txt" / path.name).write_bytes(path.read_bytes())
    (root / "html").mkdir()
    for path in sorted(PAGES.glob("*.html.gz"))[:12]:
        (root / "html" / path.name.removesuffix(".gz")).write_bytes(gzip.decompress(path.read_bytes()))
    with open(ECB, encoding="utf-8") as f:
        docs = [json.loads(line) for line in f][::40][:20]
    records = [{"title": d["sentences"][1], "text": "\n".join(d["sentences"][2:]), "url": d["doc_name"]}
               for d in docs if len(d["sentences"]) > 3]
    (root / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in records[:10]) + "\n")
    (root / "export.json").write_text(json.dumps({"articles": records[10:]}))
    broken = root / "broken"
    broken.mkdir()
    (broken / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    (broken / "empty.txt").write_text("")
    (broken / "bad.json").write_text('{"text": ')
    (broken / "wrong-type.json").write_text('{"text": 12345}')
    os.mkfifo(broken / "fifo.txt")
    (broken / "loop").symlink_to(broken, target_is_directory=True)
    return 5


def test_a_mixed_folder_ingests_in_one_command_with_a_true_summary(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    failing = mixed_folder(folder)
    db = tmp_path / "news.db"
    result = CliRunner().invoke(cli, ["ingest", str(db), str(folder)])
    assert result.exit_code == 1          # failures make the status 1; the rest is stored
    output = result.output
    errors = [line for line in output.splitlines() if line.startswith("error: ")]
    assert len(errors) == failing, output
    assert all(str(folder / "broken") in line for line in errors)
    summary = re.search(r"(\d+) articles? added, (\d+) already stored, (\d+) stor(?:y|ies) updated, "
                        r"(\d+) repaired, (\d+) errors?", output)
    assert summary, output
    added, _, stories, _, n_errors = map(int, summary.groups())
    conn = sqlite3.connect(db)
    assert added == conn.execute("select count(*) from articles").fetchone()[0] > 30
    assert stories == conn.execute("select count(*) from stories").fetchone()[0]
    assert n_errors == failing
    assert "failures: " in output and "time: " in output
    assert conn.execute("select count(*) from stories where pending = 1").fetchone()[0] == 0
    # a second run adds nothing and says so
    again = CliRunner().invoke(cli, ["ingest", str(db), str(folder)])
    assert f"0 articles added, {added} already stored" in again.output
