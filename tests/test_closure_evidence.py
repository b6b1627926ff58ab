"""closure's evidence with a real go, on the golden module: allocations measured, behaviour kept, declines earned.

- Every rewritten case with a `TestAllocs` logs `allocs=N` (testing.AllocsPerRun through the rewritten
  function); the count must drop under go1.24.11 and the pinned release, not only the message.
- The rewritten cases' `TestBehaviour` passes with `-race -count=20`.
- For each decline in NAIVE, the copy a careless rule would insert makes the case's own `TestBehaviour`
  fail under `-race`, while the original passes: the decline is what keeps the behaviour.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import GOLDEN, OLDER, first_in_literal, one_test_binary, releases
from test_golden import golden_run

MODULE = GOLDEN / "closure"
MEASURED = sorted(
    p.parent.name
    for p in MODULE.glob("*/*_test.go")
    if "decline_" not in p.parent.name and "func TestAllocs(" in p.read_text()
)


def copy_in_block(statement: str, name: str, closing: str = "}()"):
    """The naive rewrite, as the rule writes it: `{ name := name; statement }`, with no happens-before proof.

    `statement` starts the line of the statement (tabs included), `closing` starts the line that ends it.
    """
    indent = statement[: len(statement) - len(statement.lstrip("\t"))]

    def rewrite(source: str) -> str:
        start = source.index("\n" + statement) + 1
        end = source.index("\n", source.index("\n" + indent + closing, start) + 1)
        copy = f"{indent}{{\n{indent}{name} := {name}\n"
        return source[:start] + copy + source[start:end] + f"\n{indent}}}" + source[end:]

    return rewrite


def replacing(*pairs: tuple[str, str]):
    """The naive table rewrite: each (old, new) replaced, method expressions for literals, the receiver passed."""

    def rewrite(source: str) -> str:
        for old, new in pairs:
            source = source.replace(old, new)
        return source

    return rewrite


# decline case -> (its file, the naive rewrite): each one's TestBehaviour must fail on the mutant.
NAIVE = {
    "decline_hb_wait_in_branch": ("warm.go", copy_in_block("\tgo func() {", "ttl")),
    "decline_hb_ready_handshake": ("serve.go", copy_in_block("\tgo func() {", "limit")),
    "decline_hb_select_timeout": ("flush.go", copy_in_block("\tgo func() {", "dest")),
    "decline_hb_continue_before_wait": ("batch.go", copy_in_block("\t\tgo func() {", "token")),
    "decline_hb_second_signaller": ("probe.go", copy_in_block("\tgo func() {", "target")),
    "decline_hb_done_before_audit": ("audit.go", copy_in_block("\t\tgo func() {", "owner")),
    "decline_generic_kept_callback": ("settle.go", copy_in_block("\t\tgo func() {", "label")),
    "decline_after_func_reset": (  # the copy in a block, the Timer declared outside it for the Reset
        "retry.go",
        replacing(
            (
                "\tt := time.AfterFunc(d, func() {",
                "\tvar t *time.Timer\n\t{\n\tlabel := label\n\tt = time.AfterFunc(d, func() {",
            ),
            ("\t})\n\t<-done\n\tlabel", "\t})\n\t}\n\t<-done\n\tlabel"),
        ),
    ),
    "decline_hb_defer_in_loop": ("handle.go", copy_in_block("\t\tdefer func() {", "status")),
    "decline_alias_field_before_signal": ("start.go", copy_in_block("\tgo func() {", "cfg")),
    "decline_return_before_wait": ("logger.go", copy_in_block("\tg.Go(func() error {", "label", "})")),
    "decline_return_wait_other": ("session.go", copy_in_block("\tgo func() {", "label")),
    "decline_block_end_written": (  # a block reaching past `ok :=` to the end of the body takes the label's write
        "sweep.go",
        replacing(
            ("\t\tok := g.TryGo(", "\t\t{\n\t\tlabel := label\n\t\tok := g.TryGo("),
            ('\t\tlabel += "+"\n\t}\n', '\t\tlabel += "+"\n\t\t}\n\t}\n'),
        ),
    ),
    "decline_try_go_write_inside": (  # the copy before the if takes the write its body makes after the Wait
        "relay.go",
        replacing(("\t\tif g.TryGo(func() error {", "\t\tseq := seq\n\t\tif g.TryGo(func() error {")),
    ),
    "decline_hb_nested_goroutine": ("notify.go", copy_in_block("\tgo func() {", "subject")),
    "decline_hb_queued_task": ("queue.go", copy_in_block("\t\tq.Add(func() {", "prefix", "})")),
    "decline_hb_write_before_wait": ("config.go", copy_in_block("\tgo func() {", "cfg")),
    "decline_hb_closer_break": ("mirror.go", copy_in_block("\t\tgo func() {", "creds")),
    "decline_hb_select_break": ("flush.go", copy_in_block("\tgo func() {", "dest")),
    "decline_hb_field_ready_method": ("loader.go", copy_in_block("\tgo func() {", "source")),
    "decline_hb_errgroup_field_reset": ("pool.go", copy_in_block("\tp.g.Go(func() error {", "name", "})")),
    "decline_hb_countdown_short": ("shards.go", copy_in_block("\t\tgo func() {", "limit")),
    "decline_hb_done_then_retry": ("batch.go", copy_in_block("\t\tgo func() {", "label")),
    "decline_hb_closed_select_first": ("mirror.go", copy_in_block("\t\tgo func() {", "creds")),
    "decline_hb_field_reset": ("pool.go", copy_in_block("\tgo func() {", "name")),
    "decline_addr_helper_keeps": ("tune.go", copy_in_block("\tgo func() {", "s")),
    "decline_addr_kept_in_struct": ("job.go", copy_in_block("\tgo func() {", "o")),
    "decline_addr_escaping_receiver": ("counter.go", copy_in_block("\tgo func() {", "c")),
    "decline_addr_after_go": ("env.go", copy_in_block("\tgo func() {", "cfg")),
    "decline_hb_reset_before_wait": ("board.go", copy_in_block("\tgo func() {", "b")),
    "decline_owned_shared_budget": ("budget.go", first_in_literal("\t\tgo func() {", "budget")),
    "decline_table_returned": (
        "route.go",
        replacing(
            ("map[string]func() string{", "map[string]func(*Console) string{"),
            ("func() string { return c.status() }", "(*Console).status"),
            ("func() string { return c.version() }", "(*Console).version"),
        ),
    ),
    "decline_table_element_replaced": (
        "hooks.go",
        replacing(
            ("map[string]func(){", "map[string]func(*Deploy){"),
            ("func() { d.build() }", "(*Deploy).build"),
            ("func() { d.test() }", "(*Deploy).test"),
            ("func() { d.ship() }", "(*Deploy).ship"),
            ("stages[name]()", "stages[name](d)"),
        ),
    ),
    "decline_table_more_than_forward": (
        "metrics.go",
        replacing(
            ("map[string]func() int64{", "map[string]func(*Service) int64{"),
            ("func() int64 { s.reads.Add(1); return s.requestCount() }", "(*Service).requestCount"),
            ("func() int64 { return s.errorCount() }", "(*Service).errorCount"),
            ("read(), true", "read(s), true"),
        ),
    ),
    "table_pointee_copy_quota": (  # the method values copy *p with the table; these expressions read it later
        "quota.go",
        replacing(
            ("map[string]func() string{", "map[string]func(*Plan) string{"),
            ('"requests": p.requests,', '"requests": (*Plan).requests,'),
            ('"storage":  p.storage, ', '"storage":  (*Plan).storage, '),
            ("f()", "f(p)"),
        ),
    ),
    "decline_table_pointee_mixed": (  # no copy of *s stands for both: run writes s, status read the old copy
        "script.go",
        replacing(
            ("map[string]func([]string) string{", "map[string]func(*Session, []string) string{"),
            ('"status": s.status,', '"status": (*Session).status,'),
            ('"run":    s.run,   ', '"run":    (*Session).run,   '),
            ("cmd(f[1:])", "cmd(s, f[1:])"),
        ),
    ),
    "decline_table_value_receiver": (
        "limits.go",
        replacing(
            ("map[string]func(){", "map[string]func(Limits){"),
            ("func() { l.strict() }", "Limits.strict"),
            ("func() { l.relaxed() }", "Limits.relaxed"),
            ("apply()", "apply(l)"),
        ),
    ),
}


def _copy(root: Path) -> Path:
    shutil.copytree(MODULE, root, ignore=shutil.ignore_patterns("__snapshots__", "go121"))
    return root


@pytest.fixture(scope="module")
def rewritten(tmp_path_factory) -> tuple[Path, Path]:
    """The golden module as it is (in place: go test writes nothing there, and a package's directory is part
    of its build cache key, so a copy would compile every case again on a warm cache), and a copy with every
    verified closure rewrite applied."""
    run = golden_run(MODULE, "closure")
    before, after = MODULE, _copy(tmp_path_factory.mktemp("after") / "m")
    for path, content in run.changes.items():
        (after / Path(path).relative_to(MODULE)).write_bytes(content)
    return before, after


def _allocations(toolchain, before: Path, after: Path, root: Path) -> dict[tuple[str, str], float]:
    """Each measured case's `allocs=N`, (case, "before"/"after") -> N: one test binary holding both sides."""
    run = one_test_binary(toolchain, root, {"before": before, "after": after}, MEASURED, "TestAllocs")
    found = run([(c, side) for c in MEASURED for side in ("before", "after")])
    assert all(passed for passed, _ in found.values()), found
    return {key: float(re.findall(r"allocs=([\d.]+)", out)[-1]) for key, (_, out) in found.items()}


def test_the_measured_cases_are_there():
    assert len(MEASURED) >= 10, MEASURED


@pytest.mark.golden_run
@pytest.mark.parametrize("release", [0, 1], ids=["pinned", OLDER])
def test_each_rewrite_allocates_less(rewritten, release, tmp_path):
    """AllocsPerRun through each rewritten function, before and after, with one toolchain."""
    toolchain = releases()[release]
    found = _allocations(toolchain, *rewritten, tmp_path)
    grew = {c: (found[c, "before"], found[c, "after"]) for c in MEASURED if not found[c, "after"] < found[c, "before"]}
    assert not grew, f"{toolchain.version}: allocations did not drop (before, after): {grew}"


@pytest.mark.golden_run
def test_rewritten_cases_keep_their_behaviour_under_race(rewritten, tmp_path):
    """Each case's TestBehaviour, 20 times under -race, each case in its own process (one binary)."""
    run = one_test_binary(releases()[0], tmp_path, {"after": rewritten[1]}, MEASURED, "TestBehaviour", "-race")
    found = run([(c, "after") for c in MEASURED], "-test.count=20", isolated=True)
    assert {c: passed for (c, _), (passed, _) in found.items()} == dict.fromkeys(MEASURED, True), found


def test_each_naive_rewrite_fails_the_cases_own_test(tmp_path):
    """Original: TestBehaviour passes under -race. The naive copy: it fails (a value or a race). Each case
    in its own process, as its own test binary ran it: one case's goroutines cannot fail another."""
    toolchain = releases()[0]
    original, naive = MODULE, _copy(tmp_path / "naive")
    for case, (name, rewrite) in NAIVE.items():
        source = (original / case / name).read_text()
        assert rewrite(source) != source, f"{case}: the naive edit must apply"
        (naive / case / name).write_text(rewrite(source))
    sides = {"original": original, "naive": naive}
    run = one_test_binary(toolchain, tmp_path / "harness", sides, list(NAIVE), "TestBehaviour", "-race")
    found = run([(c, side) for c in NAIVE for side in sides], "-test.count=1", isolated=True)
    assert {c: passed for (c, side), (passed, _) in found.items() if side == "original"} == dict.fromkeys(NAIVE, True)
    assert {c: passed for (c, side), (passed, _) in found.items() if side == "naive"} == dict.fromkeys(NAIVE, False), {
        c: out for (c, side), (passed, out) in found.items() if side == "naive" and passed
    }
