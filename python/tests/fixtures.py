# The fixtures the app's own code wrote (e2e/python.fixture.ts, run by `npm run test:python` first).
import json
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[1] / ".fixtures"


def manifest():
    path = FIXTURES / "manifest.json"
    if not path.exists():
        pytest.fail(f"{path} is missing: run `npm run test:python`, which writes it with the app's code first", pytrace=False)
    return json.loads(path.read_text())
