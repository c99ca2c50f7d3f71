"""argmap's Argdown JSON export against the Argdown CLI 2.0.0's, whole process, same file.

    python benchmarks/interchange_bench.py [N] [--runs R]

Generates the synthetic N-statement map (default 10,000) with benchmarks/gen_argdown.py,
then times, R times each (default 3), as whole processes:

* ``python -m argmap export --to argdown-json -m FILE -o OUT``
* ``argdown json FILE OUTDIR`` (the Argdown CLI 2.0.0, installed from npm into
  benchmarks/argdown-cli/)

and prints the best and median wall-clock time of each and the ratio of the medians.
Then, R more times, it runs argmap's export step by step in one process (the same
imports, reader, writer and file write as the command, without the command-line
parsing) and prints the median of each step, to show where argmap's time goes.

Installing the Argdown CLI: ``@argdown/cli@2.0.0`` depends on
``@argdown/markdown-it-plugin@2.0.0``, which was never published, so
benchmarks/argdown-cli/package.json overrides it with 1.7.7.  That version is a
CommonJS module whose function is ``exports.default``, while the CLI imports it as an ES
module's default export, so the CLI stops at start-up with "createArgdownPlugin is not a
function".  This script therefore starts the CLI with a Node module hook (written to
benchmarks/out/argdown-shim/) that hands the CLI the plugin's ``default`` export; the
hook only changes how that one import resolves, not what the CLI does.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
CLI_DIR = HERE / "argdown-cli"
PACKAGE_JSON = {
    "name": "argmap-bench-argdown-cli",
    "private": True,
    "description": "The Argdown CLI, installed only for argmap's benchmarks.",
    "dependencies": {"@argdown/cli": "2.0.0"},
    "overrides": {"@argdown/markdown-it-plugin": "1.7.7"},
}
HOOKS = """export async function resolve(specifier, context, next) {
  if (specifier === "@argdown/markdown-it-plugin") {
    return { url: new URL("./plugin.mjs", import.meta.url).href, shortCircuit: true };
  }
  return next(specifier, context);
}
"""
PLUGIN = """import { createRequire } from "node:module";
const require = createRequire(%s);
const plugin = require("@argdown/markdown-it-plugin");
export default plugin.default || plugin;
"""
REGISTER = """import { register } from "node:module";
register("./hooks.mjs", import.meta.url);
"""


def install_argdown() -> Path:
    """The Argdown CLI's entry script, installing it with npm if needed."""
    cli = CLI_DIR / "node_modules" / "@argdown" / "cli" / "dist" / "cli.js"
    if cli.exists():
        return cli
    if shutil.which("npm") is None:
        sys.exit("interchange_bench: npm is not installed; cannot install the Argdown CLI")
    CLI_DIR.mkdir(parents=True, exist_ok=True)
    package = CLI_DIR / "package.json"
    if not package.exists():  # a colleague's benchmark may have created it already: reuse it
        package.write_text(json.dumps(PACKAGE_JSON, indent=2) + "\n", encoding="utf-8")
    subprocess.run(["npm", "install", "--no-audit", "--no-fund"], cwd=CLI_DIR, check=True)
    return cli


def write_shim() -> Path:
    shim = OUT / "argdown-shim"
    shim.mkdir(parents=True, exist_ok=True)
    anchor = json.dumps(str(CLI_DIR / "node_modules" / "@argdown" / "cli" / "package.json"))
    (shim / "hooks.mjs").write_text(HOOKS, encoding="utf-8")
    (shim / "plugin.mjs").write_text(PLUGIN % anchor, encoding="utf-8")
    (shim / "register.mjs").write_text(REGISTER, encoding="utf-8")
    return shim / "register.mjs"


def timed(command: list[str], runs: int) -> list[float]:
    times: list[float] = []
    for _ in range(runs):
        start = time.perf_counter()
        result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
        elapsed = time.perf_counter() - start
        if result.returncode != 0:
            sys.exit(f"interchange_bench: {' '.join(command)} failed:\n{result.stderr[-2000:]}")
        times.append(elapsed)
    return times


PHASES = """
import time
imports = time.time()
import argmap.cli  # what python -m argmap imports
import json, os, sys
from pathlib import Path
from argmap._gc import paused_gc
from argmap.interchange.formats import read_file, write_atomic, writer
parse = time.time()
amap, _ = read_file(Path(sys.argv[1]))
convert = time.time()
with paused_gc():
    text = writer("argdown-json")(amap)
write = time.time()
write_atomic(Path(sys.argv[2]), text)
print(json.dumps({"imports": imports, "parse": parse, "convert and encode": convert, "write": write,
                  "exit": time.time()}))
sys.stdout.flush()
os._exit(0)
"""


def phases(source: Path, out: Path, runs: int) -> dict[str, float]:
    """Median seconds of each step of argmap's export, run step by step in one process
    as the command runs them: "start-up" is the interpreter's start (to the first
    import), "exit" is from the end of the write to the parent seeing the process end."""
    samples: dict[str, list[float]] = {}
    for _ in range(runs):
        launched = time.time()
        result = subprocess.run(
            [sys.executable, "-c", PHASES, str(source), str(out)], capture_output=True, text=True, cwd=ROOT
        )
        ended = time.time()
        if result.returncode != 0:
            sys.exit(f"interchange_bench: the phase run failed:\n{result.stderr[-2000:]}")
        marks = {"start-up": launched, **json.loads(result.stdout), "end": ended}
        names = list(marks)
        for name, following in itertools.pairwise(names):
            samples.setdefault(name, []).append(marks[following] - marks[name])
    return {name: statistics.median(values) for name, values in samples.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, nargs="?", default=10_000, help="statements in the synthetic map")
    parser.add_argument("--runs", type=int, default=3, help="runs of each command")
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))
    from gen_argdown import write

    source = write(args.n, OUT)
    cli = install_argdown()
    register = write_shim()
    ours_out = OUT / f"synthetic-{args.n}.argmap.argdown.json"
    theirs_dir = OUT / "argdown-json"
    theirs_dir.mkdir(parents=True, exist_ok=True)
    env_python = [sys.executable, "-m", "argmap"]
    ours_cmd = [*env_python, "export", "--to", "argdown-json", "-m", str(source), "-o", str(ours_out)]
    theirs_cmd = ["node", "--import", str(register), str(cli), "json", str(source), str(theirs_dir)]
    ours = timed(ours_cmd, args.runs)
    theirs = timed(theirs_cmd, args.runs)
    produced = json.loads((theirs_dir / f"synthetic-{args.n}.json").read_text("utf-8"))
    mine = json.loads(ours_out.read_text("utf-8"))
    print(f"input: {source.relative_to(ROOT)} ({args.n} statements, {os.path.getsize(source):,} bytes)")
    print(
        f"same statements: {set(mine['statements']) == set(produced['statements'])}, "
        f"same arguments: {set(mine['arguments']) == set(produced['arguments'])}"
    )
    print(f"argmap export --to argdown-json: best {min(ours):.2f} s, median {statistics.median(ours):.2f} s")
    print(f"argdown json (CLI 2.0.0):        best {min(theirs):.2f} s, median {statistics.median(theirs):.2f} s")
    print(f"argmap is {statistics.median(theirs) / statistics.median(ours):.1f}x faster (medians, whole process)")
    steps = phases(source, ours_out, args.runs)
    print(
        "argmap's export step by step (medians): "
        + ", ".join(f"{k} {v:.2f} s" for k, v in steps.items())
        + f" (whole {sum(steps.values()):.2f} s, without the command line)"
    )


if __name__ == "__main__":
    main()
