"""Which files an MCP server may touch: those under its roots, for reading; for writing
only when it was started writable.

Paths are resolved (``..`` and symbolic links followed) before they are compared, so a
link inside a root that points outside it is refused like the outside path itself.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


class Refused(PermissionError):
    """A path outside the roots, or a write to a read-only server."""


@dataclass(frozen=True)
class Access:
    """The roots (resolved directories) and whether files under them may be written."""

    roots: tuple[Path, ...]
    writable: bool = False

    @classmethod
    def under(cls, roots: list[str], writable: bool = False) -> Access:
        """Access to ``roots`` (the working directory when none is given)."""
        chosen = roots or [os.getcwd()]
        return cls(tuple(Path(r).expanduser().resolve() for r in chosen), writable)

    def readable(self, path: str) -> Path:
        """``path`` resolved, if it lies under a root; raises :class:`Refused` otherwise."""
        return self._inside(path, "read")

    def writable_path(self, path: str) -> Path:
        """``path`` resolved, if the server is writable and it lies under a root."""
        if not self.writable:
            raise Refused(
                f"cannot write {path}: this server is read-only (start it with --root DIR --writable to allow writes)"
            )
        return self._inside(path, "write")

    def _inside(self, path: str, doing: str) -> Path:
        given = Path(path).expanduser()
        if not given.is_absolute():
            given = self.roots[0] / given
        resolved = given.resolve()
        if not any(resolved.is_relative_to(root) for root in self.roots):
            allowed = ", ".join(str(r) for r in self.roots)
            raise Refused(f"cannot {doing} {path}: it is outside the allowed roots ({allowed})")
        return resolved
