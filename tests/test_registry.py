"""The rule registry is the single source of every diagnostic code.

The library makes a diagnostic only by calling a registered rule, so the codes it can
emit are the rules its modules name; each of them is explained by ``argmap rules CODE``."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap.cli import app
from argmap.diagnostics import Severity
from argmap.rules import registered
from argmap.rules.registry import FAMILIES

PACKAGE = Path(__file__).resolve().parent.parent / "argmap"
CODE = re.compile(r"A[MF]\d{3}")
runner = CliRunner()


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _emitted_codes() -> set[str]:
    """Every rule a module of the library names (``AM011(...)``, ``at(AM404, ...)``) and every map rule."""
    found = {code for code, rule in registered().items() if rule.check is not None}
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Name) and CODE.fullmatch(node.id):
                found.add(node.id)
    return found


def test_the_library_emits_codes() -> None:
    codes = _emitted_codes()
    assert {"AM000", "AM011", "AM103", "AM201", "AM301", "AM404", "AF003"} <= codes


@pytest.mark.parametrize("code", sorted(_emitted_codes()))
def test_every_emitted_code_is_explained_by_argmap_rules(code: str) -> None:
    rule = registered().get(code)
    assert rule is not None, f"{code} is emitted but not registered"
    result = runner.invoke(app, ["rules", code])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(code) and rule.summary.split()[0] in result.output


def test_no_module_makes_a_diagnostic_outside_the_registry() -> None:
    """``Diagnostic(...)`` is called only by a rule, and no code is written as a bare string."""
    offenders: list[str] = []
    for path in _modules():
        relative = path.relative_to(PACKAGE).as_posix()
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "Diagnostic"
                and relative != "rules/registry.py"
            ):
                offenders.append(f"{relative}:{node.lineno}: Diagnostic(...)")
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and CODE.fullmatch(node.value)
                and not relative.startswith("rules/")
            ):
                offenders.append(f"{relative}:{node.lineno}: the code {node.value!r} as a string")
    assert offenders == []


def test_each_code_is_registered_once_in_its_familys_module() -> None:
    for code, rule in registered().items():
        assert rule.family == FAMILIES[code[:3]]
        assert rule.severity in (Severity.ERROR, Severity.WARNING, Severity.INFO)
        source = (PACKAGE / "rules" / f"{rule.family}.py").read_text("utf-8")
        assert source.count(f'"{code}"') == 1, f"{code} is not registered exactly once in rules/{rule.family}.py"
