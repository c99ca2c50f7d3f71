"""Shared fixtures: paths to the shared corpus and seed, which CI provides beside the repo."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
IN_CI = bool(os.environ.get("CI"))

# The property tests draw the same examples on every run, so that a red run means a change
# broke something, not that a new example was drawn that day; `pytest
# --hypothesis-profile=explore` draws new ones (and keeps what fails in .hypothesis/).
settings.register_profile("repeatable", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile("repeatable")


def shared_path(*parts: str) -> Path:
    """A path under ../shared; skips the test (never in CI) when it is missing."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        if IN_CI:
            pytest.fail(f"{path} is missing, but CI must provide ../shared beside the repository")
        pytest.skip(f"{path} not present: ../shared (the seed and corpus) is not beside this checkout")
    return path


def require_module(name: str, extra: str) -> None:
    """Skip the calling test module when ``name`` is not installed (never in CI, where the
    test extra installs it: there a missing module is a failure, not a silent skip)."""
    import importlib.util

    if importlib.util.find_spec(name) is None:
        if IN_CI:
            pytest.fail(f"{name} is missing, but CI installs argmap[test], which includes argmap[{extra}]")
        pytest.skip(f"{name} is not installed: pip install 'argmap[{extra}]'", allow_module_level=True)


def argmap_on_path(bin_dir: Path) -> dict[str, str]:
    """The environment with a command ``argmap`` first on PATH that runs this interpreter's
    argmap, whatever installed it (for tests that run shell lines as a user types them)."""
    import sys

    bin_dir.mkdir(parents=True, exist_ok=True)
    shim = bin_dir / "argmap"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m argmap "$@"\n', "utf-8")
    shim.chmod(0o755)
    return {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
