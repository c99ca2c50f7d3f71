"""``argmap diff`` from the command line: exit status, formats, and git (real git processes)."""

from __future__ import annotations

import html
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from typer.testing import CliRunner

import argmap
from argmap.api import default_map_path
from argmap.cli import app

runner = CliRunner()
OLD = "[C]: The claim.\n  - [O]: An objection.\n  + [R]: A reason.\n"
NEW = "[C]: The claim, reworded.\n  + [R]: A reason.\n"


def _files(tmp_path: Path, old: str = OLD, new: str = NEW) -> tuple[str, str]:
    a, b = tmp_path / "old.argdown", tmp_path / "new.argdown"
    a.write_text(old, "utf-8")
    b.write_text(new, "utf-8")
    return str(a), str(b)


def test_exit_status_is_0_for_the_same_meaning_1_for_a_difference_2_for_errors(tmp_path: Path) -> None:
    old, new = _files(tmp_path)
    rewrapped = tmp_path / "rewrapped.argdown"
    rewrapped.write_text("[C]: The\n  claim.\n  + [R]: A reason.\n  - [O]: An\n    objection.\n", "utf-8")
    same = runner.invoke(app, ["diff", old, str(rewrapped)])
    assert (same.exit_code, "No change in meaning." in same.stdout) == (0, True)
    assert runner.invoke(app, ["diff", old, new]).exit_code == 1
    assert runner.invoke(app, ["diff", old, str(tmp_path / "missing.argdown")]).exit_code == 2
    assert runner.invoke(app, ["diff", old]).exit_code == 2
    assert runner.invoke(app, ["diff", old, new, "--format", "html"]).exit_code == 2


def test_text_output_names_every_change(tmp_path: Path) -> None:
    result = runner.invoke(app, ["--color", "never", "diff", *_files(tmp_path)])
    out = result.stdout
    assert "- [O]: An objection." in out
    assert "text: The [-claim.-] {+claim, reworded.+}" in out
    assert "- [O] attacks [C]" in out
    assert "[C] ✘ OUT → ✔ IN" in out
    assert "because removed: [O] attacks [C]" in out


def test_colour_comes_from_the_palette(tmp_path: Path) -> None:
    out = runner.invoke(app, ["--color", "always", "diff", *_files(tmp_path)]).stdout
    assert "\x1b[1;32m{+claim, reworded.+}" in out  # palette.SUPPORT, bold green


def test_markdown_keeps_the_users_text_literal(tmp_path: Path) -> None:
    nasty = "[C]: a *b* _c_ | d <script>x</script> [link](http://e) `f` ~~g~~ # h"
    old, new = _files(tmp_path, "[C]: plain.\n", nasty + "\n")
    result = runner.invoke(app, ["diff", old, new, "--format", "markdown"])
    assert result.exit_code == 1
    rendered = MarkdownIt("commonmark").enable("strikethrough").render(result.stdout)
    assert "<script>" not in rendered and "<a " not in rendered and "<code>" not in rendered
    text = argmap.loads(nasty)[0].statements["C"].text  # as the reader reads it (it drops emphasis marks)
    assert "|" in text and "<script>" in text and "`f`" in text
    assert f"<strong>{html.escape(text, quote=False)}</strong>" in rendered
    assert "<s>plain.</s>" in rendered


def test_json_is_the_diff_shape(tmp_path: Path) -> None:
    result = runner.invoke(app, ["diff", *_files(tmp_path), "--json"])
    data = json.loads(result.stdout)
    assert data["schema"] == "argmap:diff/1"
    assert [i["id"] for i in data["statements"]["removed"]] == ["[O]"]
    assert data["relations"]["removed"] == [{"type": "attack", "from": "[O]", "to": "[C]"}]
    assert data["labels"] == [
        {
            "id": "[C]",
            "before": "OUT",
            "after": "IN",
            "because": [
                {"kind": "relation removed", "id": "[C]", "relation": {"type": "attack", "from": "[O]", "to": "[C]"}}
            ],
        }
    ]


GOLDEN = Path(__file__).resolve().parent / "golden"


def _shipped_and_edited(folder: Path) -> None:
    """The shipped map (old.argdown) and a copy (new.argdown) with a reworded claim, a removed
    objection (the undercut of <War signals>) and a premise added to <Deal without delivery>."""
    text = default_map_path().read_text("utf-8")
    (folder / "old.argdown").write_text(text, "utf-8")
    edited = text.replace("In about six months Moscow and Washington will have to go back", "Within six months or so")
    edited = edited.replace("[Nobody wants to look weak]\n    _> <War signals>\n", "[Nobody wants to look weak]\n")
    edited = edited.replace(
        "(4) [Fails where delivery fails]",
        "(4) [Moderates weak]: The U.S.-backed moderates are weak.\n(5) [Fails where",
    ).replace("----\n(5) [Failure caused]", "----\n(6) [Failure caused]")
    edited = edited.replace("(5) [Fails where: When", "(5) [Fails where delivery fails]: When")
    (folder / "new.argdown").write_text(edited, "utf-8")


@pytest.mark.parametrize(("args", "golden"), [([], "diff-shipped.txt"), (["--format", "markdown"], "diff-shipped.md")])
def test_the_shipped_map_against_an_edited_copy(
    args: list[str], golden: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _shipped_and_edited(tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "100")
    result = runner.invoke(app, ["--color", "never", "diff", "old.argdown", "new.argdown", *args])
    assert result.exit_code == 1
    path = GOLDEN / golden
    if os.environ.get("ARGMAP_UPDATE_GOLDEN"):
        path.write_text(result.stdout, "utf-8")
    assert result.stdout == path.read_text("utf-8")


def test_git_is_given_as_seven_arguments_only(tmp_path: Path) -> None:
    old, new = _files(tmp_path)
    assert runner.invoke(app, ["diff", "--git", old, new]).exit_code == 2
    added = runner.invoke(app, ["diff", "--git", "map.argdown", "/dev/null", ".", ".", new, "0" * 40, "100644"])
    assert added.exit_code == 0, "git stops at an external diff that fails: --git exits 0 when it differs"
    assert "+ [C]: The claim, reworded." in added.stdout
    renamed = runner.invoke(
        app, ["diff", "--git", "a.argdown", old, ".", "100644", new, ".", "100644", "b.argdown", "x"]
    )
    assert renamed.exit_code == 0 and "argmap diff a.argdown → b.argdown" in renamed.stdout


# -- real git ----------------------------------------------------------------------


def _git_or_skip() -> str:
    git = shutil.which("git")
    if git is None:
        if os.environ.get("CI") == "true":
            pytest.fail("git is missing: .ci/run installs it")
        pytest.skip("git is not installed")
    return git


def _repo(tmp_path: Path) -> tuple[str, Path, dict[str, str]]:
    git = _git_or_skip()
    repo = tmp_path / "repo"
    repo.mkdir()
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "NO_COLOR": "1",
    }

    def run(*args: str) -> None:
        subprocess.run([git, *args], cwd=repo, env=env, check=True, capture_output=True)

    run("init", "-q")
    shutil.copy(default_map_path(), repo / "map.argdown")
    run("add", "map.argdown")
    run("commit", "-qm", "map")
    text = (repo / "map.argdown").read_text("utf-8")
    (repo / "map.argdown").write_text(text.replace("[Nobody wants to look weak]\n    _> <War signals>\n", ""), "utf-8")
    run("commit", "-qam", "drop the undercut")
    (repo / "map.argdown").write_text(text.replace("In about six months", "Within six months"), "utf-8")
    return git, repo, env


def _argmap(repo: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "argmap", *args], cwd=repo, env=env, capture_output=True, text=True, timeout=120
    )


def test_a_revision_against_the_working_copy_and_two_revisions(tmp_path: Path) -> None:
    _, repo, env = _repo(tmp_path)
    against_work = _argmap(repo, env, "diff", "HEAD", "map.argdown")
    assert against_work.returncode == 1, against_work.stderr
    assert (
        "{+Within+}" in against_work.stdout
        and "+ [Nobody wants to look weak] undercuts <War signals>" in against_work.stdout
    )
    revisions = _argmap(repo, env, "diff", "HEAD~1", "HEAD", "map.argdown", "--json")
    data = json.loads(revisions.stdout)
    assert data["relations"]["removed"] == [
        {"type": "undercut", "from": "[Nobody wants to look weak]", "to": "<War signals>"}
    ]
    assert [(c["id"], c["before"], c["after"]) for c in data["labels"]] == [("<War signals>", "OUT", "IN")]
    assert data["old"] == "HEAD~1:map.argdown"
    unknown = _argmap(repo, env, "diff", "no-such-rev", "HEAD", "map.argdown")
    assert unknown.returncode == 2 and "no-such-rev" in unknown.stderr


def test_git_diff_runs_argmap_as_an_external_diff_driver(tmp_path: Path) -> None:
    git, repo, env = _repo(tmp_path)
    (repo / ".gitattributes").write_text("*.argdown diff=argmap\n", "utf-8")
    command = f"'{sys.executable}' -m argmap diff --git"
    done = subprocess.run(
        [git, "-c", f"diff.argmap.command={command}", "diff", "--", "map.argdown"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "argmap diff map.argdown → map.argdown" in done.stdout
    assert "text: [-In about-] {+Within+} six months" in done.stdout
    assert "+ [Nobody wants to look weak] undercuts <War signals>" in done.stdout
    assert "~ <War signals> ✔ IN → ✘ OUT" in done.stdout, "the working copy has the undercut back"
