"""syntax.receiver_type and named_receiver read a receiver's type through parentheses: `func (g (*Group)) Go(…)` is a
method of Group with a pointer receiver, which callees.declaration, module_writers and spawn_methods must find like
`(g *Group)` (a method missed when they enumerate a type's methods is a writer they never see), and which returns and
conditions must not bind as a copy of the operand."""

from __future__ import annotations

import pytest

from gorewrite.syntax import named_receiver, parse, receiver_type


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


@pytest.mark.parametrize(
    ("declaration", "expected"),
    [
        ("func (p Precision) M() {}", "p"),
        ("func (p *Precision) M() {}", None),
        ("func (p (*Precision)) M() {}", None),
        ("func (Precision) M() {}", None),
        ("func M(p Precision) {}", None),
    ],
)
def test_named_receiver(declaration, expected):
    method = parse(f"package p\n\n{declaration}\n".encode()).root_node.named_children[1]
    name = named_receiver(method, pointer=False)
    assert (name.text.decode() if name is not None else None) == expected
