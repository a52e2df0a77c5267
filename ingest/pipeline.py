"""Runs the stages: read -> structure -> segment -> numbers -> stories -> align -> claims
-> conflicts -> provenance -> store.

Articles are read and analysed in batches (in worker processes, or as tasks on a Dask
cluster), each batch stored in one transaction; then the articles in no story yet are
assigned, and every story whose analysis is pending is analysed (in parallel too) and
stored, several stories a transaction, each story all or nothing. Only this module's
caller writes through ingest/store.py; what runs in workers is pure.
"""

import collections
import concurrent.futures
import contextlib
import functools
import hashlib
import itertools
import multiprocessing
import os
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components

from . import align, boilerplate, claims, conflicts, diff, numbers, provenance, readers, segment, stories, store, structure
from .records import Article, StoryAnalysis, StoryInputs
from .text import parse_iso

BATCH = 200
# New articles are put into stories this many at a time, each chunk one transaction, so
# memory (their texts, term vectors and candidate links) stays flat however large a first
# ingest is; a later chunk joins or merges the stories earlier ones made (stories.merges).
ASSIGN_BATCH = 5000
# Stories analysed in one task, and written in one transaction (a commit waits for the
# disk, ~15 ms, longer than aligning a small story takes); each story all or nothing.
STORY_TASK = 8
# Fewer articles or stories than this in a stage are not worth sending to workers.
PARALLEL_MIN = 8
# Tasks running or queued on the pool at once, so workers do not wait for the writer ...
IN_FLIGHT = 16
# ... and tasks sent but not yet taken by the writer at most (done ones wait for a long
# task before them to finish, as results are written in the order sent): what waits in
# memory stays bounded however long the input is.
HELD = 32
# A task holds at most this many articles' work (a story's articles, a part's docs),
# unless one item alone weighs more: a large story or part is a task of its own.
TASK_WEIGHT = 100


@dataclass
class Report:
    added: int = 0
    duplicates: int = 0
    errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    new_ids: list = field(default_factory=list)
    stories: set = field(default_factory=set)
    repaired: int = 0    # stories an interrupted run had left unanalysed
    seconds: dict = field(default_factory=dict)   # stage -> wall time

    def timed(self, stage, started):
        self.seconds[stage] = self.seconds.get(stage, 0.0) + time.monotonic() - started


@contextlib.contextmanager
def executor(workers=None, scheduler=None):
    """Where the pure analysis runs: a Dask cluster (scheduler address), worker processes
    on this machine, or this process (None). Both stages use it; the writer stays here."""
    if scheduler:
        # Dask ships the functions by reference: the workers need datasette-newsdiff installed.
        from distributed import Client

        with Client(scheduler) as client:
            yield client.get_executor()
        return
    workers = workers or os.cpu_count() or 1
    if workers == 1:
        yield None
        return
    # Workers forked from a small server process, not from this one: a fork would start
    # each worker as large as the writer is by then (the input text, the candidate keys).
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["ingest.pipeline"])
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        yield pool


def run(pool, function, items, chunksize=8, weight=None):
    """function over items, in order: on the pool when there is one and enough to do, in
    tasks of `chunksize` items (Dask's executor ignores map's chunksize, and a task there
    costs ~3.4 ms, as much as analysing an article)."""
    return [out for outs in run_chunks(pool, function, items, chunksize, weight) for out in outs]


def run_chunks(pool, function, items, chunksize=8, weight=None):
    """function over the items of an iterable, as lists of results of up to `chunksize`
    items (fewer when weight(item) of them adds up to more than TASK_WEIGHT), in order. On
    the pool (PARALLEL_MIN items or more), tasks are sent as their items are read and
    results come back as tasks finish (_in_order): the caller reads inputs and writes
    results while the workers compute."""
    items = iter(items)
    head = list(itertools.islice(items, PARALLEL_MIN))
    chunks = batches(itertools.chain(head, items), chunksize, weight)
    if pool is None or len(head) < PARALLEL_MIN:
        return ([function(item) for item in chunk] for chunk in chunks)
    return _in_order(pool, function, chunks)


def _in_order(pool, function, chunks):
    """The results of the chunks' tasks in the order sent, with IN_FLIGHT tasks kept
    running or queued and at most HELD sent: a long task at the head does not stop the
    workers from going on with the tasks after it."""
    waiting = collections.deque()
    chunks = iter(chunks)
    more = True
    try:
        while True:
            while more and len(waiting) < HELD and sum(not f.done() for f in waiting) < IN_FLIGHT:
                chunk = next(chunks, None)
                if chunk is None:
                    more = False
                else:
                    waiting.append(pool.submit(apply_all, function, chunk))
            if not waiting:
                return
            if not waiting[0].done() and more and len(waiting) < HELD:
                # a task ends, then the window is topped up
                concurrent.futures.wait([f for f in waiting if not f.done()], return_when=concurrent.futures.FIRST_COMPLETED)
                continue
            yield waiting.popleft().result()
    finally:
        for future in waiting:       # the caller stopped early (an error): drop the rest
            future.cancel()


def apply_all(function, items):
    return [function(item) for item in items]


def content_hash(text):
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()


def analyse(raw):
    """A records.RawArticle from readers -> a records.Article with its sentences and figures."""
    text = raw.text
    known = {"title": raw.title, "outlet": raw.outlet, "byline": raw.byline, "published": raw.published}
    sentences, meta = structure.analyse(segment.segment(text), known)
    for idx, s in enumerate(sentences):
        s.idx = idx
        s.figures = numbers.extract(s.text)
        s.text_hash = boilerplate.text_key(s.text)
        if s.role == "body" and boilerplate.is_pattern(s.text):
            s.role = "boilerplate"
    body = " ".join(s.text for s in sentences if s.role == "body")
    return Article(
        source=raw.source,
        outlet=meta.get("outlet"),
        title=meta.get("title"),
        byline=meta.get("byline"),
        published=iso_date(meta.get("published")),
        url=raw.url,
        text=text,
        content_hash=content_hash(text),
        fingerprint=stories.fingerprint(body or text, meta.get("title")),
        name=article_name(meta.get("outlet"), raw.source),
        site=boilerplate.site_of(raw.url, meta.get("outlet")),
        sentences=sentences,
    )


def article_name(outlet, source):
    """A short name a reader tells articles apart by: the outlet, else the web site, else
    the file name without its extension ("feed#3" for the third record of feed.jsonl)."""
    if outlet and outlet.strip():
        return " ".join(outlet.split())[:60]
    parts = urlsplit(source)
    if parts.scheme in ("http", "https") and parts.netloc:
        return parts.netloc.removeprefix("www.")
    name, _, record = os.path.basename(source).partition("#")
    name = os.path.splitext(name)[0] or name
    return f"{name}#{record}" if record else name


def story_labels(docs):
    """{article id: name} for one story's details; names two articles share get their ids."""
    counts = {}
    for d in docs:
        counts[d.name] = counts.get(d.name, 0) + 1
    return {d.id: d.name if d.name and counts[d.name] == 1 else f"{d.name or 'article'} #{d.id}" for d in docs}


def iso_date(value):
    """ISO 8601 for what a reader or dateline gave, or None when it cannot be read."""
    parsed = parse_iso(value)
    if parsed is not None:
        return parsed.isoformat()
    if not value:
        return None
    dates = [n.iso for n in numbers.extract(value) if n.kind in ("date", "year") and n.iso]
    return dates[0] if dates else None


def ingest(db, paths, story=None, stdin=None, on_error=None, on_warning=None, progress=None, encoder=None,
           workers=None, scheduler=None):
    """Add the articles found in paths to db and recompute the stories they touch.

    encoder: an embed.Encoder to mix sentence embeddings into alignment, or None.
    workers: processes that analyse articles and stories side by side (default: one
    per CPU); scheduler: a Dask scheduler address to run them on instead.
    progress(stage, done, total): "articles" as batches are stored (total None: the
    input is streamed), then "stories" as they are analysed.
    """
    report = Report()

    def fail(error):
        report.errors.append(error)
        if on_error:
            on_error(error)

    def raw_articles():
        """The articles read, in order; warnings and read errors reported as they come."""
        for item in readers.read(paths, stdin=stdin):
            if isinstance(item, readers.ReadWarning):
                report.warnings.append(item)
                if on_warning:
                    on_warning(item)
            elif isinstance(item, readers.ReadError):
                fail(item)
            else:
                yield item

    def store_read(batch, started):
        report.timed("read and analyse articles", started)
        started = time.monotonic()
        store_batch(db, batch, report)
        report.timed("store articles", started)
        if progress:
            progress("articles", read, None)

    left_over = set(store.pending_stories(db))
    with executor(1 if encoder is not None else workers, scheduler) as pool:
        seen = set()
        read = 0
        batch = []
        started = time.monotonic()
        # Workers analyse the next articles while this process stores a batch of BATCH.
        for outs in run_chunks(pool, analyse_or_error, raw_articles()):
            for article in outs:
                read += 1
                if isinstance(article, readers.ReadError):
                    fail(article)
                elif article.content_hash in seen:
                    report.duplicates += 1
                else:
                    seen.add(article.content_hash)
                    batch.append(article)
            if len(batch) >= BATCH:
                store_read(batch, started)
                batch, started = [], time.monotonic()
        if batch:
            store_read(batch, started)
        elif progress and read:
            progress("articles", read, None)

        _finish_stories(db, report, left_over, story, pool, encoder, progress)
    store.checkpoint(db)
    return report


def _finish_stories(db, report, left_over, story, pool, encoder, progress):
    """Assign every article in no story and analyse every pending story, this run's and
    an earlier one's (left_over: the stories pending when this run started).

    Every run first finishes what an earlier one left undone: articles stored but in no
    story, stories changed but not analysed (records.Story.pending). Each step is one
    transaction, so a run killed at any moment leaves rows a rerun completes exactly."""
    unassigned = store.unassigned_articles(db)
    started = time.monotonic()
    if unassigned:
        report.stories.update(assign_all(db, unassigned, story, pool))
        report.timed("assign stories", started)
    pending = store.pending_stories(db)
    # Stories this run changed without assigning to them (their sentences became a site's
    # boilerplate) are this run's too; only what was pending before it started is an
    # interrupted run's leftover.
    report.stories.update(set(pending) - left_over)
    report.repaired = len(left_over - report.stories)
    started = time.monotonic()
    analyse_stories(db, pending, encoder, pool, progress)
    report.timed("analyse stories", started)


def batches(items, size, weight=None):
    """Lists of up to `size` items, in order; reading stays lazy (the input is streamed).
    weight: a batch also holds at most TASK_WEIGHT of weight(item), or one item alone that
    weighs more (a large story is a task of its own)."""
    batch, total = [], 0
    for item in items:
        w = weight(item) if weight is not None else 0
        if batch and total + w > TASK_WEIGHT:
            yield batch
            batch, total = [], 0
        batch.append(item)
        total += w
        if len(batch) >= size:
            yield batch
            batch, total = [], 0
    if batch:
        yield batch


def largest_first(keys, size):
    """keys by size, largest first, ties by key: the long tasks start first, so the last
    to finish is a short one."""
    return sorted(keys, key=lambda k: (-size(k), k))


def analyse_or_error(raw):
    """analyse(raw), or a ReadError saying why it failed: one bad article must not stop a
    run, and an error has to come back from a worker process as a value."""
    try:
        return analyse(raw)
    except Exception as e:
        return readers.ReadError(raw.source, f"could not analyse: {type(e).__name__}: {e}")


def store_batch(db, batch, report):
    if not batch:
        return
    known = store.known_hashes(db, (a.content_hash for a in batch))
    fresh = [a for a in batch if a.content_hash not in known]
    report.duplicates += len(batch) - len(fresh)
    ids = store.insert_articles(db, fresh, stories.fingerprint)
    report.added += len(ids)
    report.new_ids.extend(ids)


def assign_all(db, new_ids, forced_label=None, pool=None):
    """assign_stories over new_ids, ASSIGN_BATCH at a time (flat memory); returns the ids
    of every story that changed. One index of the stored articles' LSH keys serves the
    whole loop, each chunk added once assigned, so stored fingerprints are read once."""
    index = None if forced_label else stories.Index(store.fingerprints(db))
    changed = set()
    for chunk in batches(new_ids, ASSIGN_BATCH):
        changed |= assign_stories(db, chunk, forced_label, pool, index)
    return changed


def assign_stories(db, new_ids, forced_label=None, pool=None, index=None):
    """Put new articles into stories, in one transaction; returns the ids of every story
    that changed. The grouping runs on the pool, one task per independent part.
    index: a stories.Index of every article already in a story (read from db if None),
    to which the new articles are added."""
    if forced_label:
        return {store.assign_forced(db, new_ids, forced_label)}
    if index is None:
        index = stories.Index(store.fingerprints(db))
    new = store.fingerprints(db, new_ids)
    links = index.candidates(new)
    linked = set(new_ids) | {i for ids in links.values() for i in ids}
    # Average linkage is over whole stories: every member of each linked story takes part,
    # by the summed term vector the store keeps for its story, so only members of a story
    # without one (an older file, a story changed outside grouping) are read with their text.
    members = store.story_members(db, linked) - set(new_ids)
    light = store.story_docs(db, members, text=False)
    terms = store.story_terms(db, {d.story_id for d in light})
    docs = (store.story_docs(db, set(new_ids) | {d.id for d in light if d.story_id not in terms})
            + [d for d in light if d.story_id in terms])
    merged, assignment, sums = {}, {}, {}
    parts = independent_parts(docs, links, terms)
    order = largest_first(range(len(parts)), lambda k: len(parts[k][0]))
    results = run(pool, group_stories, [parts[k] for k in order], chunksize=16, weight=lambda part: len(part[0]))
    for k, (part_merged, part_assignment, part_sums) in sorted(zip(order, results), key=lambda kr: kr[0]):
        merged.update(part_merged)
        # a part's new stories are its own: "new:0" of two parts are two stories
        assignment.update({i: (k, key) if isinstance(key, str) else key for i, key in part_assignment.items()})
        sums.update({(k, key) if isinstance(key, str) else key: v for key, v in part_sums.items()})
    renumbered = renumber_new(assignment)
    keys = {key: renumbered[i] for i, key in assignment.items()}
    changed = store.apply_story_assignment(db, merged, renumbered, {keys.get(key, key): v for key, v in sums.items()})
    index.add(new)
    return changed


def independent_parts(docs, links, terms=None):
    """[(docs, links, terms)]: the candidate graph cut into its connected parts, a stored
    story being one node, each with the kept term vectors of its stored stories (terms:
    store.story_terms()). Linkage only ever compares linked groups, so grouping
    each part alone gives exactly what grouping all of them at once gives."""
    terms = terms or {}
    keys = sorted({("s", d.story_id) if d.story_id is not None else ("n", d.id) for d in docs})
    index = {key: k for k, key in enumerate(keys)}
    node = {d.id: index[("s", d.story_id) if d.story_id is not None else ("n", d.id)] for d in docs}
    edges = [(node[i], node[j]) for i, js in links.items() if i in node for j in js if j in node]
    rows, cols = zip(*edges) if edges else ((), ())
    graph = csr_matrix((np.ones(len(edges), dtype=np.int8), (rows, cols)), shape=(len(keys), len(keys)))
    _, label = connected_components(graph, directed=False)
    parts = {}
    for d in docs:
        parts.setdefault(int(label[node[d.id]]), []).append(d)
    # parts in the order of their first node, so the same input gives the same tasks
    return [(part, {i: links[i] for i in (d.id for d in part) if i in links},
             {s: terms[s] for s in sorted({d.story_id for d in part if d.story_id in terms})})
            for _, part in sorted(parts.items())]


def group_stories(part):
    """(merges, assignment, summed term vectors of the stories that change) of one
    independent part (pure: runs in workers)."""
    docs, links, terms = part
    # Articles that link two stored stories show they were one story all along: the
    # merge and the assignment are stored together. A stored story without a kept vector
    # (an older file, a boilerplate change, --story) takes part by its members' texts.
    sums = {}
    merged, assignment = stories.regroup(docs, links, stored={s: store.unpack_terms(blob) for s, blob in terms.items()},
                                         sums=sums)
    # packed here, on the worker: what goes back to the writer is small and ready to store
    return merged, assignment, {key: store.pack_terms(v) for key, v in sums.items()}


def renumber_new(assignment):
    """The parts' (part, "new:<k>") keys numbered across parts as one stories.assign call
    would: "new:<k>" in order of each new story's smallest article id."""
    first = {}
    for article_id, key in assignment.items():
        if isinstance(key, tuple):
            first[key] = min(first.get(key, article_id), article_id)
    order = {key: f"new:{k}" for k, key in enumerate(sorted(first, key=first.get))}
    return {article_id: order.get(key, key) for article_id, key in assignment.items()}


def analyse_stories(db, story_ids, encoder=None, pool=None, progress=None):
    """Recompute the analysis of these stories, on the pool when given (not with an
    encoder: its torch threads do not survive a fork and use every core already), the
    largest first."""
    sizes = store.story_sizes(db, story_ids)
    inputs = (story_inputs(db, story_id) for story_id in largest_first(story_ids, lambda s: sizes.get(s, 0)))
    analysis = story_analysis if encoder is None else functools.partial(story_analysis, encoder=encoder)
    done = 0
    # reading a story, analysing others and swapping in the finished ones overlap
    for results in run_chunks(pool if encoder is None else None, analysis, inputs, STORY_TASK,
                              weight=lambda i: len(i.docs)):
        store.replace_story_analyses(db, results)
        done += len(results)
        if progress:
            progress("stories", done, len(story_ids))


def story_inputs(db, story_id):
    """What analysing a story needs from the database (records.StoryInputs)."""
    sentences = store.story_sentences(db, story_id)
    docs = store.story_docs(db, store.story_article_ids(db, story_id))
    of = {d.id: d for d in docs}
    for s in sentences:
        of[s.article_id].sentences.append(s)
    return StoryInputs(story_id=story_id, sentences=sentences, docs=docs)


def story_analysis(inputs, encoder=None):
    """The records.StoryAnalysis of one story from its records.StoryInputs; pure."""
    # Boilerplate (a site's template lines) says nothing about the story: not compared.
    sentences = [s for s in inputs.sentences if s.role != "boilerplate"]
    scored, scorer = align.story_scorer(sentences, encoder)
    pairs = align.align(sentences, encoder, scored=(scored, scorer))
    # The word diff of each alignment, stored with it: pages show it without recomputing.
    texts = {s.id: s.text for s in sentences}
    for p in pairs:
        p.diff = diff.diff_html(texts[p.sentence_a], texts[p.sentence_b])
    body = [s for s in sentences if s.role == "body"]
    body_ids = {s.id for s in body}
    # claims scores the body sentences with weights fitted on them alone: refit align's
    # Scorer on them rather than tokenising the story a second time (same scores)
    row = {s.id: k for k, s in enumerate(scored)}
    body_scorer = scorer.subset([row[s.id] for s in body]) if all(s.id in row for s in body) else None
    groups = claims.claims(body, [p for p in pairs if p.sentence_a in body_ids and p.sentence_b in body_ids],
                           body_scorer)
    return StoryAnalysis(
        story_id=inputs.story_id,
        label=stories.label(inputs.docs),
        alignments=pairs,
        claims=groups,
        conflicts=conflicts.story_conflicts(sentences, pairs, groups, inputs.docs, story_labels(inputs.docs)),
        provenance=provenance.story_provenance(inputs.docs, pairs),
    )
