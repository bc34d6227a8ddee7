# Seeded random numbers as the app draws them (src/data/rng.ts): the same seed gives the same stream.
# The data generators below draw from it in the app's order: that order is the data.
import math

import numpy as np

M32 = 0xFFFFFFFF


class Rng:
    """mulberry32 (src/data/rng.ts): uniforms in [0, 1), Box–Muller normals, integers in [0, n)."""

    def __init__(self, seed):
        self.state = seed & M32
        self.spare = None

    def next(self):
        self.state = (self.state + 0x6D2B79F5) & M32
        t = self.state
        t = ((t ^ (t >> 15)) * (t | 1)) & M32
        t ^= (t + (((t ^ (t >> 7)) * (t | 61)) & M32)) & M32
        return (t ^ (t >> 14)) / 4294967296

    def normal(self):
        if self.spare is not None:
            v, self.spare = self.spare, None
            return v
        r = math.sqrt(-2 * math.log(1 - self.next()))
        a = 2 * math.pi * self.next()
        self.spare = r * math.sin(a)
        return r * math.cos(a)

    def normals(self, n):
        return np.array([self.normal() for _ in range(n)], dtype=np.float64)

    def int(self, n):
        return math.floor(self.next() * n)


def salted(seed, salt):
    """The seed of a stream of its own: seed XOR salt, as 32 bits (JavaScript's `seed ^ salt`)."""
    return (seed ^ salt) & M32


def shuffle(items, rng):
    """Fisher–Yates in place, from the end (the app's shuffleInPlace)."""
    for i in range(len(items) - 1, 0, -1):
        j = rng.int(i + 1)
        items[i], items[j] = items[j], items[i]


def js_round(v):
    """JavaScript's Math.round: halves go up."""
    return math.floor(v + 0.5)


def hypot(values):
    """V8's Math.hypot: scaled by the largest, summed with Kahan's compensation."""
    big = max(abs(v) for v in values)
    if big == 0:
        return 0.0
    total = compensation = 0.0
    for v in values:
        n = abs(v) / big
        summand = n * n - compensation
        preliminary = total + summand
        compensation = (preliminary - total) - summand
        total = preliminary
    return math.sqrt(total) * big


def sequential_sum(a, axis=0):
    """A sum in index order, as a plain loop adds (numpy's sum pairs terms: other rounding)."""
    return np.cumsum(a, axis=axis).take(-1, axis=axis) if a.shape[axis] else np.zeros(a.shape[1 - axis])
