"""called_only: a generic function's func parameter that its source only calls, so nothing keeps it.

Source reading: each case is a small package; the verdict says whether `f` (or `cmp`) can outlive the
call, and why in words. The std functions the closure rule meets most are read in the pinned release's
own source, and the last case runs the closure rule (real go) on a library's generic helpers.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import assert_declines, module, proposals

from gorewrite.called_only import only_called, unjudged
from gorewrite.parameters import Verdicts
from gorewrite.proposals import Declined, Fix
from gorewrite.rules import RULES

HEAD = "package p\n\n"
KEEPS_NOTHING = {
    "called": "func each[T any](xs []T, f func(T)) {\n\tfor _, x := range xs {\n\t\tf(x)\n\t}\n}\n",
    "deferred_call": "func each[T any](x T, f func(T)) {\n\tdefer f(x)\n}\n",
    "handed_on": (
        "func each[T any](xs []T, f func(T)) { walk(xs, 0, f) }\n\n"
        "func walk[T any](xs []T, i int, f func(T)) {\n"
        "\tif i < len(xs) {\n\t\tf(xs[i])\n\t\twalk[T](xs, i+1, f)\n\t}\n}\n"
    ),
    "result_used": "func count[T any](xs []T, f func(T) bool) (n int) {\n\tfor _, x := range xs {\n"
    "\t\tif f(x) {\n\t\t\tn++\n\t\t}\n\t}\n\treturn n\n}\n",
}
KEEPS = {
    "stored": ("type box[T any] struct{ f func(T) }\n\nfunc each[T any](b *box[T], f func(T)) { b.f = f }\n", 1, "is"),
    "returned": ("func each[T any](f func(T)) func(T) { return f }\n", 0, "is used in a return statement"),
    "goroutine": ("func each[T any](x T, f func(T)) { go f(x) }\n", 1, "is in a go statement"),
    "literal": ("func each[T any](x T, f func(T)) func() { return func() { f(x) } }\n", 1, "by a func literal"),
    "ranged": ("func each[T any](f func(func(T) bool)) {\n\tfor range f {\n\t}\n}\n", 0, "is used in a range clause"),
    "shadowed": (
        "func each[T any](x T, f func(T)) {\n\tif f := keep(f); f != nil {\n\t\tf(x)\n\t}\n}\n\n"
        "func keep[T any](f func(T)) func(T) { return f }\n",
        1,
        "is used",
    ),
    "other_package": ('import "fmt"\n\nfunc each[T any](f func(T)) { fmt.Println(f) }\n', 0, "not its package's own"),
    "handed_to_keeper": (
        "var kept any\n\nfunc each[T any](f func(T)) { hold(f) }\n\nfunc hold[T any](f func(T)) { kept = f }\n",
        0,
        "whose f (p.go:7) is used",
    ),
    "callee_shadowed": (
        "func each[T any](f func(T), hold func(func(T))) { hold(f) }\n\nfunc hold[T any](f func(T)) {}\n",
        0,
        "a name the function also declares",
    ),
    "variadic": ("func each[T any](x T, fs ...func(T)) {\n\tfor _, f := range fs {\n\t\tf(x)\n\t}\n}\n", 1, "not"),
}


def files(tmp_path: Path, source: str) -> tuple[str, ...]:
    path = tmp_path / "p.go"
    path.write_text(HEAD + source)
    return (str(path),)


@pytest.mark.parametrize("name", list(KEEPS_NOTHING))
def test_a_parameter_only_called_is_kept_by_nothing(tmp_path, name):
    function = "count" if name == "result_used" else "each"
    assert only_called(files(tmp_path, KEEPS_NOTHING[name]), function, 1) is None


@pytest.mark.parametrize("name", list(KEEPS))
def test_any_other_use_declines_with_why(tmp_path, name):
    source, index, why = KEEPS[name]
    found = only_called(files(tmp_path, source), "each", index)
    assert found is not None and why in found, found


def test_a_function_not_in_the_files_declines(tmp_path):
    assert "has no body" in only_called(files(tmp_path, KEEPS_NOTHING["called"]), "other", 1)


@pytest.mark.parametrize(
    ("function", "index"),
    [
        ("SortFunc", 1),
        ("SortStableFunc", 1),
        ("IndexFunc", 1),
        ("ContainsFunc", 1),
        ("DeleteFunc", 1),
        ("BinarySearchFunc", 2),
        ("MaxFunc", 1),
        ("CompactFunc", 1),
        ("EqualFunc", 2),
    ],
)
def test_std_slices_callbacks_are_only_called(toolchain, tmp_path, function, index):
    """The pinned release's slices package: the comparators and predicates the rule meets most."""
    found = toolchain.run(["list", "-f", '{{.Dir}}\t{{join .GoFiles "\\t"}}', "slices"], str(tmp_path))
    folder, *names = found.stdout.decode().strip().split("\t")
    assert only_called(tuple(f"{folder}/{n}" for n in names), function, index) is None


METHODS = (
    "type Set[T comparable] map[T]struct{}\n\n"
    "func (s Set[T]) Each(f func(T)) {\n\tfor k := range s {\n\t\tf(k)\n\t}\n}\n\n"
    "type Box[T any] struct{ f func(T) }\n\n"
    "func (b *Box[T]) Keep(f func(T)) { b.f = f }\n"
)


def test_a_generic_types_method_is_read_as_T_dot_M(tmp_path):
    found = files(tmp_path, METHODS)
    assert only_called(found, "Set.Each", 0) is None
    assert "is used" in only_called(found, "Box.Keep", 0)
    assert "has no body" in only_called(found, "Each", 0)  # a method is no function


@pytest.mark.parametrize(
    ("varying", "decided"),
    [
        ({}, True),
        ({"p": "go120.go of golang.org/x/sync/errgroup, which it imports"}, True),
        ({"p": "p_plan9.go"}, False),
    ],
    ids=["steady", "through_an_import", "own_file"],
)
def test_only_a_package_whose_own_files_vary_is_left_to_its_verdicts(tmp_path, varying, decided):
    """The proof reads the package's own files: what an import compiles differently cannot change them."""
    verdicts = Verdicts({}, varying, files={"p": files(tmp_path, METHODS)})
    assert (unjudged(verdicts, ("p", "Set", "Each"), 0, None) == "") is decided
    kept = unjudged(verdicts, ("p", "Box", "Keep"), 0, None)
    assert kept is None if not decided else "its source does not show that Box.Keep only calls it" in kept
    assert unjudged(verdicts, ("p", "Set", "Each"), -1, None) is None  # the receiver: its verdict decides


def test_a_parameter_of_another_type_is_left_to_its_verdict(tmp_path):
    """`slices.Contains(buf, b)`: the buffer is no func, the source says nothing of it, the decline stays as is."""
    found = files(tmp_path, "func has[T comparable](xs []T, f func(T) bool, x T) bool { return f(x) }\n")
    verdicts = Verdicts({}, {}, files={"p": found})
    assert [unjudged(verdicts, ("p", "", "has"), i, None) for i in range(3)] == [None, "", None]


LIB = """package lib

// Filter keeps the items keep says yes to.
func Filter[T any](items []T, keep func(item T, index int) bool) []T {
	out := make([]T, 0, len(items))
	for i := range items {
		if keep(items[i], i) {
			out = append(out, items[i])
		}
	}
	return out
}

// Memo returns a function that calls f once and then returns its value: it keeps f.
func Memo[T any](f func() T) func() T {
	var done bool
	var v T
	return func() T {
		if !done {
			v, done = f(), true
		}
		return v
	}
}
"""
USE = """package use

import (
	"sync"

	"example.com/m/lib"
)

// Drop removes marker from every page, a goroutine a page, then resets it.
func Drop(pages [][]string, marker string) ([][]string, string) {
	out := make([][]string, len(pages))
	var wg sync.WaitGroup
	for i, p := range pages {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = lib.Filter(p, func(w string, _ int) bool { return w != marker })
		}()
	}
	wg.Wait()
	marker = ""
	return out, marker
}

// Audit makes a lazy line per item, signals, and reads it once release is closed.
func Audit(items []string, label string, release <-chan struct{}, seen func(string)) string {
	var wg sync.WaitGroup
	for _, it := range items {
		wg.Add(1)
		go func() {
			get := lib.Memo(func() string { return label + it })
			wg.Done()
			<-release
			seen(get())
		}()
	}
	wg.Wait()
	label = "done"
	return label
}
"""


def test_another_packages_generic_helper_is_read_in_its_own_source(tmp_path):
    """A library's generic Filter only calls keep: Drop's copy is proposed. Its Memo keeps f in the func it
    returns, which Audit's goroutine calls after its Done: declined by the source (the compiler inlines Memo
    and says the literal does not escape), as a naive copy would hand the memo the old label."""
    module(tmp_path, {"lib/lib.go": LIB, "use/use.go": USE})
    found = proposals(tmp_path, RULES["closure"])["example.com/m/use"]
    fixes = [p for p in found if isinstance(p, Fix)]
    assert [t.message for f in fixes for t in f.targets] == ["moved to heap: marker"]
    (label,) = [p for p in found if isinstance(p, Declined) and p.site.message == "moved to heap: label"]
    assert "lib.Memo, of which" in label.reason
    assert_declines([label], "its source does not show that Memo only calls it: whose f (lib.go:20) is captured")


# Review adv40a: three ways the source read the wrong function or parameter, each verified a copy of label that
# the hook, kept and run after the Done, reads: a local type named like the package's `wrap` (a conversion, not
# a call), a method expression on an instance of a generic type (`Box[string].Arm`: its first argument is the
# receiver), a receiver's type parameter named like `wrap`.
AUDIT = """// Audit arms a hook per item, signals, and runs it once release is closed.
func Audit(items []string, label string, release <-chan struct{}, seen func(string)) string {
	var wg sync.WaitGroup
	for _, it := range items {
		wg.Add(1)
		go func() {
			h := CALL
			wg.Done()
			<-release
			h.RUN(it)
		}()
	}
	wg.Wait()
	label = "done"
	return label
}
"""


def audit(head: str, call: str, run: str) -> str:
    """The package: its hook helpers, then Audit calling `call` in each goroutine and `h.run(it)` after the Done."""
    return head + "\n" + AUDIT.replace("CALL", call).replace("RUN", run)


SHADOWED = {
    "shadow2": audit(
        """// Package shadow2 arms a hook per item on workers and runs it later.
package shadow2

import "sync"

type hook[T any] struct{ run func(T) }

func wrap[T any](g func(T)) { g(*new(T)) }

// arm converts f for its hook; the local type wrap is a named func type.
func arm[T any](f func(T)) hook[T] {
	type wrap func(T)
	w := wrap(f)
	return hook[T]{run: w}
}
""",
        "arm(func(s string) { seen(label + s) })",
        "run",
    ),
    "mexpr": audit(
        """// Package mexpr arms a hook on a generic box, called as a method expression.
package mexpr

import "sync"

type Box[T any] struct{ n int }

type hook[T any] struct{ fn func(T) }

// Arm keeps keep for later and runs run now.
func (b Box[T]) Arm(keep func(T), run func(T)) hook[T] {
	var zero T
	run(zero)
	return hook[T]{fn: keep}
}
""",
        "Box[string].Arm(Box[string]{}, func(s string) { seen(label + s) }, func(string) {})",
        "fn",
    ),
    "rtp": audit(
        """// Package rtp arms hooks on a generic arm whose type parameter converts the callback.
package rtp

import "sync"

type hook struct{ fn func(string) }

func wrap(g func(string)) { g("") }

// Armer converts callbacks to its wrap type.
type Armer[wrap ~func(string)] struct{}

// Arm converts f to the receiver's wrap type and keeps it in the hook.
func (a Armer[wrap]) Arm(f func(string)) hook {
	w := wrap(f)
	return hook{fn: (func(string))(w)}
}
""",
        "Armer[func(string)]{}.Arm(func(s string) { seen(label + s) })",
        "fn",
    ),
}
AUDITED = """package {pkg}

import "testing"

func TestAudit(t *testing.T) {
	release, seen := make(chan struct{}), make(chan string, 3)
	Audit([]string{"a"}, "old", release, func(s string) { seen <- s })
	close(release)
	if got := <-seen; got != "donea" {
		t.Fatal(got)
	}
}
"""


@pytest.mark.parametrize("name", list(SHADOWED))
def test_a_shadowed_hand_off_or_a_generic_method_expression_declines(tmp_path, name, toolchain):
    module(tmp_path, {f"{name}/{name}.go": SHADOWED[name], f"{name}/{name}_test.go": AUDITED.replace("{pkg}", name)})
    found = proposals(tmp_path, RULES["closure"])[f"example.com/m/{name}"]
    (label,) = [p for p in found if p.site.message == "moved to heap: label"]
    assert isinstance(label, Declined), label
    # the naive copy: the hook reads the label of before the write
    naive = SHADOWED[name].replace("\t\tgo func() {", "\t\tlabel := label\n\t\tgo func() {")
    (tmp_path / name / f"{name}.go").write_text(naive)
    done = toolchain.run(["test", "-count=1", f"./{name}"], str(tmp_path))
    assert done.returncode != 0 and b"olda" in done.stdout, done.stdout


# Review adv40d: a method expression on another package's type, `lib.Plain.Arm(recv, keep, run)`, was read as a
# method call, every argument one off: the kept callback was matched to `run`, which Arm only calls.
ARMS = """package arms

// Box arms hooks for values of T.
type Box[T any] struct{ n int }

// Hook runs Fn later.
type Hook[T any] struct{ Fn func(T) }

// Arm keeps keep for later and runs run now.
func (b Box[T]) Arm(keep func(T), run func(T)) Hook[T] {
	var zero T
	run(zero)
	return Hook[T]{Fn: keep}
}

// Pair arms hooks for keys of K.
type Pair[K, V any] struct{ n int }

// Arm keeps keep for later and runs run now.
func (p Pair[K, V]) Arm(keep func(K), run func(K)) Hook[K] {
	var zero K
	run(zero)
	return Hook[K]{Fn: keep}
}

// Plain arms string hooks.
type Plain struct{ n int }

// Arm keeps keep for later and runs run now.
func (p Plain) Arm(keep func(string), run func(string)) Hook[string] {
	run("")
	return Hook[string]{Fn: keep}
}
"""
QUALIFIED = {
    "generic_box": "arms.Box[string].Arm(arms.Box[string]{}, func(s string) { seen(label + s) }, func(string) {})",
    "plain": "arms.Plain.Arm(arms.Plain{}, func(s string) { seen(label + s) }, func(string) {})",
    # parsed as a type instantiation, not an index (review adv41a)
    "pair": "arms.Pair[string, int].Arm(arms.Pair[string, int]{}, func(s string) { seen(label + s) }, func(string) {})",
}


@pytest.mark.parametrize("name", list(QUALIFIED))
def test_a_method_expression_on_another_packages_type_declines(tmp_path, name, toolchain):
    head = f'package {name}\n\nimport (\n\t"sync"\n\n\t"example.com/m/arms"\n)\n'
    source = audit(head, QUALIFIED[name], "Fn")
    module(
        tmp_path,
        {"arms/arms.go": ARMS, f"{name}/{name}.go": source, f"{name}/{name}_test.go": AUDITED.replace("{pkg}", name)},
    )
    found = proposals(tmp_path, RULES["closure"])[f"example.com/m/{name}"]
    (label,) = [p for p in found if p.site.message == "moved to heap: label"]
    assert isinstance(label, Declined) and "a method expression" in label.reason, label
    naive = source.replace("\t\tgo func() {", "\t\tlabel := label\n\t\tgo func() {")
    (tmp_path / name / f"{name}.go").write_text(naive)
    done = toolchain.run(["test", "-count=1", f"./{name}"], str(tmp_path))
    assert done.returncode != 0 and b"olda" in done.stdout, done.stdout
