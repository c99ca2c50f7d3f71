"""The one workaround for typer's internals: converting plain parameters without pydantic.

It is written for typer 0.29 (``pyproject.toml`` pins typer below 0.30) and checks the
shape of what it replaces at run time; with any other typer it changes nothing, and
typer converts every value itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

_TYPER_HOOK = "build_runtime_param"
"""The function in ``typer.core`` that makes a parameter's converter (typer 0.2x)."""


@contextmanager
def plain_coercion() -> Iterator[None]:
    """While the command line runs, convert ``str``, ``int`` and flag values without pydantic.

    typer 0.2x checks every parameter value with a pydantic ``TypeAdapter``, and
    importing pydantic takes about half of the start-up time of ``argmap why``
    (``benchmarks/cli_bench.py`` measures it).  Every parameter of ``show`` and
    ``why`` is a string, an integer or a flag: for those this returns what pydantic
    returns for the everyday values (any string; an integer in plain digits within its
    bounds, or an int default; a flag's bool) and hands every other value to typer's own
    conversion, so results and error messages stay typer's.  It replaces typer's internal
    ``typer.core.build_runtime_param`` for the duration; with a typer that has no such
    function it changes nothing."""
    try:
        from typer import _coercion
        from typer import core as typer_core
    except ImportError:  # a typer that does not use pydantic
        original = None
    else:
        original = getattr(typer_core, _TYPER_HOOK, None)
        if original is None or original is not getattr(_coercion, _TYPER_HOOK, None) or not _known_runtime_param():
            original = None
    if original is None:
        yield
        return
    setattr(typer_core, _TYPER_HOOK, _plain_converters())
    try:
        yield
    finally:
        setattr(typer_core, _TYPER_HOOK, original)


def _known_runtime_param() -> bool:
    """Whether typer's ``RuntimeParam`` has the shape :func:`_plain_converters` was written
    for (typer 0.29): another typer keeps its own conversion rather than risk a wrong one."""
    import inspect

    from typer._coercion import RuntimeParam

    try:
        coerce = list(inspect.signature(RuntimeParam._coerce_value).parameters)
        init = list(inspect.signature(RuntimeParam.__init__).parameters)
    except (AttributeError, TypeError, ValueError):
        return False
    return coerce == ["self", "value", "param", "ctx"] and init == ["self", "parameter_info", "annotation"]


@lru_cache(maxsize=1)
def _plain_converters() -> Callable[[Any], Any]:
    """A replacement for ``typer._coercion.build_runtime_param`` (see :func:`plain_coercion`)."""
    from typer._coercion import RuntimeParam, TypeDescriptor, build_runtime_param

    class PlainParam(RuntimeParam):
        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            if type(value) is self.annotation is not int:  # a string, or a flag's True / False
                return value
            # (At most 18 digits: longer ones go to typer, which reports them.)
            plain_digits = type(value) is str and value.isascii() and value.isdigit() and len(value) <= 18
            if self.annotation is int and (type(value) is int or plain_digits):
                number = int(value)  # an int default, or plain digits
                info = self.parameter_info
                if (info.min is None or number >= info.min) and (info.max is None or number <= info.max):
                    return number
            # Anything else (a sign, spaces, out of bounds, not a number): typer's own
            # conversion, so the value or the error message is exactly typer's.
            return build_runtime_param(param.type_descriptor)._coerce_value(value, param=param, ctx=ctx)

    def build(descriptor: TypeDescriptor) -> RuntimeParam:
        info = descriptor.parameter_info
        if (
            descriptor.annotation in (str, int, bool)
            and descriptor.file_annotation is None
            and info.parser is None
            and not info.clamp
        ):
            return PlainParam(parameter_info=info, annotation=descriptor.annotation)
        return build_runtime_param(descriptor)

    return build


def hide_argument_types() -> None:
    """Help as POSIX tools write it: typer 0.29 writes every argument's annotation beside
    its name (``claim <str>``, ``paths... <list[str]>``) and a required argument in braces
    in the usage line (``{claim}``); here the metavar alone says what to give, and only an
    optional argument is bracketed."""
    try:
        from typer.core import TyperArgument
    except ImportError:
        return
    if callable(getattr(TyperArgument, "display_type", None)):
        TyperArgument.display_type = lambda self, ctx: ""  # type: ignore[method-assign]
    if callable(getattr(TyperArgument, "_usage_display_name", None)):

        def usage_name(self: Any) -> str:
            name = str(self.display_name_raw)
            if self.nargs != 1 and not name.endswith("..."):
                name += "..."
            return name if self.required else f"[{name}]"

        TyperArgument._usage_display_name = usage_name  # type: ignore[method-assign]
