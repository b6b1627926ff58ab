import dataclasses

import pytest

from gorewrite.edits import Edit, EditConflict, apply, conflicts, placed
from gorewrite.escapes import Escape
from gorewrite.pipeline import _still_waiting, _without_conflicts
from gorewrite.proposals import Declined, Fix
from gorewrite.verify import Rejected, Verified

P = "/m/x.go"


def e(start, end, new=b"", path=P):
    return Edit(path, start, end, new)


@pytest.mark.parametrize(
    ("source", "edits", "expected"),
    (
        pytest.param(b"abcdef", [], b"abcdef", id="no edits leave the source alone"),
        pytest.param(b"abcdef", [e(3, 3, b"XY")], b"abcXYdef", id="insertion"),
        pytest.param(b"abcdef", [e(0, 0, b">")], b">abcdef", id="insertion at the start"),
        pytest.param(b"abcdef", [e(6, 6, b"<")], b"abcdef<", id="insertion at the end"),
        pytest.param(b"abcdef", [e(1, 3)], b"adef", id="deletion"),
        pytest.param(b"abcdef", [e(1, 3, b"XYZ")], b"aXYZdef", id="replacement"),
        pytest.param(b"abcdef", [e(4, 5, b"E"), e(0, 1, b"A")], b"AbcdEf", id="edits given out of order"),
        pytest.param(
            b"abcdef",
            [e(2, 2, b"1"), e(2, 2, b"2"), e(2, 2, b"3")],
            b"ab123cdef",
            id="same-point insertions keep their order",
        ),
        pytest.param(
            b"abcdef", [e(2, 4, b"X"), e(2, 2, b"<")], b"ab<Xef", id="insertion at the start of a replacement"
        ),
        pytest.param(b"abcdef", [e(4, 4, b">"), e(2, 4, b"X")], b"abX>ef", id="insertion at the end of a replacement"),
        pytest.param(b"abcdef", [e(1, 3, b"X"), e(3, 5, b"Y")], b"aXYf", id="adjacent replacements"),
    ),
)
def test_apply(source, edits, expected):
    assert apply(source, edits) == expected


def test_apply_counts_bytes_not_characters():
    source = "// héllo → 世界\nvar x = new(T)\n".encode()
    start = source.index(b"new(T)")
    got = apply(source, [e(start, start + len(b"new(T)"), "T{} // ok ✓".encode())])
    assert got.decode() == "// héllo → 世界\nvar x = T{} // ok ✓\n"


@pytest.mark.parametrize(
    ("edits", "message"),
    (
        pytest.param([e(1, 4, b"X"), e(3, 5, b"Y")], r"\[1, 4\) and \[3, 5\)", id="overlapping replacements"),
        pytest.param([e(1, 4, b"X"), e(1, 4, b"Y")], r"\[1, 4\) and \[1, 4\)", id="the same range replaced twice"),
        pytest.param([e(1, 5, b"X"), e(3, 3, b"Y")], r"\[1, 5\) and \[3, 3\)", id="insertion inside a replacement"),
    ),
)
def test_apply_refuses_overlaps(edits, message):
    with pytest.raises(EditConflict, match=message):
        apply(b"abcdef", edits)


@pytest.mark.parametrize(
    "edit",
    (
        pytest.param(e(-1, 2), id="negative start"),
        pytest.param(e(4, 7), id="end past the file"),
        pytest.param(e(3, 2), id="end before start"),
    ),
)
def test_apply_refuses_out_of_bounds(edit):
    with pytest.raises(ValueError, match="outside"):
        apply(b"abcdef", [edit])


def test_apply_refuses_edits_for_two_files():
    with pytest.raises(ValueError, match="more than one file"):
        apply(b"abcdef", [e(0, 1), e(2, 3, path="/m/y.go")])


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    (
        pytest.param([e(1, 3)], [e(4, 6)], False, id="disjoint ranges"),
        pytest.param([e(1, 4)], [e(3, 6)], True, id="overlapping ranges"),
        pytest.param([e(1, 3)], [e(3, 6)], True, id="ranges meeting at a boundary"),
        pytest.param([e(2, 5)], [e(3, 3)], True, id="insertion inside a replacement"),
        pytest.param([e(1, 3)], [e(1, 3, path="/m/y.go")], False, id="same range in another file"),
        pytest.param([e(0, 1), e(8, 9)], [e(4, 5), e(9, 9)], True, id="any pair overlapping"),
        pytest.param([], [e(0, 9)], False, id="empty proposal"),
    ),
)
def test_conflicts(a, b, expected):
    assert conflicts(a, b) is expected
    assert conflicts(b, a) is expected


def test_a_deferred_fix_declines_every_site_it_targets():
    """A rewrite that overlaps an earlier one waits for the next run: each of its sites says so (a pool
    shared by four functions was listed once, and three of the sites check proposed vanished)."""
    first = Fix("sync-pool", (Edit("a.go", 10, 20, b"x"),), (Escape("a.go", 2, 1, "moved to heap: b"),), "pool b")
    sites = tuple(Escape("a.go", line, 1, "moved to heap: sb") for line in (3, 9, 14))
    shared = Fix("sync-pool", (Edit("a.go", 15, 30, b"y"),), sites, "pool sb")
    other = Fix("closure", (Edit("a.go", 25, 26, b"z"),), (Escape("a.go", 4, 1, "moved to heap: t"),), "copy t")
    kept, waiting = _without_conflicts([other, first, shared])
    assert kept == [other, first], "shared overlaps both: it stands in for neither"
    deferred = _still_waiting(waiting, [Verified(f) for f in kept])
    assert [d.site for d in deferred] == list(sites)
    assert {d.reason for d in deferred} == {
        "overlaps closure's rewrite of a.go:4 in this run; run gorewrite again once that one is applied"
    }


def test_within_a_rule_the_fix_removing_more_allocations_wins_and_the_order_stays():
    """probe33a: a tabwriter's pool overlapped one of seven Buffers sharing a pool, and came first: the seven
    waited a run, and the tabwriter's own rewrite then blocked them again."""
    tab = Fix("sync-pool", (Edit("a.go", 10, 20, b"x"),), (Escape("a.go", 2, 1, "moved to heap: tw"),), "pool tw")
    sites = tuple(Escape("a.go", line, 1, "moved to heap: buf") for line in (3, 9, 14))
    shared = Fix("sync-pool", (Edit("a.go", 15, 30, b"y"),), sites, "pool buf")
    alone = Fix("sync-pool", (Edit("a.go", 40, 41, b"w"),), (Escape("a.go", 20, 1, "moved to heap: c"),), "pool c")
    kept, waiting = _without_conflicts([tab, alone, shared])
    assert kept == [alone, dataclasses.replace(shared, instead=(tab,))]
    deferred = _still_waiting(waiting, [Verified(f) for f in kept])
    assert [(d.site.line, d.reason) for d in deferred] == [
        (2, "overlaps sync-pool's rewrite of a.go:3 in this run; run gorewrite again once that one is applied")
    ]


def test_a_fix_waiting_for_a_rejected_one_is_tried_in_its_place_and_never_told_to_wait_for_it():
    """adv35e t/: build-variant's variant of W carries make-const's rewrite in place of W's 64-byte make,
    which goes first (build-variant requires make-const); rejected (W no longer inlines on go1.24.11), the
    variant is tried in its place. Verified, the variant waits a run, and the site make-const took is
    not declined again."""
    site = Escape("a.go", 30, 1, "make([]int, m) escapes to heap")
    small = Escape("a.go", 29, 1, "make([]int, n) escapes to heap")
    make = Fix("make-const", (Edit("a.go", 40, 50, b"var zBuf [8]int"),), (site,), "give it 8 elements")
    variant = Fix("build-variant", (Edit("a.go", 0, 90, b""),), (small, site), "move W")
    later = Fix("make-const", (Edit("a.go", 100, 110, b"y"),), (Escape("a.go", 41, 1, "make"),), "another")
    kept, waiting = _without_conflicts([variant, make, later])
    assert kept == [dataclasses.replace(make, instead=(variant,)), later]
    assert _still_waiting(waiting, [Rejected(kept[0], "too costly to inline"), Verified(variant)]) == []
    assert _still_waiting(waiting, [Verified(kept[0]), Verified(later)]) == [
        Declined(
            "build-variant",
            small,
            "overlaps make-const's rewrite of a.go:30 in this run; run gorewrite again once that one is applied",
        )
    ], "the variant waits for the rewrite in place; the site that rewrite took is not declined"
    assert _still_waiting(waiting, [Rejected(kept[0], "too costly to inline"), Verified(later)])[0].reason == (
        "overlaps make-const's rewrite of a.go:30 in this run, which verification rejected; run gorewrite"
        " again: it no longer stands in the way"
    )


def test_placed_says_where_each_edits_bytes_land_in_what_apply_makes():
    """The judge finds a fix's own escapes by the bytes its edits wrote: each edit's start shifted by the edits
    before it; a shared edit given twice is placed once, as apply writes it once."""
    source = b"0123456789"
    imp = Edit("f", 0, 0, b"I", shared=True)
    edits = [Edit("f", 5, 7, b"xyz"), imp, Edit("f", 2, 4, b""), imp]
    made = apply(source, edits)
    where = placed(edits)
    assert [e for e, _ in where] == [imp, edits[2], edits[0]]
    assert all(made[at : at + len(e.new)] == e.new for e, at in where)
    assert made == b"I014xyz789" and dict(where)[edits[0]] == 4
