"""Clustering scores shared by the story benchmarks."""

from collections import defaultdict


def bcubed(gold, pred):
    """B-cubed precision, recall, F1 (Bagga & Baldwin), averaged over articles."""
    gsets, psets = defaultdict(set), defaultdict(set)
    for i, g in gold.items():
        gsets[g].add(i)
    for i, p in pred.items():
        psets[p].add(i)
    P = R = 0.0
    for i in gold:
        inter = len(gsets[gold[i]] & psets[pred[i]])
        P += inter / len(psets[pred[i]])
        R += inter / len(gsets[gold[i]])
    P, R = P / len(gold), R / len(gold)
    return P, R, 2 * P * R / (P + R)
