"""Which databases are newsdiff's: the one check every hook makes.

ingest/store.py writes the marker: a table newsdiff_meta(key, value) holding
('schema', 'newsdiff') and ('schema_version', n). Table names alone prove nothing: a
blog database may well have `articles` and `sentences`, and it must be left exactly as
Datasette renders it.
"""

import pathlib
import sqlite3
import weakref

# Database object -> True/False, so a page asks SQLite once, not once per cell.
_known = weakref.WeakKeyDictionary()


def _database(datasette, database):
    """The Database named `database`, or None for an internal or unknown name."""
    if not database or database.startswith("_"):
        return None
    try:
        return datasette.get_database(database)
    except KeyError:
        return None


async def is_newsdiff(datasette, database):
    """True when the database named `database` carries the newsdiff marker."""
    db = _database(datasette, database)
    if db is None:
        return False
    if db not in _known:
        found = await _has_marker(db)
        # A mutable database may be ingested into while it is served: only a yes, or
        # the answer of an immutable file, is final.
        if found or not db.is_mutable:
            _known[db] = found
        return found
    return _known[db]


async def _has_marker(db):
    try:
        if not await db.table_exists("newsdiff_meta"):
            return False
        rows = await db.execute("select value from newsdiff_meta where key = 'schema'")
    except sqlite3.DatabaseError:  # a newsdiff_meta table of some other shape
        return False
    return [tuple(r) for r in rows.rows] == [("newsdiff",)]


def is_newsdiff_now(datasette, database):
    """The same answer, without awaiting: for Datasette 0.65's get_metadata hook, which is
    called synchronously. Uses the cached answer, else reads the file (read-only)."""
    db = _database(datasette, database)
    if db is None:
        return False
    if db in _known:
        return _known[db]
    if not db.path:  # an in-memory database: asked again through is_newsdiff()
        return False
    try:
        conn = sqlite3.connect(pathlib.Path(db.path).resolve().as_uri() + "?mode=ro", uri=True)
        try:
            rows = conn.execute("select value from newsdiff_meta where key = 'schema'").fetchall()
        finally:
            conn.close()
    except sqlite3.Error:
        rows = []
    found = rows == [("newsdiff",)]
    if found or not db.is_mutable:
        _known[db] = found
    return found
