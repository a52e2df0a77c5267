"""Greedy agglomeration: the one merging loop behind stories (ingest/stories.py) and
claims (ingest/claims.py).

Both repeatedly merge the best-linked pair of neighbouring clusters until no pair
qualifies. A merge changes only the links of the merged cluster, so every other pair's
link stays in a heap (recomputing all of them after every merge is quadratic in the
merges); an entry is stale once either of its clusters has changed (a version count).
What a link is and what merging means stay with the caller.
"""

import heapq


def agglomerate(rank, neighbours, link, merge):
    """Merge clusters until no neighbouring pair has a link; returns the surviving keys.

    rank: {cluster key: int}, distinct; on equal links the pair of lower ranks merges
        first, and the lower-ranked cluster of a pair survives (so keys do not depend on
        the order of merges).
    neighbours: {cluster key: set of keys} that may be compared (symmetric); updated.
    link(a, b): a tuple of numbers, higher is better, or None when a and b may not merge;
        called with rank[a] < rank[b].
    merge(keep, gone): fold cluster gone into keep (the caller's state).
    """
    version = dict.fromkeys(rank, 0)
    heap = []

    def entry(g, h):
        a, b = (g, h) if rank[g] < rank[h] else (h, g)
        score = link(a, b)
        if score is None:
            return None
        return (*(-x for x in score), rank[a], rank[b], version[a], version[b], a, b)

    for g, ns in neighbours.items():
        for h in ns:
            e = entry(g, h) if rank[g] < rank[h] else None
            if e:
                heap.append(e)
    heapq.heapify(heap)
    alive = set(rank)
    while heap:
        *_, vg, vh, g, h = heapq.heappop(heap)
        if g not in alive or h not in alive or version[g] != vg or version[h] != vh:
            continue
        merge(g, h)
        alive.discard(h)
        version[g] += 1
        for x in neighbours.pop(h):
            neighbours[x].discard(h)
            if x != g:
                neighbours[x].add(g)
                neighbours[g].add(x)
        neighbours[g].discard(h)
        neighbours[g].discard(g)
        # Any push order will do: entries are distinct and totally ordered, so the pops are too.
        for x in neighbours[g]:
            e = entry(g, x)
            if e:
                heapq.heappush(heap, e)
    return alive
