"""Drawings that explain themselves, in every format: a legend of the marks used, the
title once, premise numbers, marks where --depth cut, tooltips with text and quote, and
Argdown's drawing settings from the front matter."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import argmap
from argmap.views.dot_labels import MORE_BELOW
from argmap.views.graphviz import build_drawing, layout
from argmap.views.settings import drawing_settings
from argmap.views.tree import below

HERE = Path(__file__).resolve().parent
SMALL = HERE / "fixtures" / "cli-small.argdown"
SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"

SETTINGS = """===
title: Settings
color:
    tagColors:
        fact: "#ffcc00"
map:
    statementLabelMode: title
    argumentLabelMode: text
    addTags: false
group:
    groupDepth: 1
selection:
    excludeDisconnected: true
    statementSelectionMode: all
===

# Top

## Inner

[A]: Claim a. #fact
  + [B]: Claim b.
  - <C>: Argument c.

[Lonely]: Nobody relates to me.
"""


def svg_of(amap: argmap.ArgumentMap, **options: object) -> ET.Element:
    data, _ = layout(build_drawing(amap, **options), "svg")  # type: ignore[arg-type]
    return ET.fromstring(data)


def texts(root: ET.Element) -> list[str]:
    return [t.text or "" for t in root.iter(f"{SVG}text")]


def test_the_legend_names_only_the_marks_that_occur() -> None:
    amap, _ = argmap.loads("[A]: a.\n  + [B]: b.\n  + [C]: c.\n", name="m.argdown")
    dot = build_drawing(amap, labels={"[A]": "IN", "[B]": "IN", "[C]": "IN"}).dot
    legend = dot.split("graph [label=<", 1)[1].split("labelloc=t", 1)[0]
    assert "support" in legend and "[statement]" in legend and "accepted (IN): thick border" in legend
    for absent in ("attack", "undercut", "&lt;argument&gt;", "OUT", "UNDEC", "premise", "more below"):
        assert absent not in legend, absent


def test_the_title_appears_once_and_above_everything() -> None:
    amap, _ = argmap.loads("===\ntitle: The Deal\n===\n\n# The deal\n\n[A]: a.\n  + [B]: b.\n", name="m.argdown")
    root = svg_of(amap)
    assert [t.lower() for t in texts(root)].count("the deal") == 1
    title_y = next(float(t.get("y", 0)) for t in root.iter(f"{SVG}text") if t.text == "The Deal")
    node_ys = [
        float(t.get("y", 0)) for g in root.iter(f"{SVG}g") if "node" in g.get("class", "") for t in g.iter(f"{SVG}text")
    ]
    assert title_y < min(node_ys), "the title block is at the top, where a reader starts"


def test_premise_edges_carry_their_numbers() -> None:
    amap, _ = argmap.load(SMALL)
    root = svg_of(amap)
    numbers = sorted(
        t.text or ""
        for g in root.iter(f"{SVG}g")
        if g.get("class", "").split() == ["edge", "premise-of"]
        for t in g.iter(f"{SVG}text")
    )
    expected = sorted(f"({step.number})" for step in amap.argument("Fewer deaths").pcs if step.role == "premise")
    assert numbers == expected == ["(1)", "(2)"]


def test_nodes_cut_off_by_depth_say_there_is_more_below() -> None:
    amap, _ = argmap.load(SMALL)
    drawing = build_drawing(amap, depth=1)
    drawn = set(drawing.names)
    expected = {n for n in drawn if any(child not in drawn for child, _, _ in below(amap, n))}
    assert expected and drawing.cut == expected
    root = svg_of(amap, depth=1)
    for group in root.iter(f"{SVG}g"):
        if "node" not in group.get("class", "").split():
            continue
        says_more = any(MORE_BELOW in (t.text or "") for t in group.iter(f"{SVG}text"))
        claim = next(node for node, name in drawing.names.items() if name == group.get("id"))
        assert says_more == (claim in expected), claim
    assert "more below, left out by --depth" in " ".join(texts(root))


def test_tooltips_show_the_text_and_quote_exactly() -> None:
    amap, _ = argmap.loads(
        '[A &amp; B]: Says "x" & <y> \\N here. {quote: "a \\\\G quote & more", para: 3}\n  + [C]: c.\n',
        name="m.argdown",
    )
    record = amap.statement("A &amp; B")
    root = svg_of(amap)
    tips = [a.get(f"{XLINK}title") for a in root.iter(f"{SVG}a")]
    wanted = f"[A &amp; B]\n{record.text}\n“{record.data['quote']}” (paragraph 3)"
    assert wanted in tips
    assert not any(tip in ("n0", "n1") for tip in tips)


def test_front_matter_settings_are_followed_as_argdown_follows_them(tmp_path: Path) -> None:
    amap, _ = argmap.loads(SETTINGS, name="settings.argdown")
    settings, said = drawing_settings(amap)
    assert settings.tag_colors == {"fact": "#ffcc00"} and settings.group_depth == 1
    drawing = build_drawing(amap)
    assert set(drawing.names) == {"[A]", "[B]", "<C>"}, "excludeDisconnected leaves [Lonely] out"
    lines = {
        node: next(line for line in drawing.dot.splitlines() if f'id="{name}"' in line)
        for node, name in drawing.names.items()
    }
    assert 'fillcolor="#ffcc00"' in lines["[A]"] and 'fillcolor="#ffcc00"' not in lines["[B]"]
    assert "Claim a." not in lines["[A]"].split("label=<", 1)[1], "statementLabelMode: title"
    assert "&lt;C&gt;" not in lines["<C>"].split("label=<", 1)[1] and "Argument c." in lines["<C>"]
    assert "label=<<B>Inner</B>>" in drawing.dot and "Top" not in drawing.dot, "groupDepth 1: the lowest level only"
    assert [d.code for d in said] == ["AM209"]
    assert "map.addTags" in said[0].message and "selection.statementSelectionMode" in said[0].message
    source = tmp_path / "settings.argdown"
    source.write_text(SETTINGS, "utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "render", "-m", str(source), "-o", str(tmp_path / "m.svg")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0 and "warning[AM209]" in done.stderr and "map.addTags" in done.stderr


def test_without_settings_every_claim_is_drawn_and_every_heading_is_a_cluster() -> None:
    amap, _ = argmap.loads(SETTINGS.split("===\n\n", 1)[1], name="plain.argdown")
    drawing = build_drawing(amap)
    assert "[Lonely]" in drawing.names
    assert "label=<<B>Top</B>>" in drawing.dot and "label=<<B>Inner</B>>" in drawing.dot
    assert drawing_settings(amap)[1] == []
