"""The verifier's schedule with a stand-in compile: a scheduling test, not a claim of verification.

Items are numbers; the stand-in says which ones break a compile, alone or together.
"""

from __future__ import annotations

from gorewrite.verify.schedule import Final, settle


def compile_with(culprits: set[int], clashes: frozenset[frozenset[int]] = frozenset()):
    """A compile that fails a package's group when it holds a culprit, or both halves of a clash."""
    batches: list[dict[str, list[int]]] = []

    def compile_(round_: int, batch: dict[str, list[int]]) -> dict[str, str]:
        batches.append({k: list(v) for k, v in batch.items()})
        failures = {}
        for key, group in batch.items():
            bad = [i for i in group if i in culprits]
            clash = [c for c in clashes if c <= set(group)]
            if bad or clash:
                failures[key] = f"broken by {bad or sorted(clash[0])}"
        return failures

    return compile_, batches


def test_a_clean_group_is_accepted_in_one_round():
    compile_, batches = compile_with(set())
    outcome = settle({"p": [1, 2, 3, 4]}, compile_, max_rounds=64)
    assert outcome.accepted == {"p": [[1, 2, 3, 4]]} and not outcome.rejected
    assert len(batches) == 1


def test_a_culprit_is_bisected_out_and_the_rest_compiled_together():
    compile_, batches = compile_with({3})
    outcome = settle({"p": [1, 2, 3, 4]}, compile_, max_rounds=64)
    assert outcome.rejected == [(3, "broken by [3]")]
    assert outcome.accepted == {"p": [[1, 2, 4]]}  # verified apart, then once more together
    assert batches[-1] == {"p": [1, 2, 4]}


def test_packages_are_scheduled_side_by_side():
    compile_, batches = compile_with({5})
    outcome = settle({"p": [1, 2], "q": [5, 6]}, compile_, max_rounds=64)
    assert batches[0] == {"p": [1, 2], "q": [5, 6]}
    assert outcome.accepted["p"] == [[1, 2]] and outcome.accepted["q"] == [[6]]
    assert [item for item, _ in outcome.rejected] == [5]


def test_halves_that_clash_together_keep_the_larger_one():
    compile_, _ = compile_with(set(), clashes=frozenset({frozenset({1, 3})}))
    outcome = settle({"p": [1, 2, 3]}, compile_, max_rounds=64)
    kept = [i for g in outcome.accepted["p"] for i in g]
    rejected = [i for i, _ in outcome.rejected]
    assert sorted(kept + rejected) == [1, 2, 3] and not {1, 3} <= set(kept)
    assert all("verified alone but not together" in why for _, why in outcome.rejected)


def test_the_round_limit_leaves_nothing_both_verified_and_unsettled():
    compile_, _ = compile_with({1, 2, 3, 4})
    outcome = settle({"p": list(range(1, 9))}, compile_, max_rounds=3)
    verified = {i for g in outcome.accepted["p"] for i in g}
    assert not verified & set(outcome.unsettled["p"])
    assert verified | set(outcome.unsettled["p"]) | {i for i, _ in outcome.rejected} == set(range(1, 9))


def test_a_final_failure_rejects_the_package_without_bisecting():
    batches: list[dict[str, list[int]]] = []

    def compile_(round_: int, batch: dict[str, list[int]]) -> dict[str, str]:
        batches.append(batch)
        return {"p": Final("its tests fail without any rewrite")} if "p" in batch else {}

    outcome = settle({"p": [1, 2, 3, 4], "q": [5]}, compile_, max_rounds=64)
    assert len(batches) == 1 and outcome.accepted == {"p": [], "q": [[5]]} and outcome.unsettled == {"p": [], "q": []}
    assert outcome.rejected == [(i, "its tests fail without any rewrite") for i in (1, 2, 3, 4)]


def test_a_rejected_item_s_alternatives_are_tried_in_its_place_until_one_holds():
    """A variant file's fix rejected for one of its functions: the variant without it is tried next. Each
    rejection is reported, the item's first (the verifier gives its reason for the sites they share)."""
    compile_, batches = compile_with({3, 31})
    outcome = settle({"p": [1, 2, 3]}, compile_, max_rounds=64, instead=lambda item: [31, 32, 33] if item == 3 else [])
    assert outcome.rejected == [(3, "broken by [3]"), (31, "broken by [31]")]
    assert sorted(i for g in outcome.accepted["p"] for i in g) == [1, 2, 32], "33 is not tried once 32 holds"
    assert {"p": [31]} in batches and {"p": [32]} in batches and batches[-1] == {"p": [1, 2, 32]}


def test_an_item_whose_alternatives_all_fail_is_rejected_first():
    compile_, _ = compile_with({3, 31, 32})
    outcome = settle({"p": [1, 3]}, compile_, max_rounds=64, instead=lambda item: [31, 32] if item == 3 else [])
    assert [i for i, _ in outcome.rejected] == [3, 31, 32] and outcome.accepted == {"p": [[1]]}
