"""Publishing: what `datasette publish cloudrun --install datasette-newsdiff` builds, checked
offline with a stand-in `gcloud` on PATH (Docker and Google Cloud are not needed), and the
read-only site it serves (the database immutable, the plugin providing everything else).
"""

import json
import os
import shlex
import stat
import subprocess
import sys

import pytest
from datasette.app import Datasette

from datasette_newsdiff.queries import QUERIES

from .conftest import ROOT

# Answers what Datasette asks gcloud, records every call, and keeps a copy of the folder it
# is asked to build (the generated Dockerfile, metadata.json and the database).
GCLOUD = """#!/bin/sh
echo "$@" >> "$GCLOUD_LOG"
case "$*" in
  "config get-value project") echo newsdiff-project ;;
  "run services list"*) echo "[]" ;;
  "builds submit"*) cp -r . "$GCLOUD_COPY" ;;
esac
exit 0
"""


@pytest.fixture(scope="module")
def published(demo_db, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("publish")
    bin_dir = tmp / "bin"
    bin_dir.mkdir()
    gcloud = bin_dir / "gcloud"
    gcloud.write_text(GCLOUD)
    gcloud.chmod(gcloud.stat().st_mode | stat.S_IEXEC)
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
           "GCLOUD_LOG": str(tmp / "gcloud.log"), "GCLOUD_COPY": str(tmp / "build")}
    command = [sys.executable, "-m", "datasette", "publish", "cloudrun", str(demo_db),
               "--install", "datasette-newsdiff", "--service", "newsdiff", "-m", str(ROOT / "metadata.yml")]
    result = subprocess.run(command, env=env, cwd=tmp, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return {"calls": (tmp / "gcloud.log").read_text().splitlines(), "build": tmp / "build"}


def test_the_plugin_is_installed_in_the_image(published):
    dockerfile = (published["build"] / "Dockerfile").read_text()
    [install] = [line for line in dockerfile.splitlines() if line.startswith("RUN pip install")]
    assert "datasette-newsdiff" in shlex.split(install)


def test_the_database_is_served_immutable_with_the_demo_metadata(published):
    dockerfile = (published["build"] / "Dockerfile").read_text()
    [cmd] = [line for line in dockerfile.splitlines() if line.startswith("CMD") or "datasette serve" in line]
    assert "-i newsdiff-demo.db" in cmd and "--metadata metadata.json" in cmd
    assert (published["build"] / "newsdiff-demo.db").exists()
    metadata = json.loads((published["build"] / "metadata.json").read_text())
    # The demo's own metadata only: titles, licence, source. Tables, columns and queries
    # come from the plugin in the image, for this database or any other newsdiff one.
    assert metadata["title"].startswith("newsdiff demo") and metadata["license"] and metadata["source"]
    assert "databases" not in metadata


def test_gcloud_builds_then_deploys_the_service(published):
    calls = published["calls"]
    assert any(c.startswith("builds submit --tag") for c in calls)
    assert any(c.startswith("run deploy") and " newsdiff" in c for c in calls)


@pytest.mark.asyncio
async def test_the_published_site_has_everything_without_writing(demo_db):
    # What the image runs: the file immutable, metadata.json beside it, the plugin installed.
    import yaml

    metadata = yaml.safe_load((ROOT / "metadata.yml").read_text())
    ds = Datasette(immutables=[str(demo_db)], metadata=metadata)
    assert not ds.get_database("newsdiff-demo").is_mutable
    for path in ["/newsdiff-demo", "/newsdiff-demo/articles", "/newsdiff-demo/articles/1",
                 "/newsdiff-demo/aligned_pairs", "/newsdiff-demo/search_sentences?q=Siyarto",
                 "/newsdiff-demo/story_conflicts?story=1", "/newsdiff-demo/article_alignments?article=1"]:
        response = await ds.client.get(path)
        assert response.status_code == 200, path
        assert "newsdiff.css" in response.text
    page = (await ds.client.get("/newsdiff-demo/articles")).text
    assert "One row per article." in page and "Quoted for research" in page
    listing = (await ds.client.get("/newsdiff-demo")).text
    if "/newsdiff-demo/-/queries" in listing:
        listing += (await ds.client.get("/newsdiff-demo/-/queries")).text
    assert all(q["title"] in listing for q in QUERIES.values())
