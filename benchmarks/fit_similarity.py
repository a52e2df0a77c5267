"""Fit the pair model of newsdiff_similarity on the MSRP train split; print its constants.

    NEWSDIFF_MSRP=DIR python benchmarks/fit_similarity.py      (from the repository root)

The pair model (ingest/similarity.py, PAIR_FEATURES / PAIR_WEIGHTS / PAIR_BIAS) is a
logistic regression over the evidence of a pair of sentences without a story around
them. This script reads only msr_paraphrase_train.txt (Microsoft's paraphrase labels,
4,076 news sentence pairs; not redistributable, so not in the repository: see
benchmarks/similarity.py for where it is looked for), computes each pair's features with
the production code, and fits the model: features standardised, L2 penalty chosen by
10-fold cross-validation on train (accuracy at the best threshold of each fold's own
training part), weights printed on the raw features' scale, ready to paste into
ingest/similarity.py. The test split is never read: benchmarks/similarity.py reports the
held-out accuracy.

Deterministic: the folds come from a seeded shuffle and L-BFGS starts from zeros.
"""
import argparse
import random

import numpy as np
from scipy.optimize import minimize
from similarity import best_threshold, load_msrp, msrp_dir

from ingest.similarity import PAIR_FEATURES, Scorer, is_difference

PENALTIES = (0.1, 0.3, 1.0, 3.0, 10.0, 30.0)
FOLDS = 10


def features(a, b):
    """The pair model's input for one pair: what newsdiff_similarity(a, b) feeds pair_score."""
    return Scorer([a, b]).evidence([0], 1)


def signs():
    """Bounds that keep the score monotone in its evidence: more agreement never lowers
    it, a larger difference (similarity.is_difference) never raises it."""
    return [(None, 0.0) if is_difference(name) else (0.0, None) for name in PAIR_FEATURES] + [(None, None)]


def fit(x, y, penalty):
    """(weights, bias) of an L2-penalised logistic regression on standardised x, each
    weight of the sign signs() gives."""
    x1 = np.hstack([x, np.ones((len(x), 1))])

    def loss(w):
        z = x1 @ w
        grad = x1.T @ (1 / (1 + np.exp(-z)) - y)
        grad[:-1] += penalty * w[:-1]
        return np.sum(np.logaddexp(0, z) - y * z) + 0.5 * penalty * w[:-1] @ w[:-1], grad

    w = minimize(loss, np.zeros(x1.shape[1]), jac=True, method="L-BFGS-B", bounds=signs()).x
    return w[:-1], w[-1]


def cross_validated(x, y, penalty, folds):
    """Mean accuracy over the folds, each fold's threshold chosen on its training part."""
    accs = []
    for held in folds:
        rest = np.setdiff1d(np.arange(len(y)), held)
        w, b = fit(x[rest], y[rest], penalty)
        t, _ = best_threshold(list(x[rest] @ w + b), list(y[rest]))
        accs.append(np.mean((x[held] @ w + b >= t) == (y[held] == 1)))
    return float(np.mean(accs))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--msrp", help="folder with msr_paraphrase_train.txt")
    folder = msrp_dir(ap.parse_args().msrp)
    if folder is None:
        raise SystemExit("MSRP not found ($NEWSDIFF_MSRP or <benchmarks>/msrp/)")
    train = load_msrp(folder, "train")
    raw = np.array([features(a, b) for _, a, b in train])
    y = np.array([label for label, _, _ in train], dtype=float)
    centre, scale = raw.mean(axis=0), raw.std(axis=0)
    scale[scale == 0] = 1.0
    x = (raw - centre) / scale
    order = list(range(len(y)))
    random.Random(1).shuffle(order)
    folds = [np.array(order[k::FOLDS]) for k in range(FOLDS)]
    print(f"# MSRP train: {len(y)} pairs, {FOLDS}-fold cross-validated accuracy by L2 penalty")
    cv = {p: cross_validated(x, y, p, folds) for p in PENALTIES}
    for p, acc in cv.items():
        print(f"#   penalty {p:5}: {acc:.3f}")
    penalty = max(PENALTIES, key=lambda p: (round(cv[p], 4), p))   # ties: the stronger penalty
    w, b = fit(x, y, penalty)
    weights, bias = w / scale, b - float(w / scale @ centre)
    t, acc = best_threshold(list(raw @ weights + bias), list(y))
    print(f"# penalty {penalty}: train accuracy {acc:.3f} at logit {t:.3f}")
    print("PAIR_WEIGHTS = (" + ", ".join(f"{v:.4f}" for v in weights) + ")")
    print(f"PAIR_BIAS = {bias:.4f}")
    for name, v in zip(PAIR_FEATURES, weights):
        print(f"#   {name:20} {v:8.4f}")


if __name__ == "__main__":
    main()
