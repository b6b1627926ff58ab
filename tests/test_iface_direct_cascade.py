"""iface-direct on a container whose literal names a variable nothing else does (cascade.py): `ec` of
`builtins := [...]Command{&vc, &ec}`, whose only assertion reads builtins[0]. Removing builtins left ec declared and
not used, which go rejects: when ec's declaration is one name with a value without effect or panic, and nothing else
names ec, it goes too, and so do the variables only it named (`p := &ec`, then ec). Declined, each with its naive
rewrite: a sibling built by a call, or by a literal calling one (removing it skips the call's effect). A named
result in the literal stays: go never says a result is not used. The literal's other elements may be any constant
go/types evaluates (`5 * time.Second`, `1 << 20`): the compiler computes it, with no effect or panic; a division that
is no constant declines (the naive removal skips its panic). A value boxed in the body of a func literal the deleted
sibling holds never ran unless called: it is no target of the fix. AllocsPerRun under both releases.
"""

from __future__ import annotations

import pytest
from conftest import case_suite, edited, only_fix
from test_iface_direct import RULE

HEAD = """package {name}

type Helper interface{{ Help() string }}

type versionCmd struct{{ version string }}

func (v *versionCmd) Help() string {{ return "version " + v.version }}
func (v *versionCmd) Run() int     {{ return len(v.version) }}

type echoCmd struct{{ sep string }}

func (e *echoCmd) Run() int {{ return len(e.sep) }}

type Command interface{{ Run() int }}
"""


def package(name: str, body: str) -> str:
    return HEAD.format(name=name) + "\n" + body


FIXES = {
    # the sibling of the command asserted back
    "sibling": (
        package(
            "sibling",
            """// VersionHelp asks the version command for its help, through the table of builtins.
func VersionHelp(version string) string {
	vc := versionCmd{version: version}
	ec := echoCmd{sep: ","}
	builtins := [...]Command{&vc, &ec}
	if h, ok := builtins[0].(Helper); ok {
		return h.Help()
	}
	return ""
}
""",
        ),
        "with ec, which only it named",
        '{pkg}.VersionHelp("1.2")',
    ),
    # the sibling is a hook no one calls: the value its body boxes was never built, so it is no target of the fix
    "hook": (
        package(
            "hook",
            """type note struct{ text string }

func (n *note) Help() string { return n.text }

var Hooked any

// VersionRun runs the version command, beside a hook the table keeps for later.
func VersionRun(version string) int {
	vc := versionCmd{version: version}
	hook := func() {
		n := note{text: "hooked"}
		var h any = &n
		if s, ok := h.(Helper); ok {
			Hooked = s
		}
		Hooked = h
	}
	builtins := [...]any{&vc, hook}
	if c, ok := builtins[0].(Command); ok {
		return c.Run()
	}
	return 0
}
""",
        ),
        "with hook, which only it named",
        '{pkg}.VersionRun("1.2")',
    ),
    # the hook is an element of the literal itself: its body never ran either
    "hook_element": (
        package(
            "hook_element",
            """type note struct{ text string }

func (n *note) Help() string { return n.text }

var Hooked any

// VersionRun runs the version command, beside a hook the table keeps for later.
func VersionRun(version string) int {
	vc := versionCmd{version: version}
	builtins := [...]any{&vc, func() {
		n := note{text: "hooked"}
		var h any = &n
		if s, ok := h.(Helper); ok {
			Hooked = s
		}
		Hooked = h
	}}
	if c, ok := builtins[0].(Command); ok {
		return c.Run()
	}
	return 0
}
""",
        ),
        "drop builtins",
        '{pkg}.VersionRun("1.2")',
    ),
    # a pointer to the sibling, held in a local first: p goes, then ec, which only p named
    "chained": (
        package(
            "chained",
            """// Help asks the first command of a table for its help.
func Help(version string) string {
	vc := versionCmd{version: version}
	var ec echoCmd
	p := &ec
	table := []any{&vc, p}
	return table[0].(Helper).Help()
}
""",
        ),
        "with p and ec, which only it named",
        '{pkg}.Help("1.2")',
    ),
    # a named result in the literal: go never says a result is not used, so it stays
    "result": (
        package(
            "result",
            """// Pair asks the version command for its help, and returns the echo command it listed beside it.
func Pair(version string) (help string, ec echoCmd) {
	vc := versionCmd{version: version}
	builtins := [...]Command{&vc, &ec}
	return builtins[0].(Helper).Help(), ec
}
""",
        ),
        "drop builtins, built only to be read back",
        '{pkg}.Pair("1.2")',
    ),
    # a config struct's duration and size are constants: the literal goes whole
    "constants": (
        package(
            "constants",
            """type options struct {
	timeout int64
	limit   int
	cmd     any
}

// Timeout asks the configured command for its help.
func Timeout(version string) string {
	vc := versionCmd{version: version}
	opts := options{timeout: 5 * 1e9, limit: 1 << 20, cmd: &vc}
	return opts.cmd.(Helper).Help()
}
""",
        ),
        "drop opts, built only to be read back",
        '{pkg}.Timeout("1.2")',
    ),
}

DECLINES = {
    # the sibling is built by a call with an effect: removing its declaration skips it
    "sibling_call": (
        package(
            "sibling_call",
            """var made int

func newEcho(sep string) echoCmd {
	made++
	return echoCmd{sep: sep}
}

// VersionHelp asks the version command for its help, and says how many echo commands were made.
func VersionHelp(version string) (string, int) {
	vc := versionCmd{version: version}
	ec := newEcho(",")
	builtins := [...]Command{&vc, &ec}
	return builtins[0].(Helper).Help(), made
}
""",
        ),
        "removing it would leave ec declared and not used",
    ),
    # the sibling's literal calls a function with an effect: removing its declaration skips the call
    "sibling_impure": (
        package(
            "sibling_impure",
            """var asked int

func separator() string {
	asked++
	return ","
}

// VersionHelp asks the version command for its help, and says how often a separator was asked for.
func VersionHelp(version string) (string, int) {
	vc := versionCmd{version: version}
	ec := echoCmd{sep: separator()}
	builtins := [...]Command{&vc, &ec}
	return builtins[0].(Helper).Help(), asked
}
""",
        ),
        "removing it would leave ec declared and not used",
    ),
    # a share computed by a division that is no constant: removing the literal skips its panic on zero parts
    "division": (
        package(
            "division",
            """type options struct {
	share int
	cmd   any
}

// Share asks the configured command for its help, with each of parts getting a share of the budget.
func Share(version string, parts int) string {
	vc := versionCmd{version: version}
	opts := options{share: 100 / parts, cmd: &vc}
	return opts.cmd.(Helper).Help()
}
""",
        ),
        "removing it would skip 100 / parts",
    ),
}

NAIVE = {
    "sibling_call": (
        lambda s: s.replace('\tec := newEcho(",")\n\tbuiltins := [...]Command{&vc, &ec}\n', "").replace(
            "builtins[0].(Helper)", "Helper(&vc)"
        ),
        'fmt.Sprint({pkg}.VersionHelp("1.2"))',
    ),
    "sibling_impure": (
        lambda s: s.replace("\tec := echoCmd{sep: separator()}\n\tbuiltins := [...]Command{&vc, &ec}\n", "").replace(
            "builtins[0].(Helper)", "Helper(&vc)"
        ),
        'fmt.Sprint({pkg}.VersionHelp("1.2"))',
    ),
    "division": (
        lambda s: s.replace("\topts := options{share: 100 / parts, cmd: &vc}\n", "").replace(
            "opts.cmd.(Helper)", "Helper(&vc)"
        ),
        'fmt.Sprint(func() (r any) { defer func() { r = recover() }(); return {pkg}.Share("1.2", 0) }())',
    ),
}


globals().update(case_suite("iface-cascade", RULE, FIXES, DECLINES, NAIVE))


@pytest.mark.parametrize("name", list(FIXES))
def test_the_declarations_only_the_literal_named_go_with_it(proposed, name):
    source, said, _ = FIXES[name]
    fix = only_fix(proposed[name])
    after = edited(source, fix)
    assert said in fix.summary, fix.summary
    body = after.split("func ")[-1]
    assert "echoCmd{" not in body and ("ec :=" not in body and "var ec" not in body) and "opts" not in body, after


def test_a_sibling_the_fix_deletes_is_one_of_its_targets(proposed):
    """ec's own escape goes with its declaration, which ran wherever the literal was built: the fix targets it,
    where it was listed as declined ("no type assertion reads builtins[1] back") although the fix removed it."""
    found = proposed["sibling"]
    fix = only_fix(found)
    assert any(t.message == "moved to heap: ec" for t in fix.targets), fix.targets
    assert not [p for p in found if p not in (fix,)], found


def test_a_value_boxed_in_a_sibling_literal_is_no_target(proposed, allocs):
    """n is boxed in the body of hook, which the fix deletes with builtins but which nothing ever called: n's
    allocation never happened, so it stays declined, and the fix claims as many allocations as it takes away
    (the branch counted n, claiming two where AllocsPerRun says one)."""
    for name in ("hook", "hook_element"):
        fix = only_fix(proposed[name])
        assert [t.message for t in fix.targets] == ["moved to heap: vc"], (name, fix.targets)
        for release, measured in allocs.items():
            before, after = measured[name][:2]
            assert before - after == len(fix.targets), (name, release, before, after, fix.targets)
