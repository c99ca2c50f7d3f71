"""Every command's --json prints one object that its shipped JSON Schema describes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner

from argmap import schemas
from argmap.api import default_map_path
from argmap.cli import app

HERE = Path(__file__).resolve().parent
SMALL = str(HERE / "fixtures" / "cli-small.argdown")
NASTY = str(HERE / "fixtures" / "cli-nasty.argdown")
runner = CliRunner()

# (arguments, the shape they print).  "-m MAP" is appended, for the shipped map and for maps with errors.
COMMANDS: list[tuple[list[str], str]] = [
    (["show", "--json"], "tree"),
    (["show", "--json", "--depth", "1", "--no-labels"], "tree"),
    (["why", "Back to the table", "--json"], "tree"),
    (["find", "e", "--json"], "claims"),
    (["list", "--json"], "claims"),
    (["list", "--premises", "--json"], "claims"),
    (["validate", "--json"], "diagnostics"),
    (["validate", "--format", "json"], "diagnostics"),
    (["eval", "--json"], "evaluation"),
    (["eval", "--json", "--semantics", "preferred"], "evaluation"),
    (["eval", "--json", "--semantics", "stable", "--no-extensions"], "evaluation"),
    (["what-if", "--reject", "No military solution", "--json"], "what-if"),
    (["cruxes", "Back to the table", "--json"], "cruxes"),
    (["strength", "--json"], "strength"),
    (["why", "Back to the table", "--json", "--strength", "dfquad"], "tree"),
    (["what-if", "--base", "[Allies must stop]=0.9", "--json"], "what-if"),
    (["cruxes", "Only temporary", "-k", "1", "--strength", "euler", "--json"], "cruxes"),
]


def _run(args: list[str]) -> tuple[int, Any]:
    result = runner.invoke(app, args)
    return result.exit_code, json.loads(result.stdout) if result.stdout.strip() else None


def _check(data: Any, shape: str) -> None:
    assert isinstance(data, dict), "a --json output is one object"
    assert data["schema"] == schemas.schema_id(shape)
    jsonschema.validate(data, schemas.schema(shape))


def test_every_shape_is_a_valid_json_schema_and_names_itself() -> None:
    assert set(schemas.COMMANDS.values()) == set(schemas.names())
    for name in schemas.names():
        document = schemas.schema(name)
        jsonschema.Draft202012Validator.check_schema(document)
        assert document["$id"] == schemas.schema_id(name)
        assert document["properties"]["schema"] == {"const": schemas.schema_id(name)}


@pytest.mark.parametrize(("args", "shape"), COMMANDS, ids=[" ".join(a) for a, _ in COMMANDS])
def test_shipped_map(args: list[str], shape: str) -> None:
    code, data = _run(args)
    assert code in (0, 1), data
    _check(data, shape)


@pytest.mark.parametrize("path", [SMALL, NASTY])
def test_maps_with_problems(path: str) -> None:
    for args, shape in COMMANDS:
        if args[0] in ("why", "what-if", "cruxes"):
            continue  # they name claims of the shipped map
        code, data = _run([*args, "-m", path])
        assert code in (0, 1, 2), (args, data)
        _check(data, shape)


def test_a_map_with_errors_validates(tmp_path: Path) -> None:
    bad = tmp_path / "bad.argdown"
    bad.write_text("[A]: a\n  + [Aa]\n  ++ [B]: b\n", "utf-8")
    code, data = _run(["validate", str(bad), "--json"])
    assert code == 2
    _check(data, "diagnostics")
    assert data["counts"]["error"] >= 1


def test_claim_questions_on_the_small_map() -> None:
    for args, shape in (
        (["why", "Ceasefire", "--json"], "tree"),
        (["what-if", "--reject", "Rebels regroup", "--json"], "what-if"),
        (["cruxes", "Ceasefire", "--json"], "cruxes"),
        (["strength", "Ceasefire", "--json", "--semantics", "h-categorizer"], "strength"),
    ):
        code, data = _run([*args, "-m", SMALL])
        assert code == 0, data
        _check(data, shape)


def test_rules_and_frameworks_and_conversion(tmp_path: Path) -> None:
    code, data = _run(["rules", "--json"])
    assert code == 0
    _check(data, "rules")
    framework = tmp_path / "f.af"
    framework.write_text("p af 3\n1 2\n2 3\n", "utf-8")
    for semantics in ("grounded", "preferred"):
        code, data = _run(["eval", str(framework), "--json", "--semantics", semantics])
        assert code == 0
        _check(data, "framework-evaluation")
    target = tmp_path / "out.aif.json"
    code, data = _run(["convert", SMALL, str(target), "--json"])
    assert code == 0
    _check(data, "conversion")


def test_tree_only_fields_stay_out_of_flat_lists() -> None:
    _, data = _run(["list", "--json", "-m", SMALL])
    for claim in data["claims"]:
        assert not {"relation", "children", "number", "repeated", "truncated", "expanded"} & set(claim)


def test_the_schema_command_lists_and_prints_shapes() -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    for name in schemas.names():
        assert name in result.stdout
    result = runner.invoke(app, ["schema", "tree"])
    assert result.exit_code == 0 and json.loads(result.stdout) == schemas.schema("tree")
    result = runner.invoke(app, ["schema", "nothing"])
    assert result.exit_code == 2


def test_diff(tmp_path: Path) -> None:
    shipped = default_map_path()
    text = shipped.read_text("utf-8")
    changed = tmp_path / "changed.argdown"
    changed.write_text(
        text.replace("In about six months", "Within six months")
        .replace("[Nobody wants to look weak]\n    _> <War signals>\n", "")
        .replace("[Back to the table]: ", "[Back to the negotiations]: ", 1),
        "utf-8",
    )
    for old, new in ((str(shipped), str(changed)), (SMALL, NASTY), (str(shipped), str(shipped))):
        code, data = _run(["diff", old, new, "--json"])
        assert code == (0 if old == new else 1), data
        _check(data, "diff")
        assert data["same"] is (code == 0)
