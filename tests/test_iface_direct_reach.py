"""iface-direct's failed assertion and the other builds that may make it succeed (elsewhere.py, fix43b).

The asserted interface may differ per build: `iface.Flusher` declared in a `//go:build !encflush` file, or embedding
one so declared, asks for Flush here and for Encode under -tags encflush, where the dropped `if` runs: each declines,
its naive rewrite (the rule's before) printing otherwise under that tag. The value's type having a method of the
asked name whose result type is an alias per build (`Result = int`, `= error` under -tags flushok) declines too, and
so does a type embedding an alias declared per build (`Inner = Plain`, `= Flushy` with Flush under -tags flushok).
What no longer declines, verified by the compiler: a type embedding sync.Mutex (std's sync has constrained files,
none declaring Flush), dep's constrained file declaring an unrelated method, an in-package test file's mock method.
The must-decline cases of a file declaring the asked method itself are test_iface_direct_builds.py's.
"""

from __future__ import annotations

import pytest
from conftest import assert_declines, in_process, module, proposals, releases

from gorewrite.proposals import Fix
from gorewrite.rules import RULES

RULE = RULES["iface-direct"]

CODEC = """package codec

import (
	"strings"
{imports})

type Encoder interface{ Encode(v string) }
{decls}
type lineCodec struct {
{embed}	sb *strings.Builder
}

func (c *lineCodec) Encode(v string) { c.sb.WriteString(v) }

// kept is the last flushable encoder.
var kept any

// EncodeAll encodes the values and marks the output flushable if the encoder can flush.
func EncodeAll(sb *strings.Builder, vals []string) {
	lc := lineCodec{sb: sb}
{body}}
"""
BODY = """	var enc Encoder = &lc
	for _, v := range vals {
		enc.Encode(v)
	}
	if f, ok := enc.({iface}); ok {
		sb.WriteString("|flushable")
		kept = f
	}
"""
# the rule's rewrite before fix43b
NAIVE = """	for _, v := range vals {
		(&lc).Encode(v)
	}
"""
MAIN = """package main

import (
	"fmt"
	"strings"

	"example.com/m/codec"
)

func main() {
	var sb strings.Builder
	codec.EncodeAll(&sb, []string{"ab", "c"})
	fmt.Println(sb.String())
}
"""
LOCAL = "\ntype Flusher interface{ Flush() error }\n"
USED = "\nvar _ iface.Flusher // the import is used beside the assertion\n"
PLAIN = "//go:build !encflush\n\npackage iface\n\ntype {name} interface{{ Flush() error }}\n"
ENCODING = "//go:build encflush\n\npackage iface\n\ntype {name} interface{{ Encode(v string) }}\n"
SINK = "package dep\n\n// Sink counts what it is given.\ntype Sink struct{ N int }\n"
SIGNED = SINK + "\n// Flush reports the count.\nfunc (s *Sink) Flush() Result { var r Result; return r }\n"
RESULT = "//go:build {tag}\n\npackage dep\n\n// Result is what Flush reports.\ntype Result = {type}\n"

# name -> (the packages' files beside codec's, codec's imports, declarations, embedded fields, asserted interface)
CASES = {
    "interface_per_build": (
        {"iface/plain.go": PLAIN.format(name="Flusher"), "iface/encoding.go": ENCODING.format(name="Flusher")},
        '\n\t"example.com/m/iface"\n',
        USED,
        "",
        "iface.Flusher",
    ),
    "embedded_interface_per_build": (
        {
            "iface/iface.go": "package iface\n\n// Flusher is what flushes.\ntype Flusher interface{ Flushing }\n",
            "iface/plain.go": PLAIN.format(name="Flushing"),
            "iface/encoding.go": ENCODING.format(name="Flushing"),
        },
        '\n\t"example.com/m/iface"\n',
        USED,
        "",
        "iface.Flusher",
    ),
    "signature_per_build": (
        {
            "dep/dep.go": SIGNED,
            "dep/plain.go": RESULT.format(tag="!flushok", type="int"),
            "dep/ok.go": RESULT.format(tag="flushok", type="error"),
        },
        '\n\t"example.com/m/dep"\n',
        LOCAL,
        "\t*dep.Sink\n",
        "Flusher",
    ),
    "embedded_alias_per_build": (
        {
            "dep/dep.go": "package dep\n\ntype Plain struct{}\n\ntype Flushy struct{}\n\n"
            "func (Flushy) Flush() error { return nil }\n",
            "dep/plain.go": RESULT.format(tag="!flushok", type="Plain").replace("Result", "Inner"),
            "dep/ok.go": RESULT.format(tag="flushok", type="Flushy").replace("Result", "Inner"),
        },
        '\n\t"example.com/m/dep"\n',
        LOCAL,
        "\tdep.Inner\n",
        "Flusher",
    ),
    "interface_everywhere": (
        {"iface/iface.go": "package iface\n\ntype Flusher interface{ Flush() error }\n"},
        '\n\t"example.com/m/iface"\n',
        USED,
        "",
        "iface.Flusher",
    ),
    "embeds_mutex": ({}, '\t"sync"\n', LOCAL, "\tsync.Mutex\n", "Flusher"),
    "unrelated_method_elsewhere": (
        {
            "dep/dep.go": SINK,
            "dep/reset.go": "//go:build resettable\n\npackage dep\n\nfunc (s *Sink) Reset() { s.N = 0 }\n",
        },
        '\n\t"example.com/m/dep"\n',
        LOCAL,
        "\t*dep.Sink\n",
        "Flusher",
    ),
    "unrelated_test_method": (
        {
            "codec/mock_test.go": "package codec\n\ntype mockStore struct{ n int }\n\n"
            "func (m *mockStore) Get() int { return m.n }\n"
        },
        "",
        LOCAL,
        "",
        "Flusher",
    ),
}
# name -> (the decline's words, the tag under which the naive rewrite prints otherwise)
DECLINED = {
    "interface_per_build": ("a build may leave out plain.go", "encflush"),
    "embedded_interface_per_build": ("a build may leave out plain.go", "encflush"),
    "signature_per_build": ("has a method of a name it asks for", "flushok"),
    "embedded_alias_per_build": ("a build may leave out plain.go", "flushok"),
}
REWRITTEN = [name for name in CASES if name not in DECLINED]


def files(name: str, body: str) -> dict[str, str]:
    others, imports, decls, embed, iface = CASES[name]
    fill = {"{imports}": imports, "{decls}": decls, "{embed}": embed, "{body}": body.replace("{iface}", iface)}
    code = CODEC
    for hole, text in fill.items():
        code = code.replace(hole, text)
    return {**others, "codec/codec.go": code, "cmd/codec/main.go": MAIN}


@pytest.mark.parametrize("name", list(DECLINED))
def test_declines_where_another_build_may_make_the_assertion_succeed(tmp_path, name):
    root = module(tmp_path, files(name, BODY))
    found = proposals(root, RULE, toolchains=[releases()[1]])["example.com/m/codec"]
    assert_declines(found, DECLINED[name][0])


@pytest.mark.parametrize("name", list(DECLINED))
def test_the_naive_rewrite_prints_otherwise_in_that_build(tmp_path, name):
    printed = []
    for version, body in (("original", BODY), ("naive", NAIVE)):
        root = module(tmp_path / version, files(name, body))
        done = releases()[0].run(["run", "-tags", DECLINED[name][1], "./cmd/codec"], str(root))
        assert done.returncode == 0, done.stderr.decode()
        printed.append(done.stdout.decode())
    assert printed == ["abc|flushable\n", "abc\n"], printed


@pytest.mark.parametrize("name", REWRITTEN)
def test_rewritten_and_verified_where_no_build_can(tmp_path, name):
    root = module(tmp_path, files(name, BODY))
    found = proposals(root, RULE, toolchains=[releases()[1]])["example.com/m/codec"]
    assert any(isinstance(p, Fix) for p in found), found
    done = in_process("fix", "--dry-run", "--rule", "iface-direct", "./codec", cwd=root)
    assert "-\tif f, ok := enc.(" in done.stdout, done.stdout + done.stderr
