# The lesson's default data (src/data/identities.ts): Gaussian identities in 32 dimensions, with
# shared nuisance directions ("pose and lighting") that every identity varies along.
import math

import numpy as np

from .rng import Rng, hypot, js_round, salted
from .split import split_by_class

INPUT_DIM = 32
NUISANCE_FACTORS = 4
NUISANCE_SCALE = 1.5
HOLDOUT_SALT = 0x51ED270B
MAX_HELDOUT_PER_CLASS = 300


def random_basis(d, k, rng):
    """A random orthonormal d×k basis: Gram–Schmidt of Gaussian columns."""
    Q = np.zeros((d, k))
    for j in range(k):
        v = rng.normals(d)
        for p in range(j):
            dot = 0.0
            for i in range(d):
                dot += v[i] * Q[i, p]
            v = v - dot * Q[:, p]
        Q[:, j] = v / hypot(v)
    return Q


def draw_mean(model, rng):
    """One identity's mean: N(0, scale²) per input coordinate, or along the identity subspace's axes."""
    if model["basis"] is None:
        return model["scale"] * rng.normals(model["d"])
    u = model["scale"] * math.sqrt(model["d"] / model["dims"]) * rng.normals(model["dims"])
    mu = np.zeros(model["d"])
    for j in range(model["dims"]):
        mu = mu + model["basis"][:, j] * u[j]
    return mu


def draw_samples(model, means, count, rng):
    """x = μ_c + A·z + σ·ε for `count` samples of each mean, class by class (z: 4 normals, then ε: d)."""
    d, k = model["d"], NUISANCE_FACTORS
    rows = []
    for mu in means:
        draws = rng.normals(count * (k + d)).reshape(count, k + d)
        z, eps = draws[:, :k], draws[:, k:]
        v = mu + model["noise"] * eps
        for j in range(k):
            v = v + model["A"][:, j] * z[:, j : j + 1]
        rows.append(v)
    return np.concatenate(rows).astype(np.float32)


def nuisance(d, rng):
    """K random directions, each scaled to a norm of 1.5·√(d/K)."""
    A = np.zeros((d, NUISANCE_FACTORS))
    for j in range(NUISANCE_FACTORS):
        A[:, j] = rng.normals(d)
        norm = 0.0
        for i in range(d):
            norm += A[i, j] * A[i, j]
        A[:, j] *= NUISANCE_SCALE * math.sqrt(d) / math.sqrt(norm) / math.sqrt(NUISANCE_FACTORS)
    return A


def make_identities(classes, per_class, noise, test_fraction, seed, id_dims=INPUT_DIM, id_scale=1.0, holdout=0):
    """C identities; `holdout` more, never trained on, from a stream of their own (the trained data stays the same)."""
    rng = Rng(seed)
    d = INPUT_DIM
    dims = min(d, max(1, js_round(id_dims)))
    basis = random_basis(d, dims, rng) if dims < d else None
    model = {"d": d, "basis": basis, "dims": dims, "scale": id_scale, "noise": noise}
    means = [draw_mean(model, rng) for _ in range(classes)]
    model["A"] = nuisance(d, rng)
    x = draw_samples(model, means, per_class, rng)
    train, test = split_by_class(x, classes, per_class, test_fraction, rng)
    data = {"input_dim": d, "classes": classes, "train": train, "test": test}
    h = max(0, js_round(holdout))
    if h > 0:
        held_rng = Rng(salted(seed, HOLDOUT_SALT))
        n = min(per_class, MAX_HELDOUT_PER_CLASS)
        held_means = [draw_mean(model, held_rng) for _ in range(h)]
        data["heldout"] = {"x": draw_samples(model, held_means, n, held_rng), "y": np.repeat(np.arange(h, dtype=np.int32), n)}
    return data
