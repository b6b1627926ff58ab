"""Which groups of fixes to compile next: one group per package per round, failing groups bisected.

Pure bookkeeping, kept apart from any compiler so it can be tested with a stand-in: a failing
group is split in halves until the culprits stand alone, and halves verified apart are compiled
once more together before they count (two rewrites can each hold alone and clash together).
A `Final` failure is one no split can cure (the package's own tests fail without any rewrite):
the group and everything still queued are rejected with it. An item rejected alone may have
alternatives (`instead`): they are compiled one at a time in its place until one holds; each
rejected one is reported, the item first.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

Item = TypeVar("Item")
Key = TypeVar("Key", bound=Hashable)


class Final(str):
    """A failure that is not the group's doing, so bisecting it cannot help."""


@dataclass
class Schedule(Generic[Item]):
    """One package's groups: still to compile, verified, and whether the head is the union of those verified apart."""

    queue: list[list[Item]]
    accepted: list[list[Item]] = field(default_factory=list)
    union: bool = False
    instead: Callable[[Item], Sequence[Item]] = lambda item: ()
    trying: list[tuple[Item, list[Item]]] = field(default_factory=list)  # an alternative queued, those after it

    def _rejected(self, item: Item, failure: str) -> list[tuple[Item, str]]:
        """A lone item rejected; its next alternative (or, for an alternative, the next one after it) is
        queued in its place."""
        left = next((rest for alternative, rest in self.trying if alternative is item), None)
        self.trying = [(a, rest) for a, rest in self.trying if a is not item]
        if left is None:
            left = list(self.instead(item))
        if left:
            self.trying.append((left[0], left[1:]))
            self.queue.insert(0, [left[0]])
        return [(item, failure)]

    def settle(self, group: list[Item], failure: str | None) -> list[tuple[Item, str]]:
        """Record one group's outcome: accept it, reject a lone culprit, or split it in halves; the rejected items."""
        rejected: list[tuple[Item, str]] = []
        if self.union:
            self.union = False
            if failure is None:
                self.accepted = [group]
            else:
                keep = max(self.accepted, key=len)
                reason = (
                    f"verified alone but not together with the package's other rewrites ({failure}); "
                    "run gorewrite again"
                )
                rejected = [(item, reason) for g in self.accepted if g is not keep for item in g]
                self.accepted = [keep]
            return rejected
        if failure is None:
            self.accepted.append(group)
            self.trying = [(a, rest) for a, rest in self.trying if not any(a is item for item in group)]
        elif isinstance(failure, Final):
            rejected = [(item, failure) for g in (group, *self.queue) for item in g]
            self.trying = []
            self.queue = []
        elif len(group) == 1:
            rejected = self._rejected(group[0], failure)
        else:
            half = len(group) // 2
            self.queue[:0] = [group[:half], group[half:]]
        if not self.queue and len(self.accepted) > 1:
            self.union = True
            self.queue = [[item for g in self.accepted for item in g]]
        return rejected


@dataclass
class Outcome(Generic[Key, Item]):
    """What held per package, what was rejected and why, and what did not settle in time."""

    accepted: dict[Key, list[list[Item]]]
    rejected: list[tuple[Item, str]]
    unsettled: dict[Key, list[Item]]


def settle(
    groups: dict[Key, list[Item]],
    compile_: Callable[[int, dict[Key, list[Item]]], dict[Key, str]],
    max_rounds: int,
    instead: Callable[[Item], Sequence[Item]] = lambda item: (),
) -> Outcome[Key, Item]:
    """Compile one group per package per round (`compile_(round, batch)` returns why each failing package
    failed) until every package has settled or `max_rounds` is reached; `instead(item)` are the item's
    alternatives."""
    schedules = {key: Schedule([group], instead=instead) for key, group in groups.items() if group}
    rejected: list[tuple[Item, str]] = []
    for round_ in range(1, max_rounds + 1):
        batch = {key: s.queue.pop(0) for key, s in schedules.items() if s.queue}
        if not batch:
            break
        failures = compile_(round_, batch)
        for key, group in batch.items():
            rejected += schedules[key].settle(group, failures.get(key))
    unsettled = {key: [item for g in s.queue for item in g] for key, s in schedules.items()}
    # A pending union holds the groups verified apart: never compiled together, they are unsettled too.
    accepted = {key: [] if s.union else s.accepted for key, s in schedules.items()}
    return Outcome(accepted, rejected, unsettled)
