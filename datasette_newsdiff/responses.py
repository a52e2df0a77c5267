"""Whole responses of an immutable newsdiff database, kept in memory.

A database served with `datasette -i` (or a published copy) cannot change while it is
served, so the page Datasette renders for a URL is the same for every anonymous reader:
the second request for it is answered from here, not rendered again (a table page costs
Datasette 0.5 s or more of facet suggestions and templating on a large database, see
docs/scale.md). Only GET requests without cookies or credentials are kept, only 200
responses that set no cookie, and at most MAX_BYTES in all, least recently used first out.
A mutable database is never kept: an ingest may write to it while it is served.
"""

import os
import weakref
from collections import OrderedDict

from .marker import is_newsdiff

MAX_BYTES = 64 * 1024 * 1024      # per Datasette instance
MAX_RESPONSE = 2 * 1024 * 1024


class Kept:
    """One Datasette instance's responses: (file, its size and time, path, query) ->
    (start message, body), least recently used first."""

    def __init__(self):
        self.responses, self.size = OrderedDict(), 0

    def add(self, key, start, body):
        self.responses[key] = (start, body)
        self.size += len(body)
        while self.size > MAX_BYTES:
            _, (_, old) = self.responses.popitem(last=False)
            self.size -= len(old)


# Per instance: two Datasettes of one process may serve one file with other metadata.
_kept = weakref.WeakKeyDictionary()


def database_of(datasette, path):
    """The database a request path belongs to, or None (internal and plugin pages)."""
    prefix = datasette.urls.path("/")
    if not path.startswith(prefix):
        return None
    first = path[len(prefix):].split("/", 1)[0]
    name = first.split(".", 1)[0] if "." in first else first
    for candidate in (first, name):
        if candidate in datasette.databases and not candidate.startswith("_"):
            return candidate
    return None


def anonymous_get(scope):
    if scope.get("type") != "http" or scope.get("method") != "GET":
        return False
    names = {name.lower() for name, _ in scope.get("headers", ())}
    return b"cookie" not in names and b"authorization" not in names


def wrap(datasette, app):
    async def serve(scope, receive, send):
        if not anonymous_get(scope):
            return await app(scope, receive, send)
        name = database_of(datasette, scope.get("path", ""))
        db = datasette.databases.get(name) if name else None
        if db is None or db.is_mutable or not await is_newsdiff(datasette, name):
            return await app(scope, receive, send)
        stat = os.stat(db.path)
        key = (db.path, stat.st_size, stat.st_mtime_ns, scope.get("path"), scope.get("query_string", b""))
        kept = _kept.setdefault(datasette, Kept())
        if key in kept.responses:
            kept.responses.move_to_end(key)
            start, body = kept.responses[key]
            await send(start)
            await send({"type": "http.response.body", "body": body})
            return
        start, chunks = {}, []

        async def keep(message):
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
            await send(message)

        await app(scope, receive, keep)
        body = b"".join(chunks)
        headers = {name.lower() for name, _ in start.get("headers", ())}
        if start.get("status") == 200 and b"set-cookie" not in headers and len(body) <= MAX_RESPONSE:
            kept.add(key, dict(start), body)

    return serve
