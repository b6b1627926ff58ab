"""adv43e: other builds fix43b's varying misses: a type or interface DEFINED from a per-build one (`type Sink inner`,
`type Flusher Flushing`): typeOrigins reported the defined type's file and walked this build's underlying type only;
a `//line` directive in a constrained file naming an unconstrained file beside it (`//line <dir>/dep/dep.go:3` above
plain.go's `type Inner = Plain`): export data places Inner in dep.go, which every build compiles. Each naive rewrite
(the rule's before) prints `abc` where the original prints `abc|flushable` under the tag."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import assert_declines, module, proposals, releases
from test_iface_direct_reach import BODY, CASES, ENCODING, NAIVE, PLAIN, RULE, files

NEW = {
    "defined_from_per_build_struct": (
        {
            "dep/dep.go": "package dep\n\n// Sink is inner, whatever this build's inner is.\ntype Sink inner\n\n"
            "// Flushy flushes.\ntype Flushy struct{}\n\nfunc (Flushy) Flush() error { return nil }\n",
            "dep/plain.go": "//go:build !flushok\n\npackage dep\n\ntype inner struct{ N int }\n",
            "dep/ok.go": "//go:build flushok\n\npackage dep\n\ntype inner struct{ Flushy }\n",
        },
        '\n\t"example.com/m/dep"\n',
        "\ntype Flusher interface{ Flush() error }\n",
        "\tdep.Sink\n",
        "Flusher",
    ),
    "defined_from_per_build_interface": (
        {
            "iface/iface.go": "package iface\n\n// Flusher is this build's Flushing.\ntype Flusher Flushing\n",
            "iface/plain.go": PLAIN.format(name="Flushing"),
            "iface/encoding.go": ENCODING.format(name="Flushing"),
        },
        '\n\t"example.com/m/iface"\n',
        "\nvar _ iface.Flusher // the import is used beside the assertion\n",
        "",
        "iface.Flusher",
    ),
    "line_directive_alias": (
        {
            "dep/dep.go": "package dep\n\ntype Plain struct{}\n\ntype Flushy struct{}\n\n"
            "func (Flushy) Flush() error { return nil }\n",
            "dep/plain.go": "//go:build !flushok\n\npackage dep\n\n//line @ROOT@/dep/dep.go:3\ntype Inner = Plain\n",
            "dep/ok.go": "//go:build flushok\n\npackage dep\n\ntype Inner = Flushy\n",
        },
        '\n\t"example.com/m/dep"\n',
        "\ntype Flusher interface{ Flush() error }\n",
        "\tdep.Inner\n",
        "Flusher",
    ),
}
TAGS = {
    "line_directive_alias": "flushok",
    "defined_from_per_build_struct": "flushok",
    "defined_from_per_build_interface": "encflush",
}
CASES.update(NEW)


def rooted(root):
    """The module with its absolute directory in place of @ROOT@ (a //line directive naming a file of dep)."""
    for path in Path(root).rglob("*.go"):
        path.write_text(path.read_text().replace("@ROOT@", str(root)))
    return root


@pytest.mark.parametrize("name", list(NEW))
def test_declines(tmp_path, name):
    root = rooted(module(tmp_path, files(name, BODY)))
    found = proposals(root, RULE, toolchains=[releases()[1]])["example.com/m/codec"]
    assert_declines(found, "go/types does not name a file")


@pytest.mark.parametrize("name", list(NEW))
def test_naive_prints_otherwise(tmp_path, name):
    printed = []
    for version, body in (("original", BODY), ("naive", NAIVE)):
        root = rooted(module(tmp_path / version, files(name, body)))
        done = releases()[0].run(["run", "-tags", TAGS[name], "./cmd/codec"], str(root))
        assert done.returncode == 0, done.stderr.decode()
        printed.append(done.stdout.decode())
    assert printed == ["abc|flushable\n", "abc\n"], printed
