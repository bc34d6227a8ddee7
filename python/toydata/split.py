# The seeded per-class train/test split (src/data/stratified.ts).
import numpy as np

from .rng import js_round, shuffle


def stratified_split(x, y, classes, test_fraction, rng):
    """Each class keeps `test_fraction` of its rows for the test set (one at least stays in training); both shuffled."""
    train, test = [], []
    for c in range(classes):
        rows = [i for i in range(len(y)) if y[i] == c]
        shuffle(rows, rng)
        n_test = min(max(0, len(rows) - 1), js_round(len(rows) * test_fraction))
        test += rows[:n_test]
        train += rows[n_test:]
    shuffle(train, rng)
    shuffle(test, rng)
    return {"x": x[train], "y": y[train].astype(np.int32)}, {"x": x[test], "y": y[test].astype(np.int32)}


def split_by_class(x, classes, per_class, test_fraction, rng):
    """Rows grouped by class (`per_class` each, in order), split per class."""
    y = np.repeat(np.arange(classes, dtype=np.int32), per_class)
    return stratified_split(x, y, classes, test_fraction, rng)
