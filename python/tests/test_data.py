# Data parity: numpy's generator gives the TypeScript generator's float32 arrays bit for bit, and
# the checksum the app computed.
import base64

import numpy as np
import pytest

from fixtures import manifest
from fixtures import FIXTURES
from toydata import checksum, load_carried, make_dataset

LINKS = manifest()["data"]


def decoded(split, dtype, dim):
    raw = np.frombuffer(base64.b64decode(split["x"]), dtype="<f4")
    return raw.reshape(split["n"], dim), np.frombuffer(base64.b64decode(split["y"]), dtype="<i4")


@pytest.mark.parametrize("link", LINKS, ids=[link["name"] for link in LINKS])
def test_same_arrays_bit_for_bit(link):
    ours = make_dataset(link["settings"])
    for part in ("train", "test", "heldout"):
        if link.get(part) is None:
            assert part not in ours
            continue
        x, y = decoded(link[part], np.float32, link["inputDim"])
        assert ours[part]["x"].dtype == np.float32 and ours[part]["x"].shape == x.shape
        assert ours[part]["x"].tobytes() == x.tobytes(), f"{part} x differs in {np.sum(ours[part]['x'] != x)} values"
        assert np.array_equal(ours[part]["y"], y), f"{part} labels differ"
    assert checksum(ours) == link["checksum"]


def test_the_links_cover_the_generators():
    settings = [link["settings"] for link in LINKS]
    assert {s["dataset"] for s in settings} >= {"identities", "blobs", "spirals"}
    assert any(s["holdout"] > 0 and s["labelNoise"] > 0 for s in settings)
    assert any(s["lowQuality"] > 0 for s in settings)
    assert any(s["dim"] == "2" for s in settings)


def test_carried_data_loads_as_the_app_wrote_it():
    carried = manifest()["carried"]
    made = make_dataset(next(link for link in LINKS if link["query"] == carried["query"])["settings"])
    loaded = load_carried(FIXTURES / carried["file"])
    assert loaded["classes"] == made["classes"] and loaded["input_dim"] == made["input_dim"]
    for part in ("train", "test", "heldout"):
        assert loaded[part]["x"].tobytes() == made[part]["x"].tobytes()
        assert np.array_equal(loaded[part]["y"], made[part]["y"])
