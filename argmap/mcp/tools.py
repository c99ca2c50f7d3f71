"""The MCP tools as plain functions: each reads a map (a path under the roots, or text)
and returns what the command line's ``--json`` prints for the same request.

A tool that cannot answer raises :class:`ToolFailure`, whose :meth:`~ToolFailure.to_dict`
says what went wrong with positions and hints, so that an agent can repair the map and
call again.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from argmap.diagnostics import Diagnostic, Severity, diagnostics_record
from argmap.mcp.access import Access, Refused
from argmap.model import ArgumentMap


class ToolFailure(Exception):
    """A request the tool cannot answer: a message, a hint, and the diagnostics behind it."""

    def __init__(self, message: str, hint: str | None = None, diagnostics: list[Diagnostic] | None = None) -> None:
        super().__init__(message)
        self.hint = hint
        self.diagnostics = diagnostics or []

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"error": str(self)}
        if self.hint:
            out["hint"] = self.hint
        if self.diagnostics:
            out["diagnostics"] = [d.to_dict() for d in self.diagnostics]
        return out


def read(access: Access, path: str | None, text: str | None, format: str | None, lint: bool) -> _Read:
    """The map given by ``path`` (under the roots) or ``text``: exactly one of the two."""
    from argmap.api import load, loads

    if (path is None) == (text is None):
        raise ToolFailure("give the map either as 'path' or as 'text'", "path names a file; text is Argdown source")
    if format is not None:
        _check_format(format)
    if text is not None:
        amap, diagnostics = loads(text, "<text>", format=format, lint=lint)
        return _Read(amap, diagnostics, "<text>")
    assert path is not None
    try:
        resolved = access.readable(path)
    except Refused as refused:
        raise ToolFailure(str(refused), "pass the map as 'text', or a path under a root") from None
    if not resolved.is_file():
        raise ToolFailure(f"{path}: no such file", "paths are relative to the first root")
    amap, diagnostics = load(resolved, format=format, lint=lint)
    return _Read(amap, diagnostics, str(resolved))


class _Read:
    def __init__(self, amap: ArgumentMap, diagnostics: list[Diagnostic], name: str) -> None:
        self.amap = amap
        self.diagnostics = diagnostics
        self.name = name

    def usable(self) -> ArgumentMap:
        """The map, unless reading it failed outright or it holds nothing."""
        from argmap.rules import FATAL_CODES  # the one list of reading errors that leave no map

        fatal = [d for d in self.diagnostics if d.code in FATAL_CODES]
        if fatal:
            raise ToolFailure(fatal[0].message, fatal[0].hint, fatal)
        if not self.amap.statements and not self.amap.arguments:
            errors = [d for d in self.diagnostics if d.severity is Severity.ERROR]
            raise ToolFailure(f"{self.name} holds no map: no statements and no arguments", None, errors)
        return self.amap


def _check_format(format: str) -> None:
    from argmap.interchange.formats import FormatError, check_format

    try:
        check_format(format, False)
    except FormatError as problem:
        raise ToolFailure(str(problem)) from None


def claim(amap: ArgumentMap, name: str) -> str:
    """The node a claim names, or a failure listing the candidates."""
    from argmap.queries import Unresolved, resolve_claim

    try:
        return resolve_claim(amap, name)
    except Unresolved as error:
        shown = ", ".join(error.candidates[:20])
        hint = f"{'say which' if error.ambiguous else 'close ones'}: {shown}" if shown else None
        raise ToolFailure(str(error), hint) from None


def _labels(amap: ArgumentMap) -> dict[str, str]:
    from argmap.semantics import label_map

    labels: dict[str, str] = label_map(amap)
    return labels


def _semantics(name: str) -> str:
    from argmap.semantics.evaluation import SEMANTICS

    chosen = name.strip().lower()
    if chosen not in SEMANTICS:
        raise ToolFailure(f"unknown semantics '{name}'", "choose grounded, complete, preferred or stable")
    return chosen


def validate(access: Access, path: str | None, text: str | None, format: str | None) -> dict[str, Any]:
    """Every diagnostic, as ``argmap validate --json`` (``argmap:diagnostics``)."""
    found = read(access, path, text, format, lint=True)
    return diagnostics_record([found.amap.source_name], found.diagnostics)


def show(
    access: Access,
    path: str | None,
    text: str | None,
    format: str | None,
    focus: str | None,
    depth: int | None,
    tag: str | None,
    section: str | None,
) -> dict[str, Any]:
    """The tree, as ``argmap show --json`` (``argmap:tree``)."""
    from argmap import queries
    from argmap.views.annotate import explain_labels_in
    from argmap.views.tree import show_view

    amap = read(access, path, text, format, lint=False).usable()
    node = claim(amap, focus) if focus is not None else None
    try:
        tag = queries.resolve_tag(amap, tag) if tag is not None else None
        section = queries.resolve_section(amap, section) if section is not None else None
    except queries.Unresolved as error:
        raise ToolFailure(str(error), ", ".join(error.candidates[:20]) or None) from None
    labels = _labels(amap)
    view = show_view(amap, node, depth, tag, section, labels)
    explain_labels_in(view, amap, labels)
    data: dict[str, Any] = view.to_dict()
    return data


def why(
    access: Access, path: str | None, text: str | None, format: str | None, claim_name: str, depth: int | None
) -> dict[str, Any]:
    """The reasons under a claim, as ``argmap why --json`` (``argmap:tree``)."""
    from argmap.views.annotate import explain_labels_in
    from argmap.views.tree import why_view

    amap = read(access, path, text, format, lint=False).usable()
    labels = _labels(amap)
    view = why_view(amap, claim(amap, claim_name), depth, labels)
    explain_labels_in(view, amap, labels)
    data: dict[str, Any] = view.to_dict()
    return data


def evaluate(
    access: Access, path: str | None, text: str | None, format: str | None, semantics: str, limit: int
) -> dict[str, Any]:
    """Labels under a semantics, as ``argmap eval --json`` (``argmap:evaluation``)."""
    from argmap.semantics import evaluate as run

    amap = read(access, path, text, format, lint=False).usable()
    data: dict[str, Any] = run(amap, _semantics(semantics), limit).to_dict()
    return data


def what_if(
    access: Access,
    path: str | None,
    text: str | None,
    format: str | None,
    reject: list[str],
    accept: list[str],
    semantics: str,
) -> dict[str, Any]:
    """What changes when claims are rejected or accepted, as ``argmap what-if --json``."""
    from argmap.semantics import what_if as run
    from argmap.semantics.report import WhatIfReport

    chosen = _semantics(semantics)
    if not reject and not accept:
        raise ToolFailure("say what to change", "give 'reject' and/or 'accept', lists of claims")
    amap = read(access, path, text, format, lint=False).usable()
    rejected = [claim(amap, c) for c in reject]
    accepted = [claim(amap, c) for c in accept]
    both = sorted(set(rejected) & set(accepted))
    if both:
        raise ToolFailure(f"cannot both reject and accept {', '.join(both)}")
    data: dict[str, Any] = WhatIfReport(chosen, rejected, accepted, run(amap, rejected, accepted, chosen)).to_dict()
    return data


def cruxes(
    access: Access, path: str | None, text: str | None, format: str | None, claim_name: str, max_size: int
) -> dict[str, Any]:
    """The smallest sets of premises whose rejection defeats a claim, as ``argmap cruxes --json``."""
    from argmap.semantics import cruxes as run
    from argmap.semantics import label_map
    from argmap.semantics.evaluation import Label
    from argmap.semantics.report import CruxReport

    if max_size < 1:
        raise ToolFailure("max_size must be at least 1")
    amap = read(access, path, text, format, lint=False).usable()
    node = claim(amap, claim_name)
    label = label_map(amap)[node]
    data: dict[str, Any] = CruxReport(node, Label(label), max_size, run(amap, node, max_size)).to_dict()
    return data


def convert(
    access: Access, path: str | None, text: str | None, format: str | None, output: str, to: str | None
) -> dict[str, Any]:
    """Write the map in another format to ``output``, as ``argmap convert --json`` (``argmap:conversion``)."""
    from argmap.argdown.fmt import reading_errors
    from argmap.interchange.formats import (
        FormatError,
        check_format,
        conversion_record,
        format_of,
        write_atomic,
        write_text,
    )

    target = _target(access, output)
    try:
        out_format = check_format(to, True) if to else format_of(output, writing=True)
    except FormatError as problem:
        raise ToolFailure(str(problem)) from None
    found = read(access, path, text, format, lint=False)
    errors = reading_errors(found.diagnostics)
    if errors:
        raise ToolFailure(f"the map has {len(errors)} error(s); nothing written", "fix them and call again", errors)
    try:
        write_atomic(target, write_text(found.amap, out_format))
    except FormatError as problem:
        raise ToolFailure(str(problem)) from None
    except OSError as problem:
        raise ToolFailure(f"cannot write {output}: {problem.strerror or problem}") from None
    source = path if path is not None else "<text>"
    return conversion_record(source, str(target), out_format, found.amap, found.diagnostics)


RENDER_FORMATS = ("svg", "png", "pdf", "dot")


def render(
    access: Access,
    path: str | None,
    text: str | None,
    format: str | None,
    output: str,
    focus: str | None,
    depth: int | None,
    rankdir: str,
) -> dict[str, Any]:
    """Draw the map with Graphviz into ``output`` (svg, png, pdf or dot, from its extension)."""
    from argmap.views.graphviz import RenderError, build_drawing, render_bytes, write_atomic

    target = _target(access, output)
    fmt = "dot" if target.suffix.lower() == ".gv" else target.suffix.lower().lstrip(".")
    if fmt not in RENDER_FORMATS:
        raise ToolFailure(f"cannot tell the format from '{target.suffix}'", "name a .svg, .png, .pdf or .dot file")
    if rankdir not in ("TB", "LR", "BT", "RL"):
        raise ToolFailure(f"unknown rankdir '{rankdir}'", "choose TB, LR, BT or RL")
    amap = read(access, path, text, format, lint=False).usable()
    node = claim(amap, focus) if focus is not None else None
    drawing = build_drawing(amap, node, depth, rankdir, _labels(amap), fast=False if fmt == "dot" else None)
    try:
        data, notice = render_bytes(drawing, fmt)
        write_atomic(target, data)
    except RenderError as error:
        raise ToolFailure(str(error)) from None
    except OSError as problem:
        raise ToolFailure(f"cannot write {output}: {problem.strerror or problem}") from None
    out: dict[str, Any] = {"output": str(target), "format": fmt, "nodes": drawing.nodes, "edges": drawing.edges}
    if notice:
        out["notice"] = notice
    return out


def _target(access: Access, output: str) -> Path:
    try:
        return access.writable_path(output)
    except Refused as refused:
        raise ToolFailure(str(refused)) from None
