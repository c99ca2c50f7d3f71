"""The runnable examples in the library's docstrings run and give what they show."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import argmap

MODULES = sorted(
    info.name for info in pkgutil.walk_packages(argmap.__path__, "argmap.") if not info.name.startswith("argmap.data")
)


def test_the_query_functions_carry_examples() -> None:
    from argmap import queries

    examples = doctest.DocTestFinder().find(queries)
    public = [t for t in examples if t.examples and not t.name.split(".")[-1].startswith("_")]
    assert len(public) >= 15


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    """A module's docstring sets the scene (the small map of argmap.queries, say); the
    examples of its functions run in what it defined, in the order they are written."""
    module = importlib.import_module(name)
    tests = doctest.DocTestFinder().find(module)
    tests.sort(key=lambda t: (t.name != name, t.lineno or 0))
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    scene: dict[str, object] = {}
    for test in tests:
        test.globs.update(scene)
        runner.run(test, clear_globs=False)
        if test.name == name:
            scene = dict(test.globs)
    assert runner.summarize(verbose=False).failed == 0
