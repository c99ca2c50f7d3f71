"""The HTML explorer in a real browser (headless Chromium): what a reader can do with it.

The page is written by the real command (``argmap render -o map.html``) and opened from
``file://``.  Expected claims are worked out here from the map itself, not read from
the page's own data.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from chromium import browser_page, chromium_path

import argmap
from argmap.api import default_map_path
from argmap.model import ArgumentMap
from argmap.views.tree import below

PENTAGON = "[Pentagon sabotage]"
STALLED = "<Stalled cooperation>"


def render_html(source: Path, target: Path, *more: str) -> Path:
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "render", "-m", str(source), "-o", str(target), *more],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return target


@pytest.fixture(scope="module")
def shipped() -> ArgumentMap:
    amap, _ = argmap.load(default_map_path())
    return amap


@pytest.fixture(scope="module")
def page_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    chromium_path()  # skip (or fail in CI) before the work when there is no browser
    return render_html(default_map_path(), tmp_path_factory.mktemp("explorer") / "map.html")


@pytest.fixture
def page(page_file: Path) -> Iterator[Any]:
    with browser_page() as opened:
        opened.goto(page_file.as_uri())
        opened.wait_for_selector("body[data-ready='1']")
        yield opened
        assert opened.errors == [], "the page's script failed"


def node(page: Any, claim: str) -> Any:
    return page.locator(f"g.node[data-id='{claim}']")


def visible_ids(page: Any) -> set[str]:
    return set(page.eval_on_selector_all("g.node:not(.hidden)", "gs => gs.map(g => g.dataset.id)"))


def shown_after_collapsing(amap: ArgumentMap, collapsed: set[str]) -> set[str]:
    """The claims a reader still sees: reachable from a top claim without passing below a
    collapsed one.  The top claims are those below nothing, and, for a cycle no top claim
    reaches, its first claim in the document."""
    children = {n: [c for c, _, _ in below(amap, n)] for n in amap.graph.nodes}
    has_parent = {c for kids in children.values() for c in kids}

    def reach(starts: list[str], blocked: set[str]) -> set[str]:
        seen = set(starts)
        stack = list(starts)
        while stack:
            current = stack.pop()
            if current not in blocked:
                for child in children[current]:
                    if child not in seen:
                        seen.add(child)
                        stack.append(child)
        return seen

    tops = [n for n in amap.graph.nodes if n not in has_parent]
    for claim in amap.graph.nodes:
        if claim not in reach(tops, set()):
            tops.append(claim)
    return reach(tops, collapsed)


def test_the_page_asks_for_nothing_outside_itself(page: Any, page_file: Path) -> None:
    assert page.requests and all(url.split("#")[0] == page_file.as_uri() for url in page.requests)
    html = page_file.read_text("utf-8")
    assert "http://" not in html.replace("http://www.w3.org/", "") and "https://" not in html


def test_every_claim_of_the_shipped_map_carries_its_id(page: Any, shipped: ArgumentMap) -> None:
    ids = page.eval_on_selector_all("g.node[data-id]", "gs => gs.map(g => g.dataset.id)")
    assert sorted(ids) == sorted(shipped.graph.nodes)


def test_search_highlights_every_claim_that_mentions_the_pentagon(page: Any, shipped: ArgumentMap) -> None:
    expected = set()
    for claim in shipped.graph.nodes:
        record = shipped.record(claim)
        text = getattr(record, "text", None) or getattr(record, "description", "")
        words = " ".join([claim, text, str(record.data.get("quote", "")), *("#" + t for t in record.tags)])
        if "pentagon" in words.lower():
            expected.add(claim)
    assert PENTAGON in expected
    page.fill("#search", "Pentagon")
    matched = set(page.eval_on_selector_all("g.node.match", "gs => gs.map(g => g.dataset.id)"))
    assert matched == expected
    assert page.text_content("#matches") == f"1 of {len(expected)}"
    first = node(page, sorted(expected, key=list(shipped.graph.nodes).index)[0]).bounding_box()
    stage = page.locator("#stage").bounding_box()
    assert stage["x"] <= first["x"] + first["width"] / 2 <= stage["x"] + stage["width"], "moved to the match"


def test_clicking_a_claim_shows_its_quote_and_links(page: Any, shipped: ArgumentMap) -> None:
    wanted = shipped.statement(PENTAGON[1:-1]).data["quote"]
    node(page, PENTAGON).click()
    assert page.text_content("#details h2") == PENTAGON
    assert page.text_content("#details blockquote") == wanted
    page.click(f"#details a[href='#{quote(STALLED, safe='')}']")
    assert page.text_content("#details h2") == STALLED
    assert "selected" in (node(page, STALLED).get_attribute("class") or "")


def test_collapse_hides_the_reasons_below_and_expand_brings_them_back(page: Any, shipped: ArgumentMap) -> None:
    everything = set(shipped.graph.nodes)
    assert visible_ids(page) == everything
    node(page, STALLED).click()
    page.click("#toggle")
    expected = shown_after_collapsing(shipped, {STALLED})
    assert PENTAGON not in expected
    assert visible_ids(page) == expected
    page.click("#toggle")
    node(page, "[Failure caused]").click()
    page.click("#toggle")
    expected = shown_after_collapsing(shipped, {"[Failure caused]"})
    assert len(everything - expected) > 5
    assert visible_ids(page) == expected
    badge = page.text_content("text.badge")
    assert badge is not None and f"{len(everything - expected)} hidden below" in badge
    assert not node(page, PENTAGON).is_visible()
    page.click("#toggle")
    assert visible_ids(page) == everything
    assert node(page, PENTAGON).is_visible()


def test_a_permalink_opens_with_its_claim_selected_and_in_view(page_file: Path) -> None:
    with browser_page() as opened:
        opened.goto(page_file.as_uri() + "#" + quote(PENTAGON, safe=""))
        opened.wait_for_selector("body[data-ready='1']")
        assert opened.text_content("#details h2") == PENTAGON
        box = node(opened, PENTAGON).bounding_box()
        stage = opened.locator("#stage").bounding_box()
        assert stage["x"] <= box["x"] and box["x"] + box["width"] <= stage["x"] + stage["width"]
        assert stage["y"] <= box["y"] and box["y"] + box["height"] <= stage["y"] + stage["height"]
        assert opened.errors == []


def test_focus_shows_a_neighbourhood_and_whole_map_comes_back(page: Any, shipped: ArgumentMap) -> None:
    near = {PENTAGON} | {c for c, _, _ in below(shipped, PENTAGON)}
    near |= {p for p in shipped.graph.nodes if any(c == PENTAGON for c, _, _ in below(shipped, p))}
    node(page, PENTAGON).click()
    page.fill("#steps", "1")
    page.click("#focus-here")
    assert visible_ids(page) == near
    page.click("#whole")
    assert visible_ids(page) == set(shipped.graph.nodes)


def test_keys_zoom_and_dragging_pans(page: Any) -> None:
    before = page.evaluate("window.argmap.view")
    page.locator("#stage").focus()
    page.keyboard.press("+")
    zoomed = page.evaluate("window.argmap.view")
    assert zoomed["w"] < before["w"]
    page.mouse.move(500, 400)
    page.mouse.down()
    page.mouse.move(600, 450, steps=5)
    page.mouse.up()
    moved = page.evaluate("window.argmap.view")
    assert moved["x"] < zoomed["x"] and moved["y"] < zoomed["y"] and moved["w"] == pytest.approx(zoomed["w"])
    page.keyboard.press("0")
    assert page.evaluate("window.argmap.view")["w"] == pytest.approx(before["w"], rel=0.01)


def test_a_screenshot_shows_the_map(page: Any) -> None:
    stage = page.locator("#stage")
    drawn = stage.screenshot()
    page.evaluate("document.querySelector('#stage > svg').style.visibility = 'hidden'")
    blank = stage.screenshot()
    assert len(drawn) > 4 * len(blank), "the drawing compresses like an empty stage"


NASTY = """===
title: Quotes & <b>tags</b> </script>
===

[Script]: Ends a script </script><script>window.pwned = 1</script> & stays text. \
{quote: "a quote </script><img src=x onerror='window.pwned=2'>", para: 2}
  + [Bold]: <b>not bold</b> & "double" and 'single' quotes &amp; \\u003c.
  - <Arg>: An argument with a </style> and <!-- comment -->.
"""


def test_texts_come_out_literally(tmp_path: Path) -> None:
    source = tmp_path / "nasty.argdown"
    source.write_text(NASTY, "utf-8")
    target = render_html(source, tmp_path / "nasty.html")
    with browser_page() as opened:
        opened.goto(target.as_uri())
        opened.wait_for_selector("body[data-ready='1']")
        assert opened.evaluate("window.pwned") is None
        assert opened.title() == "Quotes & <b>tags</b> </script>"
        node(opened, "[Script]").click()
        assert (
            opened.text_content("#details .text")
            == "Ends a script </script><script>window.pwned = 1</script> & stays text."
        )
        assert opened.text_content("#details blockquote") == "a quote </script><img src=x onerror='window.pwned=2'>"
        node(opened, "[Bold]").click()
        assert (
            opened.text_content("#details .text") == "<b>not bold</b> & \"double\" and 'single' quotes &amp; \\u003c."
        )
        assert opened.locator("#details b, #details img, #details script").count() == 0
        assert sorted(opened.eval_on_selector_all("g.node[data-id]", "gs => gs.map(g => g.dataset.id)")) == [
            "<Arg>",
            "[Bold]",
            "[Script]",
        ]
        assert opened.errors == []
