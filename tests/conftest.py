"""Shared fixtures: paths to the shared corpus and seed, which CI provides beside the repo."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
IN_CI = bool(os.environ.get("CI"))


def shared_path(*parts: str) -> Path:
    """A path under ../shared; skips the test (never in CI) when it is missing."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        if IN_CI:
            pytest.fail(f"{path} is missing, but CI must provide ../shared beside the repository")
        pytest.skip(f"{path} not present: ../shared (the seed and corpus) is not beside this checkout")
    return path
