# Step parity: the exported script's loss at each of the first 50 steps is within 1e-3 (relative)
# of the Node Trainer's, on the same data, initialisation and batches.
import json
import os
import runpy

import numpy as np
import pytest

from fixtures import FIXTURES, manifest
from training.schedule import spec_at

LINKS = manifest()["steps"]
RTOL = 1e-3


def run_script(name):
    os.environ["MPLBACKEND"] = "Agg"
    import matplotlib.pyplot as plt

    try:
        return runpy.run_path(str(FIXTURES / name), run_name="__main__")
    finally:
        plt.close("all")


@pytest.mark.parametrize("link", LINKS, ids=[link["name"] for link in LINKS])
def test_the_exported_script_takes_the_app_steps(link):
    script = run_script(link["script"])
    ours = np.array(script["HISTORY"][0])
    theirs = np.array(link["losses"][: len(ours)])
    assert len(ours) == 50
    gap = np.abs(ours - theirs) / np.abs(theirs)
    report = FIXTURES / "step-parity.json"
    results = json.loads(report.read_text()) if report.exists() else {}
    results[link["name"]] = {"largest_gap_50": float(gap.max()), "first_loss": [float(ours[0]), float(theirs[0])]}
    report.write_text(json.dumps(results, indent=1))
    assert gap.max() <= RTOL, f"step {gap.argmax() + 1}: {ours[gap.argmax()]} against the app's {theirs[gap.argmax()]}"


LOSSES = manifest()["losses"]


@pytest.mark.parametrize("link", LOSSES, ids=[link["name"] for link in LOSSES])
def test_every_loss_exports_a_script_that_takes_the_app_steps(link):
    ours = np.array(run_script(link["script"])["HISTORY"][0])
    theirs = np.array(link["losses"])
    assert len(ours) == len(theirs) == 20
    gap = np.abs(ours - theirs) / np.abs(theirs)
    assert gap.max() <= RTOL, f"step {gap.argmax() + 1}: {ours[gap.argmax()]} against the app's {theirs[gap.argmax()]}"


def test_every_loss_is_exported():
    from vectors import registry_kinds

    assert [link["name"] for link in LOSSES] == registry_kinds()


@pytest.mark.parametrize("link", LINKS, ids=[link["name"] for link in LINKS])
def test_the_spec_at_each_step_is_the_app_spec(link):
    script = run_script(link["script"])
    panel = script["PANELS"][0]
    p = {**script["SETTINGS"], **panel["settings"]}
    for row in link["specs"]:
        ours = spec_at(panel["spec"], p, row["step"])
        for key, value in row["spec"].items():
            assert ours[key] == pytest.approx(value, rel=1e-12), f"{key} at step {row['step']}"
