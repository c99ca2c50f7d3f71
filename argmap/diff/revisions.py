"""Reading a map file as it was at a git revision: ``git show REV:./NAME`` run in the
file's folder, so the path is the file's own whatever the repository's layout."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path


class RevisionError(Exception):
    """git is missing, the folder is no repository, or the revision has no such file."""


def read_revision(revision: str, path: str | Path) -> bytes:
    """The bytes of the file at ``path`` in ``revision`` of the repository that holds it."""
    git = shutil.which("git")
    if git is None:
        raise RevisionError("git is not installed; cannot read a revision")
    file = Path(path)
    folder = file.parent if str(file.parent) else Path(".")
    if revision.startswith("-"):
        raise RevisionError(f"'{revision}' is not a revision")
    try:
        done = subprocess.run(
            [git, "show", f"{revision}:./{file.name}"], cwd=folder, capture_output=True, check=False, timeout=60
        )
    except (OSError, subprocess.TimeoutExpired) as problem:
        raise RevisionError(f"cannot run git: {problem}") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RevisionError(f"git cannot show {revision}:{file}: {message[-1] if message else 'failed'}")
    return done.stdout


def is_revision(revision: str, path: str | Path) -> bool:
    """Whether ``revision`` names a commit in the repository that holds ``path``."""
    git = shutil.which("git")
    if git is None or revision.startswith("-"):
        return False
    folder = Path(path).parent if str(Path(path).parent) else Path(".")
    if not folder.is_dir():
        return False
    try:
        done = subprocess.run(
            [git, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"],
            cwd=folder,
            capture_output=True,
            check=False,
            timeout=60,
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0
