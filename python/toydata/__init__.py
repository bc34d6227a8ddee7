# The app's generated datasets from a link's settings, and the checksum the app computed of them.
import zlib

import numpy as np

from .carried import load_carried
from .corruption import with_label_noise, with_low_quality
from .identities import make_identities
from .rng import Rng
from .shapes import hold_out_last_classes, make_blobs, make_spirals


def make_dataset(p):
    """The dataset of a link's settings `p` (the URL's keys): identities, blobs or spirals, then corrupted as asked."""
    common = (p["classes"], p["perClass"], p["noise"], p["testFraction"])
    if p["dataset"] == "identities":
        data = make_identities(*common, p["seed"], p["idDims"], p["idScale"], p["holdout"])
    else:
        make = make_blobs if p["dataset"] == "blobs" else make_spirals
        train, test = make(*common, Rng(p["seed"]))
        data = hold_out_last_classes({"input_dim": 2, "classes": p["classes"], "train": train, "test": test}, p["holdout"])
    data = with_low_quality(data, p["lowQuality"], p["seed"])
    return with_label_noise(data, p["labelNoise"], p["seed"], p["noiseKind"])


def checksum(data):
    """CRC-32 of the arrays as the app computes it: train x, y, test x, y (then held-out x, y), little-endian."""
    crc = 0
    for part in ("train", "test", "heldout"):
        if part in data:
            crc = zlib.crc32(np.ascontiguousarray(data[part]["x"], dtype="<f4").tobytes(), crc)
            crc = zlib.crc32(np.ascontiguousarray(data[part]["y"], dtype="<i4").tobytes(), crc)
    return f"{crc:08x}"
