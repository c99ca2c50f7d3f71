"""Latency of ``argmap lsp`` on a 1,000-statement document, measured as an editor sees it.

    python benchmarks/lsp_bench.py               # 1,000 statements, 20 edits
    python benchmarks/lsp_bench.py --size 5000 --rounds 10

Starts ``argmap lsp`` as a real process (pygls's client over stdio), opens the
synthetic map of ``gen_argdown.py``, then, round after round: changes one word of a
statement's text (an incremental edit, as typing sends it) and times until that
version's diagnostics arrive (debounce included), then times a hover on a title after
it.  Targets: diagnostics < 150 ms, hover < 50 ms (the medians).  Also prints the time
of parsing and linting the document in-process, the floor under the first figure, and
the processor time the server spends per edit (from /proc, on Linux): on a machine
shared with other work, wall-clock times grow with the load, processor times much less.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from gen_argdown import generate  # noqa: E402
from lsprotocol import types as lsp  # noqa: E402
from pygls.lsp.client import LanguageClient  # noqa: E402

from argmap.lsp.document import read_document  # noqa: E402
from argmap.lsp.server import DEBOUNCE_SECONDS  # noqa: E402

URI = "file:///tmp/argmap-lsp-bench.argdown"


def summary(name: str, seconds: list[float], target_ms: float) -> str:
    ms = sorted(s * 1000 for s in seconds)
    median = statistics.median(ms)
    verdict = "ok" if median < target_ms else "OVER TARGET"
    return (
        f"{name:<28} median {median:7.1f} ms  min {ms[0]:7.1f}  max {ms[-1]:7.1f}"
        f"  (target < {target_ms:.0f} ms: {verdict})"
    )


def cpu_seconds(pid: int) -> float | None:
    """User plus system time of process ``pid`` so far (None where /proc is missing)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def measure(text: str, rounds: int) -> tuple[list[float], list[float], list[float]]:
    client = LanguageClient("argmap-bench", "1")
    published: dict[int, float] = {}
    arrived = asyncio.Event()

    @client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(params: lsp.PublishDiagnosticsParams) -> None:
        if params.version is not None:
            published[params.version] = time.perf_counter()
        arrived.set()

    await client.start_io(sys.executable, "-m", "argmap", "lsp")
    pid = client._server.pid if client._server is not None else 0
    await client.initialize_async(lsp.InitializeParams(capabilities=lsp.ClientCapabilities(), process_id=None))
    client.initialized(lsp.InitializedParams())
    client.text_document_did_open(
        lsp.DidOpenTextDocumentParams(
            text_document=lsp.TextDocumentItem(uri=URI, language_id="argdown", version=1, text=text)
        )
    )
    await wait_for(published, 1, arrived)
    lines = text.splitlines()
    row = next(i for i, line in enumerate(lines) if line.startswith("[S0]:"))
    word = lines[row].index("says")
    diagnostics_times: list[float] = []
    hover_times: list[float] = []
    cpu_times: list[float] = []
    for version in range(2, rounds + 2):
        replacement = "SAYS" if version % 2 == 0 else "says"
        edit = lsp.Range(start=lsp.Position(line=row, character=word), end=lsp.Position(line=row, character=word + 4))
        cpu_before = cpu_seconds(pid)
        start = time.perf_counter()
        client.text_document_did_change(
            lsp.DidChangeTextDocumentParams(
                text_document=lsp.VersionedTextDocumentIdentifier(version=version, uri=URI),
                content_changes=[lsp.TextDocumentContentChangePartial(range=edit, text=replacement)],
            )
        )
        await wait_for(published, version, arrived)
        diagnostics_times.append(published[version] - start)
        cpu_after = cpu_seconds(pid)
        if cpu_before is not None and cpu_after is not None:
            cpu_times.append(cpu_after - cpu_before)
        start = time.perf_counter()
        hovered = await client.text_document_hover_async(
            lsp.HoverParams(
                text_document=lsp.TextDocumentIdentifier(uri=URI), position=lsp.Position(line=row, character=2)
            )
        )
        hover_times.append(time.perf_counter() - start)
        assert hovered is not None, "no hover on [S0]"
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return diagnostics_times, hover_times, cpu_times


async def wait_for(published: dict[int, float], version: int, arrived: asyncio.Event) -> None:
    while version not in published:
        arrived.clear()
        await asyncio.wait_for(arrived.wait(), 60)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=1000, help="statements in the document")
    parser.add_argument("--rounds", type=int, default=20, help="edits to time")
    args = parser.parse_args()
    text = generate(args.size)
    parse_times = []
    parse_cpu = []
    for _ in range(5):
        start, start_cpu = time.perf_counter(), time.process_time()
        read_document(URI, text, "bench.argdown")
        parse_times.append(time.perf_counter() - start)
        parse_cpu.append(time.process_time() - start_cpu)
    diagnostics_times, hover_times, cpu_times = asyncio.run(measure(text, args.rounds))
    print(f"argmap lsp on {args.size:,} statements ({len(text.splitlines()):,} lines), {args.rounds} edits")
    print(f"machine: {platform.machine()}, Python {platform.python_version()}, {platform.system()}")
    print(
        f"debounce: {DEBOUNCE_SECONDS * 1000:.0f} ms; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    )
    print(summary("parse + lint (in-process)", parse_times, 150))
    print(summary("  the same, processor time", parse_cpu, 150))
    print(summary("edit -> diagnostics", diagnostics_times, 150))
    if cpu_times:
        print(summary("  server processor time", cpu_times, 150))
    print(summary("hover", hover_times, 50))


if __name__ == "__main__":
    main()
