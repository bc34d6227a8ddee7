# `npm run bench:python` (after the fixtures are written): the goals of the take-home export,
# measured, to bench/python.json: losses against the float64 vectors, data parity, step parity over
# 1,000 steps, and the seconds the default link's notebook takes to run headless to 1,000 steps.
import json
import os
import re
import runpy
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import torch

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / ".fixtures"
sys.path[:0] = [str(HERE), str(HERE / "tests")]
os.environ["MPLBACKEND"] = "Agg"


def passed(test_file):
    out = subprocess.run([sys.executable, "-m", "pytest", str(HERE / "tests" / test_file), "-q", "-p", "no:cacheprovider"],
                         capture_output=True, text=True).stdout
    return int(re.search(r"(\d+) passed", out).group(1)), int((re.search(r"(\d+) failed", out) or [0, 0])[1])


def step_parity(link):
    """The script's losses beside the Node Trainer's, over the fixture's 1,000 steps."""
    import matplotlib.pyplot as plt

    g = runpy.run_path(str(FIXTURES / link["script"]))
    plt.close("all")
    panel = g["PANELS"][0]
    run = g["Run"]({**g["SETTINGS"], **panel["settings"]}, panel["spec"], g["data"])
    ours = np.array([run.step() for _ in range(len(link["losses"]))])
    gap = np.abs(ours - np.array(link["losses"])) / np.abs(np.array(link["losses"]))
    over = np.flatnonzero(gap > 0.01)
    return {"name": link["name"], "query": link["query"], "gap50": float(gap[:50].max()),
            "firstOver1pct": int(over[0] + 1) if len(over) else None, "steps": len(gap)}


def notebook_seconds(notebook, runs=3):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "nbconvert", "--to", "notebook", "--execute", "--stdout",
                        str(FIXTURES / notebook)], check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return sorted(times)[len(times) // 2]


def main():
    manifest = json.loads((FIXTURES / "manifest.json").read_text())
    vectors = passed("test_losses.py")
    data = passed("test_data.py")
    from vectors import registry_kinds, spec_of, vector_cases

    covered = sorted({spec_of(c)["kind"] for _, c in vector_cases()})
    out = {
        "torch": torch.__version__,
        "python": sys.version.split()[0],
        "lossKinds": len(registry_kinds()),
        "lossKindsChecked": len(covered),
        "vectorTests": {"passed": vectors[0], "failed": vectors[1]},
        "dataTests": {"passed": data[0], "failed": data[1], "links": len(manifest["data"])},
        "stepParity": [step_parity(link) for link in manifest["steps"]],
        "notebook": {"name": manifest["notebooks"][0]["name"], "steps": 1000,
                     "seconds": notebook_seconds(manifest["notebooks"][0]["notebook"])},
    }
    path = HERE.parent / "bench" / "python.json"
    path.write_text(json.dumps(out, indent=1) + "\n")
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
