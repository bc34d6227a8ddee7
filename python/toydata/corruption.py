# Label noise and low-quality samples (src/data/corruption.ts), each from a random stream of its own.
import math

import numpy as np

from .rng import Rng, js_round, salted, sequential_sum, shuffle

LABEL_NOISE_SALT = 0x1ABE1
LOW_QUALITY_SALT = 0x10A11
KEEP = 0.3  # a blurred sample keeps this share of its deviation from the mean
BLUR_NOISE = math.sqrt(1 - KEEP * KEEP)


def pick(n, rate, rng):
    """Exactly round(rate·n) distinct indices of 0…n−1, flagged."""
    order = list(range(n))
    shuffle(order, rng)
    flags = np.zeros(n, dtype=bool)
    flags[order[: js_round(min(1, max(0, rate)) * n)]] = True
    return flags


def with_label_noise(data, rate, seed, kind="uniform"):
    """round(rate·n) training labels moved: to a random other class, or (pair) to the next one."""
    if rate <= 0 or data["classes"] < 2:
        return data
    rng = Rng(salted(seed, LABEL_NOISE_SALT))
    noisy = pick(len(data["train"]["y"]), rate, rng)
    y = data["train"]["y"].copy()
    C = data["classes"]
    for i in np.flatnonzero(noisy):
        y[i] = (y[i] + 1 + (0 if kind == "pair" else rng.int(C - 1))) % C
    return {**data, "train": {**data["train"], "y": y}, "noisy": noisy}


def degrade(split, rate, rng):
    """`rate` of a split's samples blurred: KEEP of their deviation from the mean, noise for the rest of its variance."""
    low = pick(len(split["y"]), rate, rng)
    x64 = split["x"].astype(np.float64)
    n = len(x64)
    mean = sequential_sum(x64 / n)
    sd = np.sqrt(sequential_sum((x64 - mean) ** 2 / max(1, n - 1)))
    x = split["x"].copy()
    for i in np.flatnonzero(low):
        x[i] = mean + KEEP * (x64[i] - mean) + BLUR_NOISE * sd * rng.normals(x.shape[1])
    return {**split, "x": x}, low


def with_low_quality(data, rate, seed):
    """`rate` of the training and of the test samples made low-quality (train first, then test)."""
    if rate <= 0:
        return data
    rng = Rng(salted(seed, LOW_QUALITY_SALT))
    train, low_train = degrade(data["train"], rate, rng)
    test, low_test = degrade(data["test"], rate, rng)
    return {**data, "train": train, "test": test, "low_quality": {"train": low_train, "test": low_test}}
