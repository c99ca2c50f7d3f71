"""The code itself: ruff (lint and format) and mypy --strict are clean (CI runs these through pytest).

Every tool runs as ``sys.executable -m TOOL``: the interpreter running the tests is
the one whose environment has the test extra installed, whether or not that
environment's scripts are on ``PATH``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHECKED = ("argmap", "tests", "benchmarks")


def run(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *arguments], cwd=ROOT, capture_output=True, text=True, check=False)


def test_ruff_check_is_clean() -> None:
    result = run("ruff", "check", *CHECKED)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_is_clean() -> None:
    result = run("ruff", "format", "--check", *CHECKED)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_is_clean() -> None:
    result = run("mypy", "--strict", "argmap")
    assert result.returncode == 0, result.stdout + result.stderr
