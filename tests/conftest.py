import os
import pathlib

import pytest
import yaml
from datasette.app import Datasette

from ingest import pipeline, store

ROOT = pathlib.Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "ingest" / "example"
# The public benchmark data beside the repository (as benchmarks/data.py finds it).
BENCHMARKS = pathlib.Path(os.environ.get("NEWSDIFF_BENCHMARKS", ROOT.parent / "shared" / "benchmarks"))


def build(path, paths, **kwargs):
    db = store.open_db(str(path))
    report = pipeline.ingest(db, [str(p) for p in paths], **kwargs)
    db.conn.close()
    return report


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "newsdiff-demo.db"
    report = build(path, [EXAMPLE])
    assert report.added == 5 and not report.errors
    return path


@pytest.fixture
def ds(demo_db):
    metadata = yaml.safe_load((ROOT / "metadata.yml").read_text())
    return Datasette(immutables=[str(demo_db)], metadata=metadata)


async def sql(ds, query, **params):
    """Rows of a read-only query through Datasette's JSON API, on 0.65 and the 1.0 alphas."""
    response = await ds.client.get(
        "/newsdiff-demo.json", params={"sql": query, "_shape": "array", **params}, follow_redirects=True
    )
    assert response.status_code == 200, response.text
    return response.json()


HOSTILE = (
    "Rutte <script>window.pwned = 1</script> warns Moscow\n\n"
    "NATO said <b>bold</b> & <img src=x onerror=\"window.pwned = 2\"> things about 5 billion euros today."
)


@pytest.fixture(scope="session")
def hostile_db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "hostile.txt").write_text(HOSTILE)
    path = folder / "hostile.db"
    build(path, [folder / "hostile.txt"])
    return path
