"""What a fix promises the verifier: one typed value the verifier matches on, never a rule's name.

A rule picks the claim its rewrite can be held to. The three effects say what must be true of the
compiler's output; the two wrappers say where it must hold and what else must pass:

    RemovesTargets()                              the target escapes are gone (most rewrites)
    RemovesTargets(("make([]byte, n) does not escape",))   and so is the heap allocation such a message
                                                  stands for at run time (go1.25+: above 32 bytes)
    KeepsOnStack(("make([]int, 64)",))            a stack buffer now stands in front of the targets
    MovesAllocation(("new(Big) escapes to heap",)) the targets are gone, the allocation went elsewhere
    InVariant("f_prego125.go", claim)             claim holds where the build compiles that file
    Tested(claim)                                 claim holds and the package's vet and tests pass
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RemovesTargets:
    """Every target escape the toolchain reported is gone, and nothing new escapes. `hidden`: messages,
    as the compiler prints them, that stand for a heap allocation though they do not say so (go1.25+
    reports `make([]byte, n) does not escape` of a variable-size make it allocates on the heap above 32
    bytes at run time, escapes.STACK_FALLBACK): where a toolchain reports one at a target, it is gone
    too, and with it that allocation."""

    hidden: tuple[str, ...] = ()


@dataclass(frozen=True)
class KeepsOnStack:
    """A stack allocation stands in front of the targets: each expression (as the compiler quotes it,
    `make([]int, 64)`) is reported `does not escape`; the targets may remain as the heap fallback."""

    exprs: tuple[str, ...]


@dataclass(frozen=True)
class MovesAllocation:
    """The targets are gone, but the allocation moved (into a pool's `New`, say): each message, as the
    compiler prints it (`new(Big) escapes to heap`), may appear once in the declarations the fix
    touches or adds without counting as a new escape: where the fix wrote it first, and in no more
    loops than the fix's targets (or, for a copy in a switch's case, an escape of its kind in the code its edits
    replace: verify/moves.py)."""

    messages: tuple[str, ...]


@dataclass(frozen=True)
class InVariant:
    """The rewritten code lives in `path`, a file build constraints give to some toolchains only:
    `claim` holds where the build compiles it; elsewhere the original must escape exactly as before."""

    path: str
    claim: Claim


@dataclass(frozen=True)
class Tested:
    """`claim` holds, and the package's own go vet and go test pass with the rewrite (with `race`,
    go test -race: a rewrite that shares an object between calls must not race)."""

    claim: Claim
    race: bool = False


Effect = RemovesTargets | KeepsOnStack | MovesAllocation
Claim = Effect | InVariant | Tested


def effect(claim: Claim) -> Effect:
    """What the compiler's output must show, under any wrappers."""
    while isinstance(claim, (InVariant, Tested)):
        claim = claim.claim
    return claim


def variant(claim: Claim) -> str | None:
    """The file a build constraint gives to some toolchains only, if the claim is bound to one."""
    while isinstance(claim, (InVariant, Tested)):
        if isinstance(claim, InVariant):
            return claim.path
        claim = claim.claim
    return None


def needs_tests(claim: Claim) -> bool:
    """Does the claim need the package's go vet and go test?"""
    while isinstance(claim, (InVariant, Tested)):
        if isinstance(claim, Tested):
            return True
        claim = claim.claim
    return False


def needs_race(claim: Claim) -> bool:
    """Must the package's tests run with the race detector?"""
    while isinstance(claim, (InVariant, Tested)):
        if isinstance(claim, Tested) and claim.race:
            return True
        claim = claim.claim
    return False


def stack_exprs(claim: Claim) -> tuple[str, ...]:
    """The allocations the claim keeps on the stack (KeepsOnStack), else none."""
    found = effect(claim)
    return found.exprs if isinstance(found, KeepsOnStack) else ()


def hidden(claim: Claim) -> tuple[str, ...]:
    """The messages the claim removes that stand for a heap allocation without saying so, else none."""
    found = effect(claim)
    return found.hidden if isinstance(found, RemovesTargets) else ()


def moved(claim: Claim) -> tuple[str, ...]:
    """The escapes the claim moves (MovesAllocation), else none."""
    found = effect(claim)
    return found.messages if isinstance(found, MovesAllocation) else ()
