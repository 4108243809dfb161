"""Hostile .docx files: each is rejected with its clear message, in little memory.

Every case also runs in its own process, through the command line, so that its exit
status, its one-line message and its peak memory are those a user sees.  Time is not
asserted here: bench/hostile.py prints it.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from hostile import CASES

MAX_MIB = 100


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """Builds each hostile file once per module (the zip bomb takes a few seconds)."""
    folder = tmp_path_factory.mktemp("hostile")
    built: dict[str, str] = {}

    def get(case: str) -> str:
        if case not in built:
            built[case] = CASES[case][0](folder / f"{case}.docx")
        return built[case]

    return get


def _run_cli(path: str) -> tuple[int, str]:
    code = "import sys\nfrom reportlint.cli import main\nsys.exit(main(['-q', sys.argv[1]]))"
    proc = subprocess.run([sys.executable, "-c", code, path], capture_output=True, timeout=60)
    return proc.returncode, proc.stderr.decode("utf-8", "replace")


@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_file_is_rejected_with_its_message(hostile, case):
    message = CASES[case][1]
    path = hostile(case)
    from reportlint.errors import ReadError
    from reportlint.readers import read_path

    with pytest.raises(ReadError, match=message):
        read_path(path)

    code, err = _run_cli(path)
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and re.search(message, lines[0]), err
    assert "Traceback" not in err


@pytest.mark.parametrize("case", ["zip-bomb", "huge-text-node", "billion-laughs", "many-members"])
def test_hostile_file_memory(hostile, case):
    path = hostile(case)
    code = (
        "import resource, sys\nfrom reportlint.errors import ReadError\nfrom reportlint.readers import read_path\n"
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "try:\n    read_path(sys.argv[1])\nexcept ReadError:\n    pass\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before)"
    )
    out = subprocess.run([sys.executable, "-c", code, path], capture_output=True, text=True, timeout=60)
    grown_mib = int(out.stdout.strip()) / 1024
    assert grown_mib < MAX_MIB, f"{case} grew {grown_mib:.0f} MiB"
