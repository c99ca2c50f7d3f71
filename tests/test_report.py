"""``argmap report`` (argmap/views/report.py, argmap/views/document.py): the shipped map's
report has every part, computed independently here; a nasty map's text comes out
literally in Markdown and in HTML, also as a real browser reads it."""

from __future__ import annotations

import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

import argmap
from argmap.api import default_map_path
from argmap.semantics import cruxes, evaluate
from argmap.views.document import Figure, to_html, to_markdown
from argmap.views.report import ReportOptions, build_report
from tests.conftest import IN_CI
from tests.test_cli import run
from tests.test_views import check_golden

NASTY_TEXTS = [
    "Stars 5 * 3 = 15 and 2*x*y, snake_case_name, \\*escaped\\* and a pipe | in a table | row.",
    "A <script>document.body.dataset.pwned = 1</script> tag and <b>bold</b> & &amp; entities.",
    "A [bracket] and `code` and ``more`` and <https://example.org> and an &copy; entity.",
    "1. not a list, # not a heading, > not a quote, ~~not struck~~ \\ backslash.",
]


def texts() -> list[str]:
    """The nasty texts as the map holds them (the Argdown reader reads escapes)."""
    amap, _ = argmap.loads(nasty_map())
    return [amap.statements[f"N{k}"].text for k in range(len(NASTY_TEXTS))]


def nasty_map() -> str:
    lines = [f"[N{k}]: {text}" for k, text in enumerate(NASTY_TEXTS)]
    tree = [lines[0], *("    + " + line for line in lines[1:])]
    return (
        "\n".join(tree) + "\n\n<Arg *x*>: An argument with <html> & [brackets].\n\n(1) [N1]\n(2) [N2]\n----\n(3) [N0]\n"
    )


def shipped_report() -> str:
    amap, diagnostics = argmap.load(default_map_path())
    return to_markdown(build_report(amap, diagnostics, ReportOptions()))


@pytest.fixture(scope="module")
def shipped() -> str:
    return shipped_report()


def test_the_parts_come_in_order(shipped: str) -> None:
    headings = [line for line in shipped.splitlines() if line.startswith("## ")]
    assert headings == [
        "## Main conclusions",
        "## Reasons and objections",
        "## Arguments",
        "## Evaluation",
        "## Cruxes",
        "## Open findings",
    ]


def test_argument_headings_follow_the_maps_sections(shipped: str) -> None:
    amap, _ = argmap.load(default_map_path())
    with_arguments = {a.sections[0] for a in amap.arguments.values() if a.pcs and a.sections}
    expected = [f"### {s.title}" for s in amap.sections.values() if s.id in with_arguments]
    arguments = shipped.split("## Arguments", 1)[1].split("\n## ", 1)[0]
    assert [line for line in arguments.splitlines() if line.startswith("### ")] == expected
    assert len(expected) >= 4


def test_each_reconstructed_argument_is_a_numbered_list_with_its_quotes(shipped: str) -> None:
    amap, _ = argmap.load(default_map_path())
    for argument in amap.arguments.values():
        if not argument.pcs:
            continue
        head = f"#### \\<{argument.title}\\>"
        assert head in shipped
        part = shipped[shipped.index(head) :].split("\n#", 1)[0]
        for step in argument.pcs:
            statement = amap.statements[step.statement]
            mark = "**∴** " if step.role != "premise" else ""
            assert f"\n{step.number}. {mark}**\\[{step.statement}\\]**" in part
            quote = statement.data.get("quote")
            if quote:
                assert f"(paragraph {statement.data['para']})" in part


def test_the_evaluation_names_what_does_not_stand(shipped: str) -> None:
    evaluation = evaluate(argmap.load(default_map_path())[0])
    counts = evaluation.counts()
    total = sum(counts.values())
    assert f"{counts['IN']} of {total} claims stand, {counts['OUT']} do not" in shipped
    part = shipped.split("### What does not stand, and why", 1)[1].split("\n## ", 1)[0]
    listed = {line.split("**")[1].replace("\\", "") for line in part.splitlines() if line.startswith("- **")}
    assert listed == {node for node, label in evaluation.labels.items() if label != "IN"}


def test_the_cruxes_of_the_thesis(shipped: str) -> None:
    sets = cruxes(argmap.load(default_map_path())[0], "[Only temporary]", 2)
    part = shipped.split("## Cruxes", 1)[1].split("\n## ", 1)[0]
    assert "**\\[Only temporary\\]**: rejecting one choice of each of these 2 groups defeats it." in part
    thesis = part.split("\n- ", 2)[1]
    shown = {line.split("**")[1].replace("\\", "") for line in thesis.splitlines() if line.startswith("     - ")}
    assert shown == {p for crux in sets for p in crux}
    assert len(sets) == 33 and all(len(crux) == 2 for crux in sets)


def test_no_open_findings_on_the_shipped_map(shipped: str) -> None:
    assert "## Open findings\n\nNone: argmap validate finds nothing to report." in shipped


def test_findings_are_listed() -> None:
    amap, diagnostics = argmap.loads("[A]: a\n    + [B]: b\n\n[Lonely]: nobody links me.\n", "lonely.argdown")
    text = to_markdown(build_report(amap, diagnostics, ReportOptions()))
    assert "- **warning** AM203 *orphan-statement* — line 4: statement \\[Lonely\\] is not connected" in text


# -- escaping ----------------------------------------------------------------------


def nasty_document(fmt: str) -> str:
    amap, diagnostics = argmap.loads(nasty_map(), "nasty <map>.argdown")
    document = build_report(amap, diagnostics, ReportOptions(figure=Figure("drawing", path="nasty map.svg")))
    return to_html(document) if fmt == "html" else to_markdown(document)


class _Text(HTMLParser):
    """The text of an HTML page, and every tag in it."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.tags: list[str] = []

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)


def page(markup: str) -> _Text:
    parser = _Text()
    parser.feed(markup)
    return parser


def test_markdown_renders_the_maps_text_literally() -> None:
    rendered = page(MarkdownIt("commonmark").render(nasty_document("markdown")))
    text = " ".join("".join(rendered.text).split())
    assert "*escaped*" in texts()[0] and "<script>" in texts()[1] and "``more``" in texts()[2]
    for nasty in [*texts(), "An argument with <html> & [brackets].", "<Arg *x*>"]:
        assert " ".join(nasty.split()) in text
    # The only markup is the report's own: no link, image, code, script or raw HTML from the map.
    assert set(rendered.tags) <= {"h1", "h2", "h3", "h4", "p", "ul", "ol", "li", "strong", "em", "blockquote", "img"}
    assert rendered.tags.count("img") == 1 and "pwned" not in "".join(rendered.tags)


def test_html_escapes_the_maps_text() -> None:
    markup = nasty_document("html")
    rendered = page(markup)
    text = " ".join("".join(rendered.text).split())
    for nasty in texts():
        assert " ".join(nasty.split()) in text
    assert "script" not in rendered.tags and "b" not in rendered.tags and "a" not in rendered.tags
    assert "<title>Argument map: nasty &lt;map&gt;.argdown</title>" in markup


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if IN_CI:
            pytest.fail("chromium is missing, but .ci/run installs it")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    return found


def test_a_browser_shows_the_text_and_runs_no_script(tmp_path: Path) -> None:
    path = tmp_path / "report.html"
    path.write_text(nasty_document("html"), "utf-8")
    dom = subprocess.run(
        [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", path.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    assert "data-pwned" not in dom
    rendered = page(dom)
    assert "script" not in rendered.tags
    text = " ".join("".join(rendered.text).split())
    assert " ".join(texts()[1].split()) in text


# -- the command -------------------------------------------------------------------


def test_report_writes_markdown_and_the_drawing_beside_it(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "handout.md"
    code, _, err = run(capsys, "report", "-o", str(target))
    assert code == 0, err
    svg = tmp_path / "handout.svg"
    assert svg.read_bytes().lstrip().startswith(b"<?xml") and b"<svg" in svg.read_bytes()
    legend = "Boxes are claims, rounded boxes arguments; green arrows support, red arrows attack."
    drawing = f"\n## Drawing\n\n{legend}\n\n![The map drawn: 81 statements, 14 arguments](handout.svg)\n"
    assert target.read_text("utf-8") == shipped_report() + drawing
    assert f"wrote {target} (markdown: 81 statements, 14 arguments)" in err


def test_report_html_has_the_drawing_inside(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "r.html"
    code, _, err = run(capsys, "report", "--format", "html", "-o", str(target))
    assert code == 0, err
    markup = target.read_text("utf-8")
    assert markup.startswith("<!DOCTYPE html>") and markup.count("<svg") == 1 and "<?xml" not in markup
    assert not (tmp_path / "r.svg").exists()


def test_report_on_standard_output_and_bad_formats(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "report", "--no-drawing")
    assert (code, err) == (0, "") and out == shipped_report()
    code, out, err = run(capsys, "report", "--format", "pdf")
    assert code == 2 and "unknown report format 'pdf'" in err
    code, out, err = run(capsys, "report", "--format", "html", "-o", "x.md")
    assert code == 2 and "contradicts the file name" in err


def test_report_reads_markdown_notes(capsys: pytest.CaptureFixture[str]) -> None:
    notes = Path(__file__).resolve().parent / "fixtures" / "markdown" / "notes.md"
    code, out, _ = run(capsys, "report", str(notes), "--no-drawing")
    assert code == 0
    assert "# Argument map: notes.md" in out and "### \\<Shorter trips\\>" in out


def test_a_deep_map_is_reported_with_its_outline_cut(capsys: pytest.CaptureFixture[str]) -> None:
    # 3,000 claims in one chain: deeper than the recursion limit, and than a page can show.
    chain = "\n\n".join(f"[C{k}]: Claim {k}.\n    + [C{k + 1}]" for k in range(3000)) + "\n\n[C3000]: The last.\n"
    amap, diagnostics = argmap.loads(chain, "chain.argdown")
    document = build_report(amap, diagnostics, ReportOptions())
    text = to_markdown(document)
    outline = text.split("## Reasons and objections", 1)[1].split("\n## ", 1)[0]
    assert outline.count("\n") < 20 and "argmap show --focus '\\[C12\\]' goes on from here" in outline
    assert "<li>" in to_html(document)


@pytest.mark.parametrize("name", ["notes", "nasty"])
def test_golden_reports(name: str) -> None:
    """The whole Markdown of two small reports, read once by a person (ARGMAP_UPDATE_GOLDEN=1 rewrites them)."""
    if name == "notes":
        amap, diagnostics = argmap.load(Path(__file__).resolve().parent / "fixtures" / "markdown" / "notes.md")
        text = to_markdown(build_report(amap, diagnostics, ReportOptions()))
    else:
        text = nasty_document("markdown")
    check_golden(f"report-{name}.md", text)
