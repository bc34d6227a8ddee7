# python/ and python/tests on the import path, as `python -m pytest python` from the project root needs.
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]
