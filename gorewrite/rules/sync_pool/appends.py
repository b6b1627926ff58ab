"""Append-style calls: `buf = f(buf, …)`, how slog handlers, SSE and line-protocol writers build a line
(`strconv.AppendInt`, `time.Time.AppendFormat`, the package's own `appendField`). Such an f returns the
buffer, grown or not, and keeps nothing else of it when, under every toolchain of the run, the compiler
says it leaks that parameter to its result alone (`leaking param: b to result ~r0 level=0`) or not at
all, and the parameter is a []byte: its bytes hold no pointers, so no `leaking param content` line can
sit beside the result's. The call's result goes back into the variable (uses.assigned_back), whose every
use is judged as the rest of its uses are. If f grows the slice, the pooled array is dropped from the
variable, and the deferred Put still returns the pointer Get gave. What f reads past the length is
zeros: a buffer passed to a function is zeroed after Get, as make gave it (plan.py's stale reset)."""

from __future__ import annotations

import re

from gorewrite import callees
from gorewrite.parameters import TO_RESULT, verdict_of
from gorewrite.proposals import PackageView
from gorewrite.syntax import Node

BYTES = re.compile(r"(?:\w+ )?\[\](?:byte|uint8)")


def returns_only(view: PackageView, path: str, call: Node, index: int, results: int = 1) -> str | None:
    """None when the call keeps nothing of argument `index` but what it returns as its first result (see the
    module), of `results` results the statement assigns (`buf, err = f(buf)`: not into err); else why not,
    as `is passed to f, …`."""
    shown = callees.shown(call)
    key = callees.callee(view, path, call)
    if isinstance(key, str):
        return f"is passed to {shown}, {key}"
    written = parameter_type(view, path, call, index)
    if written is None or not BYTES.fullmatch(written):
        shown_type = f"`{written}`" if written else "a type go/types does not write here"
        return (
            f"is passed to {shown}, whose parameter is {shown_type}, not a []byte: what it keeps of the"
            " bytes may hide behind what it returns"
        )
    for version, verdicts in sorted(view.parameters.items()):
        signature = verdicts.get(key)
        said, element = verdict_of(signature, index) if signature is not None else (None, False)
        if signature is None:
            return f"is passed to {shown}, {verdicts.missing(key, version)}"
        if said is None or element:
            return f"is passed to {shown}, of which {version}'s compile printed no verdict for that parameter"
        to_result = TO_RESULT.match(said)
        first = to_result is not None and (results == 1 or to_result[1] == _first_result(view, path, call))
        if not said.endswith(" does not escape") and not (first and to_result[2] == "0"):
            return f"is passed to {shown}, which may keep it beyond the result assigned back ({version}: `{said}`)"
    return None


def _first_result(view: PackageView, path: str, call: Node) -> str | None:
    """How the compiler names the callee's first result in a verdict: its name, or `~r0` when unnamed."""
    signature = _signature(view, path, call) or ""
    depth = 0
    for i, char in enumerate(signature):
        depth += char in "([{"
        depth -= char in ")]}"
        if depth == 0 and char == ")":
            rest = signature[i + 1 :].strip()
            first = rest[1:].split(",")[0].split() if rest.startswith("(") else []
            return first[0] if len(first) > 1 else "~r0"
    return None


def parameter_type(view: PackageView, path: str, call: Node, index: int) -> str | None:
    """The type of the callee's parameter `index` as go/types writes its signature (`b []byte`), or None."""
    signature = _signature(view, path, call)
    if not signature or not signature.startswith("func(") or signature.startswith("func()"):
        return None  # not a function's signature, or one with no parameter for the argument to land in
    params, depth, start = [], 0, len("func(")
    for i in range(start, len(signature)):
        char = signature[i]
        if char in "([{":
            depth += 1
        elif char in ")]}" and depth:
            depth -= 1
        elif char in ",)" and depth == 0:
            params.append(signature[start:i].strip())
            start = i + 1
            if char == ")":
                break
    return params[index] if index < len(params) and params[index] else None


def _signature(view: PackageView, path: str, call: Node) -> str | None:
    """The callee's signature as go/types writes it (`func(dst []byte, id byte) ([]byte, error)`), or None."""
    function = call.child_by_field_name("function")
    name = function.child_by_field_name("field") if function.type == "selector_expression" else function
    ident = view.types.at(path, name.start_byte) if name is not None else None
    return ident.type if ident is not None else None
