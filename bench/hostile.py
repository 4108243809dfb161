"""Time and peak memory to reject each hostile .docx (a benchmark, not a test).

Run: python bench/hostile.py

Targets (from the Word reading issue): each case rejected within 1 s and 100 MB of
memory, measured in a process of its own (start-up included, and printed apart).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "fixtures"))

from hostile import CASES  # noqa: E402

PROBE = """
import resource, sys, time
from reportlint.errors import ReadError
from reportlint.readers import read_path
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
try:
    read_path(sys.argv[1])
    outcome = "ACCEPTED"
except ReadError as exc:
    outcome = str(exc)
elapsed = time.perf_counter() - start
grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
print(f"{elapsed:.3f}\t{grown:.1f}\t{outcome}")
"""


def main() -> None:
    print(f"{'case':<18} {'read s':>7} {'+MiB':>6} {'whole s':>8}  message")
    with tempfile.TemporaryDirectory() as folder:
        for name, (build, _message) in sorted(CASES.items()):
            path = build(os.path.join(folder, f"{name}.docx"))
            start = time.perf_counter()
            out = subprocess.run([sys.executable, "-c", PROBE, path], capture_output=True, text=True, timeout=120)
            whole = time.perf_counter() - start
            elapsed, grown, outcome = (out.stdout.strip().split("\t", 2) + ["", "", out.stderr.strip()[-80:]])[:3]
            print(f"{name:<18} {elapsed:>7} {grown:>6} {whole:>8.3f}  {outcome[:70]}")
            os.unlink(path)
    print("targets: read within 1 s and 100 MiB per case")


if __name__ == "__main__":
    main()
