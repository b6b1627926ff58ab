"""An assertion go/types says fails, while another build of the package may compile a file.

`c.(Resetter)` of `&vec` fails when vec's type has no Reset in this build; the rewrite then drops the
code only a success ran (several.py's failed `if`), and a type switch keeps the case after the ones it
passes over (typeswitch.py). Both read this build's method sets: a file another build compiles
(`reset_linux.go`, `//go:build resettable`) may declare Reset, and there the assertion succeeds and the
dropped code runs. A method this build has and another lacks only breaks that build's compile; one it
lacks and another may add changes what runs, silently. So an assertion or case to an interface the
stored value does not implement here declines while another build may compile a file of the package
(callees.other_builds: one that cannot change what this build's files mean is none).
"""

from __future__ import annotations

from gorewrite import callees
from gorewrite.proposals import PackageView
from gorewrite.rules.iface_direct.group import access
from gorewrite.rules.iface_direct.matches import takes, value_type
from gorewrite.rules.iface_direct.places import is_interface_type, reads_stored
from gorewrite.rules.iface_direct.sites import Store, row_of
from gorewrite.syntax import Node, text
from gorewrite.typeinfo import TypeInfo


def failing_elsewhere(
    view: PackageView, types: TypeInfo, path: str, store: Store, place: str, reads: list[Node]
) -> str | None:
    """Why an assertion of the stored place, or a case of a type switch on it, to an interface the value's
    type does not implement here may succeed in another build; None when no other build compiles a file."""
    elsewhere = callees.other_builds(view)
    if elsewhere is None:
        return None
    value = value_type(types, path, store.value)
    for read in reads:
        node = access(read)
        if not reads_stored(types, path, store, place, node):
            continue
        asserted = node.parent
        kinds = [asserted.child_by_field_name("type")] if asserted.type == "type_assertion_expression" else []
        if asserted.type == "type_switch_statement":
            cases = (c for c in asserted.named_children if c.type == "type_case")
            kinds = [k for c in cases for k in c.children_by_field_name("type") if k.is_named]
        for kind in kinds:
            if is_interface_type(types, path, kind) and takes(types, path, value, kind) is False:
                return (
                    f"the assertion to {text(kind).decode()} (line {row_of(kind)}) fails in this build, but another "
                    f"build compiles {elsewhere}, which may give the value's type the method it asks for"
                )
    return None
