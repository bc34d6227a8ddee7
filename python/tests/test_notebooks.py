# End to end: the exported notebooks run headless (jupyter nbconvert --execute) to 1,000 steps; test
# accuracy lands within 1 point of the app's at that step, the intra-class spread within 10 %.
import json
import os
import re
import subprocess
import sys
import time

import pytest

from fixtures import FIXTURES, manifest

NOTEBOOKS = manifest()["notebooks"]


def beside_the_app(notebook):
    """The notebook's "Beside the app" table: {name: (notebook's value, app's value)}."""
    for cell in notebook["cells"]:
        text = "".join("".join(o.get("text", "")) for o in cell.get("outputs", []))
        if "notebook at step" in text:
            rows = re.findall(r"^  (\S.*?)\s+(-?\d+\.\d+)\s+(-?\d+\.\d+)$", text, re.M)
            return {name: (float(ours), float(app)) for name, ours, app in rows}
    raise AssertionError("no table of the notebook's numbers beside the app's")


@pytest.mark.parametrize("entry", NOTEBOOKS, ids=[n["name"] for n in NOTEBOOKS])
def test_the_notebook_runs_and_lands_where_the_app_did(entry, tmp_path):
    out = tmp_path / entry["notebook"]
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.timeout=900",
         "--output", str(out), str(FIXTURES / entry["notebook"])],
        check=True, capture_output=True, env={**os.environ, "MPLBACKEND": "Agg"},
    )
    seconds = time.perf_counter() - start
    table = beside_the_app(json.loads(out.read_text()))
    (FIXTURES / f"{entry['name']}.timing.json").write_text(json.dumps({"seconds": seconds, "table": table}))
    ours, app = table["test accuracy"]
    assert app == pytest.approx(entry["app"]["test accuracy"], abs=1e-4), "the notebook carries the app's number"
    assert abs(ours - app) <= 0.01, f"test accuracy {ours:.4f}, the app's {app:.4f}"
    ours, app = table["spread (°)"]
    assert abs(ours - app) <= 0.1 * app, f"spread {ours:.2f}°, the app's {app:.2f}°"
