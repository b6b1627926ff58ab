"""make-const with the length of `string(b)` in a package that uses another package declared per build: the
conversion is len(b) bytes where b's own type holds in every build, judged from the declarations the operand
depends on (gotypes/declared.go `steadyOperand`), not from everything the package uses (std's internal/xcoff,
which imports os, parses its member names through a `func(b []byte)` literal). A []byte here that another build
declares as a []rune (another module's `//go:build wide` file) bounds nothing, whether it reaches the operand
directly, through a local's initializer (`:=`, `var`), a range over it, a field an embedded type of the other
package shadows in that build, a function's declared result, a type switch's clause type or its guard; their
naive arrays panic in the wide build, where the original does not. A per-build named type refused as the
operand's own type still reaches it as a plain []byte through an index (`rows()[0]` of `func rows() dep.Table`,
`d[0]` in `case dep.Table:`), so a signature and a clause's types are read for other packages' names
(adv-reach51c).
"""

from __future__ import annotations

import pytest
from conftest import at_most_speculative, exact_array, module, proposals

from gorewrite.rules import RULES

RULE = RULES["make-const"]
FORTY = "0123456789" * 4
DEP = (
    '\n\npackage dep\n\n// Data returns the label\'s units.\nfunc Data() []{t} {{ return []{t}("{units}") }}\n\n'
    "// Chunks returns the label in chunks.\nfunc Chunks() [][]{t} {{ return [][]{t}{{Data()}} }}\n\n"
    "// Base is what every record embeds.\ntype Base struct {{{fields}}}\n\n"
    "// NewBase returns a record's base.\nfunc NewBase() Base {{ return Base{{{init}}} }}\n\n"
    "// Table is the label in rows.\ntype Table [][]{t}\n\n"
    "// Value returns the label as a value that reports it.\nfunc Value() {value} {{ return label{{}} }}\n\n"
    "type label struct{{}}\n\nfunc (label) Error() {text} {{ return {units_of} }}\n"
)
VARYING = {
    "dep/narrow.go": "//go:build !wide"
    + DEP.format(t="byte", units=FORTY, fields="", init="", value="error", text="string", units_of="string(Data())"),
    "dep/wide.go": "//go:build wide"
    + DEP.format(
        t="rune",
        units="é" * 40,
        fields="\n\tName []rune\n",
        init="Data()",
        value="interface{ Error() []rune }",
        text="[]rune",
        units_of="Data()",
    ),
}
SUM = (
    "\tout := make([]byte, len(s))\n\tn := copy(out, s)\n\tsum := 0\n\tfor _, c := range out[:n] {\n"
    "\t\tsum += int(c)\n\t}\n\treturn sum*100 + len(out)\n"
)


def case(name: str, params: str, head: str, decls: str = "", imports: str = "") -> str:
    """A package `name` whose Label sums the bytes of the string head makes as s."""
    return (
        f'package {name}\n\nimport (\n{imports}\t"example.com/m/dep"\n)\n\n// Count is how many units the label has.\n'
        f"func Count() int {{ return len(dep.Data()) }}\n{decls}\n// Label sums a label's bytes.\n"
        f"func Label({params}) int {{\n{head}{SUM}}}\n"
    )


def switching(guard: str, clause: str, operand: str) -> str:
    """A head whose s is string(operand) in one clause of a type switch `d := guard.(type)`, 0 returned in the other."""
    other = "case nil" if clause == "default" else "default"
    return (
        f'\ts := ""\n\tswitch d := {guard}.(type) {{\n\t{clause}:\n\t\ts = string({operand})\n\t{other}:\n'
        "\t\treturn 0\n\t}\n"
    )


OWN = case("own", "rec []byte", "\tif len(rec) > 40 {\n\t\trec = rec[:40]\n\t}\n\ts := string(rec)\n")
# the package's own declarations the operand goes through: a function's result, a type switch's clause
STEADY = {
    "own": OWN,
    "called": case(
        "called", "", "\ts := string(record()[:40])\n", f'\nfunc record() []byte {{ return []byte("{FORTY}") }}\n'
    ),
    "switched": case("switched", "v any", switching("v", "case []byte", "d[:40]")),
    # a std package's function (the import's name), and a type that refers to itself
    "trimmed": case("trimmed", "rec []byte", "\ts := string(bytes.TrimSpace(rec)[:40])\n", imports='\t"bytes"\n'),
    "linked": case(
        "linked",
        "",
        f'\tp := &node{{name: []byte("{FORTY}")}}\n\tp.next = p\n\ts := string(p.next.name[:40])\n',
        "\ntype node struct {\n\tnext *node\n\tname []byte\n}\n",
    ),
    # a method's result of its receiver's type parameter, instantiated here
    "boxed": case(
        "boxed",
        "",
        f'\ts := string(box[[]byte]{{[]byte("{FORTY}")}}.get()[:40])\n',
        "\ntype box[T any] struct{ v T }\n\nfunc (b box[T]) get() T { return b.v }\n",
    ),
}
PROMOTED_TYPES = (
    "\ntype inner struct{ Name []byte }\n\ntype outer struct{ inner }\n\n// Rec is a record: its base and name.\n"
    "type Rec struct {\n\tdep.Base\n\touter\n}\n\n// New is a record named name.\n"
    "func New(name string) Rec { return Rec{dep.NewBase(), outer{inner{[]byte(name)}}} }\n"
)
PER_BUILD = {
    "direct": case("direct", "", "\ts := string(dep.Data()[:40])\n"),
    "assigned": case("assigned", "", "\td := dep.Data()\n\ts := string(d[:40])\n"),
    "declared": case("declared", "", "\tvar d = dep.Data()\n\ts := string(d[:40])\n"),
    "ranged": case("ranged", "", '\ts := ""\n\tfor _, d := range dep.Chunks() {\n\t\ts = string(d[:40])\n\t}\n'),
    # in the wide build dep.Base's Name (depth 1) shadows inner's (depth 2): r.Name is a []rune there
    "promoted": case("promoted", "r Rec", "\ts := string(r.Name[:40])\n", PROMOTED_TYPES),
    # a per-build named type named only in a declaration: its rows are unnamed []byte here, []rune there
    "indexed": case(
        "indexed", "", "\ts := string(rows()[0][:40])\n", "\nfunc rows() dep.Table { return dep.Table{dep.Data()} }\n"
    ),
    "cased": case("cased", "v any", switching("v", "case dep.Table", "d[0][:40]")),
    # the guard's type, which the default clause's d has: the universe's error here, an interface whose Error
    # returns []rune there
    "guarded": case("guarded", "", switching("dep.Value()", "default", "d.Error()[:40]")),
}
CALLS = {name: f"{name}.Label" for name in PER_BUILD} | {
    "own": f'func() int {{ return own.Label([]byte("{FORTY}")) }}',
    "called": "called.Label",
    "switched": f'func() int {{ return switched.Label([]byte("{FORTY}")) }}',
    "trimmed": f'func() int {{ return trimmed.Label([]byte("{FORTY}")) }}',
    "linked": "linked.Label",
    "boxed": "boxed.Label",
    "promoted": f'func() int {{ return promoted.Label(promoted.New("{FORTY}")) }}',
    "cased": "func() int { return cased.Label(dep.Table{dep.Data()}) }",
}
MAIN = (
    'package main\n\nimport (\n\t"fmt"\n\n\t"example.com/m/dep"\n'
    + "".join(f'\t"example.com/m/{name}"\n' for name in CALLS)
    + ")\n\nfunc try(name string, label func() int) {\n\tdefer func() {\n\t\tif r := recover(); r != nil {\n"
    '\t\t\tfmt.Println(name, "panic:", r)\n\t\t}\n\t}()\n\tfmt.Println(name, label())\n}\n\nfunc main() {\n'
    + "".join(f'\ttry("{name}", {call})\n' for name, call in CALLS.items())
    + "}\n"
)


def naive(source: str, size: int) -> str:
    """The source with its make given a [size]byte array, as a rule that trusted the conversion would."""
    return source.replace("out := make([]byte, len(s))", f"var outBuf [{size}]byte\n\tout := outBuf[:len(s):len(s)]")


def files(sources: dict[str, str]) -> dict[str, str]:
    return VARYING | {f"{name}/{name}.go": source for name, source in sources.items()}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    root = module(tmp_path_factory.mktemp("make-const-steady-operands"), files(STEADY | PER_BUILD))
    return proposals(root, RULE)


@pytest.mark.parametrize("name", list(STEADY))
def test_an_operand_of_the_packages_own_declarations_is_bounded_beside_a_per_build_one(proposed, name):
    exact_array(proposed[f"example.com/m/{name}"], STEADY[name], "[40]byte", scope="Label")


@pytest.mark.parametrize("name", list(PER_BUILD))
def test_an_operand_typed_through_a_per_build_declaration_bounds_nothing(proposed, name):
    at_most_speculative(proposed[f"example.com/m/{name}"])


def test_the_naive_arrays_panic_in_the_build_that_declares_runes(tmp_path, toolchain):
    """Each must-decline case's naive [40]byte panics under -tags wide, where the original does not (and the
    proven cases' arrays one element short panic in every build)."""
    sources = STEADY | PER_BUILD
    mutated = {name: naive(source, 39) for name, source in STEADY.items()}
    mutated |= {name: naive(source, 40) for name, source in PER_BUILD.items()}
    ran = {}
    for variant, chosen in (("original", sources), ("naive", mutated)):
        root = module(tmp_path / variant, files(chosen) | {"cmd/main.go": MAIN})
        for tags in ([], ["-tags", "wide"]):
            result = toolchain.run(["run", *tags, "./cmd"], str(root))
            assert result.returncode == 0, result
            ran[variant, bool(tags)] = dict(line.split(" ", 1) for line in result.stdout.decode().splitlines())
    for wide in (False, True):
        assert not any("panic" in out for out in ran["original", wide].values()), ran["original", wide]
    assert all("slice bounds out of range" in ran["naive", False][name] for name in STEADY), ran["naive", False]
    assert all(ran["naive", False][name] == ran["original", False][name] for name in PER_BUILD)
    for name in PER_BUILD:
        assert "slice bounds out of range" in ran["naive", True][name], (name, ran["naive", True])
