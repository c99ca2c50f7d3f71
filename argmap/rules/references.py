"""Reference rules (AM1xx): titles that are used but name nothing."""

from __future__ import annotations

from collections.abc import Iterator

from argmap.diagnostics import Diagnostic, Severity, did_you_mean
from argmap.model import ArgumentMap, Statement, is_argument_node, node_title
from argmap.rules.registry import map_rule


@map_rule("AM103", "unknown-statement", Severity.ERROR)
def unknown_statement(amap: ArgumentMap) -> Iterator[Diagnostic]:
    """A statement is referenced as `[Title]` but never defined with a text.

    Every `[Title]` reference should have a definition `[Title]: text` somewhere in
    the file; otherwise the claim has no content.  The message suggests the closest
    defined title, which is usually a typo."""
    for title, statement, hint in _undefined_statements(amap):
        if hint:
            yield unknown_statement(f"unknown statement [{title}]{hint}", statement.members[0].span)


@map_rule("AM106", "undefined-statement", Severity.WARNING)
def undefined_statement(amap: ArgumentMap) -> Iterator[Diagnostic]:
    """A statement is referenced as `[Title]` but never defined, and its title resembles no defined one.

    Argdown allows this (the statement is an equivalence class without a text), so it
    is a warning; a title close to a defined one is reported as AM103, since it is
    almost surely a typo.  Define it with `[Title]: text`, or write the text where it
    is first used."""
    for title, statement, hint in _undefined_statements(amap):
        if not hint:
            yield undefined_statement(f"unknown statement [{title}]", statement.members[0].span)


def _undefined_statements(amap: ArgumentMap) -> Iterator[tuple[str, Statement, str]]:
    """Statements used but never defined, with the did-you-mean hint for each ("" if none)."""
    defined = [t for t, s in amap.statements.items() if s.is_defined]
    for title, statement in amap.statements.items():
        if not statement.is_defined and statement.members:
            yield title, statement, did_you_mean(title, defined)


@map_rule("AM104", "unknown-argument", Severity.WARNING)
def unknown_argument(amap: ArgumentMap) -> Iterator[Diagnostic]:
    """An argument is referenced as `<Title>` but never described and never reconstructed.

    Argdown draws such an argument as an empty node.  Give it a description
    (`<Title>: what it says`) or a premise-conclusion structure."""
    described = [t for t, a in amap.arguments.items() if a.description or a.pcs]
    for title, argument in amap.arguments.items():
        if argument.description or argument.pcs or not argument.members:
            continue
        hint = did_you_mean(title, described, "<>")
        yield unknown_argument(f"argument <{title}> is never described or reconstructed{hint}", argument.span)


@map_rule("AM105", "unknown-mention", Severity.WARNING)
def unknown_mention(amap: ArgumentMap) -> Iterator[Diagnostic]:
    """A mention `@[Title]` or `@<Title>` names nothing in the map.

    Mentions do not create relations, but they should point at something that exists."""
    for node, span in amap.mentions:
        if node in amap.graph:
            continue
        if is_argument_node(node):
            hint = did_you_mean(node_title(node), list(amap.arguments), "<>")
        else:
            hint = did_you_mean(node_title(node), list(amap.statements))
        yield unknown_mention(f"mention of unknown {node}{hint}", span)
