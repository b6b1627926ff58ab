"""Top-level declarations: the unit the judge compares escapes over, keyed so that one keeps its key
when a rewrite edits, moves or adds others around it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from gorewrite.syntax import Node, Tree


@dataclass(frozen=True)
class Decl:
    """A top-level declaration: its key (kind, name, receiver, rank among equals), lines and bytes."""

    key: tuple
    first: int
    last: int
    start: int
    end: int


Decls = dict[str, list[Decl]]  # path -> the file's declarations


def declarations(tree: Tree) -> list[Decl]:
    """Top-level declarations keyed by kind, receiver and name (and rank among equals)."""
    seen: Counter[tuple] = Counter()
    out = []
    for node in tree.root_node.named_children:
        name = node.child_by_field_name("name") or _first_name(node)
        receiver = node.child_by_field_name("receiver")
        base = (node.type, name.text if name else None, receiver.text if receiver else None)
        out.append(
            Decl((*base, seen[base]), node.start_point.row + 1, node.end_point.row + 1, node.start_byte, node.end_byte)
        )
        seen[base] += 1
    return out


def _first_name(node: Node) -> Node | None:
    """The first name a var, const or type declaration declares: a declaration inserted before
    another of its kind must not shift that one's rank (and with it its key)."""
    spec = next((c for c in node.named_children if c.type.endswith("_spec") or c.type.endswith("_spec_list")), None)
    if spec is not None and spec.type.endswith("_spec_list"):
        spec = next((c for c in spec.named_children if c.type.endswith("_spec")), None)
    return spec.child_by_field_name("name") if spec is not None else None


def written(key: tuple, texts: list[bytes]) -> bool:
    """Whether one of the edits' texts can have added the declaration `key` names: a declaration
    another fix of the group adds (a sync.Pool beside a function a variant moves) is that fix's."""
    return key[1] is None or any(key[1] in text for text in texts)


def lines_of(decls: list[Decl], keys: set) -> set[int]:
    return {line for d in decls if d.key in keys for line in range(d.first, d.last + 1)}
