"""The eval, what-if and cruxes commands, on hand-made maps and frameworks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap.cli import app

runner = CliRunner()

MAP = """
[C]: The claim.
  + <A1>
  - <B1>
    - [D]: B1 is wrong.

<A1>: The first argument.

(1) [P1]: First premise.
(2) [P2]: Second premise.
----
(3) [C]

<B1>: An attacker.

[X]: One side.
  >< [Y]: The other side.
"""


@pytest.fixture()
def map_file(tmp_path: Path) -> str:
    path = tmp_path / "m.argdown"
    path.write_text(MAP)
    return str(path)


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_eval_grounded_text(map_file: str) -> None:
    code, out, _ = run("eval", "-m", map_file)
    assert code == 0
    assert out.splitlines()[0] == "grounded: 8 claims: 5 IN, 1 OUT, 2 UNDEC"
    assert "✔ IN    [C]" in out
    assert "✘ OUT   <B1>" in out
    assert "? UNDEC [X]" in out


def test_eval_json_preferred(map_file: str) -> None:
    code, out, _ = run("eval", "-m", map_file, "--semantics", "preferred", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["labels"]["[C]"] == "IN" and data["labels"]["[X]"] == "UNDEC"
    assert sorted(data["extensions"]) == [
        ["<A1>", "[C]", "[D]", "[P1]", "[P2]", "[X]"],
        ["<A1>", "[C]", "[D]", "[P1]", "[P2]", "[Y]"],
    ]
    assert "[X]" in data["credulous"] and "[X]" not in data["sceptical"]
    assert "[C]" in data["sceptical"]


def test_eval_says_first_when_enumerating_may_take_long(
    map_file: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Preferred extensions of a 20,000-claim map ran for many minutes with nothing shown.
    import sys

    from argmap.cli import main
    from argmap.cli import semantics as cli_semantics

    monkeypatch.setattr(cli_semantics, "SLOW_SOLVE", 3)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    framework = tmp_path / "f.af"
    framework.write_text("p af 4\n1 2\n")
    for args, shown in (
        (["eval", "-m", map_file, "--semantics", "preferred", "--summary"], "preferred extensions of 8 claims"),
        (["eval", str(framework), "--semantics", "stable", "--summary"], "stable extensions of 4 arguments"),
        (["eval", "-m", map_file, "--summary"], None),
    ):
        with pytest.raises(SystemExit) as ended:
            main(args)
        assert ended.value.code == 0
        err = capsys.readouterr().err
        assert (shown in err and "Ctrl-C" in err) if shown else err == ""


def test_eval_map_as_positional_file(map_file: str) -> None:
    code, out, _ = run("eval", map_file, "--summary")
    assert code == 0 and out == "grounded: 8 claims: 5 IN, 1 OUT, 2 UNDEC\n"


def test_eval_framework_files(tmp_path: Path) -> None:
    af = tmp_path / "f.af"
    af.write_text("p af 4\n# 1 and 2 attack each other; 3 attacks 4\n1 2\n2 1\n3 4\n")
    code, out, _ = run("eval", str(af))
    assert code == 0
    assert out.splitlines() == [
        "grounded: 4 arguments, 3 attacks: 1 IN, 1 OUT, 2 UNDEC",
        "IN: 3",
        "OUT: 4",
        "UNDEC: 1 2",
    ]
    apx = tmp_path / "f.apx"
    apx.write_text("arg(a). arg(b). arg(c).\natt(a,b). att(b,a). att(b,c).\n")
    code, out, _ = run("eval", str(apx), "-s", "stable", "--json")
    assert code == 0
    data = json.loads(out)
    assert sorted(data["extensions"]) == [["a", "c"], ["b"]]
    assert data["credulous"] == ["a", "b", "c"] and data["sceptical"] == []


def test_eval_bad_framework_is_a_one_line_error_per_problem(tmp_path: Path) -> None:
    af = tmp_path / "bad.af"
    af.write_text("p af 2\n1 3\n")
    code, out, err = run("eval", str(af))
    assert code == 2 and out == ""
    assert "bad.af:2:1: error[AF004]" in err
    assert "Traceback" not in err


def test_eval_usage_errors(tmp_path: Path, map_file: str) -> None:
    assert run("eval", "-m", map_file, "-s", "ideal")[0] == 2
    assert run("eval", str(tmp_path / "x.af"), "-m", map_file)[0] == 2
    code, _, err = run("eval", str(tmp_path / "x.csv"))
    assert code == 2 and "cannot read" in err  # not a framework by its ending: read as a map
    code, _, err = run("eval", str(tmp_path / "missing.af"))
    assert code == 2 and "cannot read" in err


def test_what_if(map_file: str) -> None:
    code, out, _ = run("what-if", "-m", map_file, "--reject", "P1")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Rejecting [P1]: 3 claims change (grounded)"
    assert len(lines) == 4
    assert lines[1].split()[:5] == ["✔", "IN", "->", "✘", "OUT"] and "[C]" in lines[1]
    code, out, _ = run("what-if", "-m", map_file, "--reject", "P1", "--json")
    changes = json.loads(out)["changes"]
    assert changes == [
        {"claim": "[C]", "before": "IN", "after": "OUT"},
        {"claim": "<A1>", "before": "IN", "after": "OUT"},
        {"claim": "[P1]", "before": "IN", "after": "OUT"},
    ]


def test_what_if_accept_settles_a_contradiction(map_file: str) -> None:
    code, out, _ = run("what-if", "-m", map_file, "--accept", "[X]", "--json")
    assert code == 0
    assert json.loads(out)["changes"] == [
        {"claim": "[X]", "before": "UNDEC", "after": "IN"},
        {"claim": "[Y]", "before": "UNDEC", "after": "OUT"},
    ]


def test_what_if_errors(map_file: str) -> None:
    assert run("what-if", "-m", map_file)[0] == 2
    code, _, err = run("what-if", "-m", map_file, "--reject", "nothing like this")
    assert code == 2 and "no claim matches" in err
    code, _, err = run("what-if", "-m", map_file, "--reject", "P1", "--accept", "[P1]")
    assert code == 2 and "both reject and accept" in err


def test_cruxes(map_file: str) -> None:
    code, out, _ = run("cruxes", "[C]", "-m", map_file, "--json")
    assert code == 0
    assert sorted(json.loads(out)["cruxes"]) == [["[D]"], ["[P1]"], ["[P2]"]]
    code, out, _ = run("cruxes", "<B1>", "-m", map_file)
    assert code == 0 and "not accepted (OUT)" in out
    assert run("cruxes", "[C]", "-m", map_file, "--max-size", "0")[0] == 2


def test_cruxes_of_a_claim_on_many_premises(tmp_path: Path) -> None:
    # 300 independent reasons: C(300, 1) + ... + C(300, 5) sets, far too many to try one
    # by one; the solver answers that no set of up to 5 defeats it.  With four reasons,
    # rejecting all four is the one crux.
    path = tmp_path / "wide.argdown"
    path.write_text("[C]: Claim.\n" + "".join(f"  + [R{i}]: Reason {i}.\n" for i in range(300)))
    code, out, _ = run("cruxes", "[C]", "-m", str(path), "--max-size", "5", "--json")
    assert code == 0 and json.loads(out)["cruxes"] == []
    narrow = tmp_path / "narrow.argdown"
    narrow.write_text("[C]: Claim.\n" + "".join(f"  + [R{i}]: Reason {i}.\n" for i in range(4)))
    code, out, _ = run("cruxes", "[C]", "-m", str(narrow), "--max-size", "5", "--json")
    assert code == 0 and json.loads(out)["cruxes"] == [["[R0]", "[R1]", "[R2]", "[R3]"]]


def test_cruxes_that_form_a_product_are_printed_as_groups() -> None:
    """Two groups, one of them with an alternative of two premises rejected together."""
    from argmap.semantics.report import product_groups

    sets = [(a, *b) for a in ("[A]", "[B]", "[C]") for b in (("[X]",), ("[Y]", "[Z]"))]
    assert product_groups(sets) == [[("[A]",), ("[B]",), ("[C]",)], [("[X]",), ("[Y]", "[Z]")]]
    assert product_groups(sets[:-1]) is None  # one choice missing: not a product
    assert product_groups([("[A]",), ("[B]",)]) is None  # one group: listed as it is
