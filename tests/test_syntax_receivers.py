"""syntax.receiver_type reads a method's receiver type through parentheses: `func (g (*Group)) Go(…)` is a method of
Group with a pointer receiver, which callees.declaration, module_writers and spawn_methods must find like `(g *Group)`
(a method missed when they enumerate a type's methods is a writer they never see)."""

from __future__ import annotations

import pytest

from gorewrite.syntax import parse, receiver_type


@pytest.mark.parametrize(
    ("receiver", "expected"),
    [
        ("(g *Group)", "Group"),
        ("(g Group)", "Group"),
        ("(g (*Group))", "Group"),
        ("(g *(Group))", "Group"),
        ("(g ((Group)))", "Group"),
        ("(s *Set[T])", None),
        ("(*Group)", "Group"),
    ],
)
def test_receiver_type(receiver, expected):
    tree = parse(f"package p\n\nfunc {receiver} M() {{}}\n".encode())
    method = tree.root_node.named_children[1]
    assert receiver_type(method.child_by_field_name("receiver")) == expected
