"""Whole pages of an immutable newsdiff database are rendered once and kept; nothing else
is (mutable databases, other databases, signed-in readers, errors)."""
import sqlite3

import pytest
from datasette.app import Datasette

from datasette_newsdiff import responses

from .conftest import EXAMPLE, build


def kept(ds):
    return responses._kept[ds].responses if ds in responses._kept else {}


@pytest.mark.asyncio
async def test_an_immutable_newsdiff_page_is_rendered_once(demo_db):
    ds = Datasette(immutables=[str(demo_db)])
    first = await ds.client.get("/newsdiff-demo/articles")
    assert first.status_code == 200 and len(kept(ds)) == 1
    again = await ds.client.get("/newsdiff-demo/articles")
    assert again.text == first.text and again.headers["content-type"] == first.headers["content-type"]
    # another query string is another page; an error is never kept
    await ds.client.get("/newsdiff-demo/articles?_size=2")
    await ds.client.get("/newsdiff-demo/no_such_table")
    assert len(kept(ds)) == 2
    # a reader with a cookie (a signed-in actor) is always served afresh
    await ds.client.get("/newsdiff-demo/sentences", cookies={"ds_actor": "someone"})
    assert len(kept(ds)) == 2


@pytest.mark.asyncio
async def test_a_mutable_database_always_shows_its_latest_rows(tmp_path):
    path = tmp_path / "live.db"
    build(path, [EXAMPLE / "000_8adcdc99af5f697a.txt"])
    ds = Datasette([str(path)])
    before = (await ds.client.get("/live/articles.json?_shape=array")).json()
    build(path, [EXAMPLE / "001_cd5647c306864531.txt"])
    after = (await ds.client.get("/live/articles.json?_shape=array")).json()
    assert len(after) == len(before) + 1 and not kept(ds)


@pytest.mark.asyncio
async def test_a_database_that_is_not_newsdiffs_is_left_alone(tmp_path):
    path = tmp_path / "blog.db"
    conn = sqlite3.connect(path)
    conn.execute("create table articles (id integer primary key, text text)")
    conn.execute("insert into articles (text) values ('hello')")
    conn.commit()
    conn.close()
    ds = Datasette(immutables=[str(path)])
    assert (await ds.client.get("/blog/articles")).status_code == 200
    assert not kept(ds)
