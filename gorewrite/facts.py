"""When a fact on a subject (bounds.py) still holds at a statement: no write other than the fact's own can run
between the two, or around a loop that holds both, unless it keeps the fact."""

from __future__ import annotations

from dataclasses import dataclass

from gorewrite.chains import bodies
from gorewrite.guards import Own
from gorewrite.syntax import ASSIGNMENTS, Node
from gorewrite.typeinfo import Ident


@dataclass(frozen=True)
class Fact:
    """`subject <= limit` (or >=) from `start` on, unless something writes the subject outside `own`."""

    limit: int
    start: int
    own: tuple[tuple[int, int], ...]
    before: bool  # a statement before the bounded one: a goto could jump past it


def targets(stmt: Node) -> Own:
    """Where stmt writes after it has read everything: an assignment's left side (`n += 4` reads n first:
    the spec's two phases), the operand of `n++`, an if's or a switch's bodies (after its conditions)."""
    if stmt.type in ("inc_statement", "dec_statement"):
        return ((stmt.start_byte, stmt.end_byte),)
    left = stmt.child_by_field_name("left") if stmt.type in ASSIGNMENTS else None
    return ((left.start_byte, left.end_byte),) if left is not None else bodies(stmt)


def holds(fact: Fact, writes: list[Ident], stmt: Node, loops: list[Node], jumps: bool, later: Own, kept) -> bool:
    """Can no write other than the fact's own run between the fact and stmt, unless it keeps the fact (kept: an
    update that never moves the subject past the fact's limit, `n /= 2` under `n <= 64`)? A write after stmt
    (or by stmt, after it reads, or in another branch of an if or switch around it: `later`) reaches it only
    around a loop that holds both and starts after the fact (a fact inside the loop, or the loop's own
    condition, holds again on every pass before stmt). With a goto (`jumps`, set when the function has one)
    a fact before stmt may be jumped past, and any later write voids."""
    if fact.before and jumps:
        return False
    for write in writes:
        if write.start < fact.start or any(a <= write.start < b for a, b in fact.own):
            continue
        between = jumps or (write.start < stmt.end_byte and not any(a <= write.start < b for a, b in later))
        around = any(fact.start < loop.start_byte and write.start < loop.end_byte for loop in loops)
        if (between or around) and (jumps or not kept(write, fact)):
            return False
    return True
