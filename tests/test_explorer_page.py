"""The explorer page as a file (no browser): how render writes it, and what it holds."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap.api import default_map_path
from argmap.views.html import script_json

DATA = re.compile(r'<script type="application/json" id="argmap-data">(.*?)</script>', re.DOTALL)


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "argmap", *args], capture_output=True, text=True, timeout=120, cwd=cwd)


def page_data(page: str) -> dict[str, object]:
    found = DATA.search(page)
    assert found is not None
    data: dict[str, object] = json.loads(found.group(1))
    return data


@given(st.text())
def test_json_in_a_script_never_closes_it_and_reads_back(text: str) -> None:
    written = script_json({"text": text, "list": [text, "</script>"]})
    assert not set("<>&") & set(written)
    assert json.loads(written) == {"text": text, "list": [text, "</script>"]}


def test_render_format_html_writes_one_self_contained_page_to_stdout() -> None:
    done = run("render", "--format", "html")
    assert done.returncode == 0, done.stderr
    page = done.stdout
    assert page.startswith("<!DOCTYPE html>")
    assert page.count("<script") == page.count("</script>") == 2
    assert not re.search(r'(src|href)="(https?:)?//', page), "nothing is fetched"
    amap, _ = argmap.load(default_map_path())
    nodes = page_data(page)["nodes"]
    assert isinstance(nodes, dict) and sorted(nodes) == sorted(amap.graph.nodes)
    assert '<input type="search"' in page and 'id="details"' in page


def test_the_file_name_says_html_and_a_contradiction_is_refused(tmp_path: Path) -> None:
    done = run("render", "-o", "map.htm", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "wrote map.htm (html:" in done.stderr
    assert (tmp_path / "map.htm").read_text("utf-8").startswith("<!DOCTYPE html>")
    refused = run("render", "-o", "map.svg", "--format", "html", cwd=tmp_path)
    assert refused.returncode != 0 and "contradicts" in refused.stderr


def test_a_part_of_the_map_says_what_lies_below_it(tmp_path: Path) -> None:
    done = run("render", "-o", "part.html", "--focus", "Back to the table", "--depth", "1", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    nodes = page_data((tmp_path / "part.html").read_text("utf-8"))["nodes"]
    assert isinstance(nodes, dict)
    amap, _ = argmap.load(default_map_path())
    from argmap.views.tree import below

    for claim, facts in nodes.items():
        left_out = [c for c, _, _ in below(amap, claim) if c not in nodes]
        assert facts.get("more", 0) == len(left_out), claim
    assert any("more" in facts for facts in nodes.values())
