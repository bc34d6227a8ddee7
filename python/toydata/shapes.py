# The 2-D toy sets (src/data/datasets.ts): Gaussian blobs on a circle and interleaved spirals.
import math

import numpy as np

from .split import split_by_class


def make_blobs(classes, per_class, noise, test_fraction, rng):
    """C Gaussian clusters with centres evenly on the unit circle; σ = noise."""
    x = np.zeros((classes * per_class, 2))
    for c in range(classes):
        a = 2 * math.pi * c / classes
        for i in range(per_class):
            x[c * per_class + i, 0] = math.cos(a) + noise * rng.normal()
            x[c * per_class + i, 1] = math.sin(a) + noise * rng.normal()
    return split_by_class(x.astype(np.float32), classes, per_class, test_fraction, rng)


def make_spirals(classes, per_class, noise, test_fraction, rng):
    """C spiral arms of 1.5 turns within the unit disc; noise jitters the angle and the radius."""
    x = np.zeros((classes * per_class, 2))
    for c in range(classes):
        for i in range(per_class):
            t = 0.08 + 0.92 * ((i + rng.next()) / per_class)
            a = 2 * math.pi * c / classes + 2 * math.pi * 1.5 * t + noise * rng.normal()
            r = t + 0.05 * noise * rng.normal()
            x[c * per_class + i] = r * math.cos(a), r * math.sin(a)
    return split_by_class(x.astype(np.float32), classes, per_class, test_fraction, rng)


def hold_out_last_classes(data, h):
    """Classes C−h…C−1 leave training: all their samples (train, then test; 300 at most each) become `heldout`."""
    if h <= 0:
        return data
    C = data["classes"] - h
    train, test = data["train"], data["test"]
    pooled_x = np.concatenate([train["x"][train["y"] >= C], test["x"][test["y"] >= C]])
    pooled_y = np.concatenate([train["y"][train["y"] >= C], test["y"][test["y"] >= C]]) - C
    rows = np.concatenate([np.flatnonzero(pooled_y == c)[:300] for c in range(h)])
    keep = lambda s: {"x": s["x"][s["y"] < C], "y": s["y"][s["y"] < C]}
    return {**data, "classes": C, "train": keep(train), "test": keep(test),
            "heldout": {"x": pooled_x[rows], "y": pooled_y[rows].astype(np.int32)}}
