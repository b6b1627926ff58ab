"""A variable's size in its widest instantiation (gotypes/widest.go): over the type set of each type parameter's
constraint, for the run's GOARCH and every 64-bit one; none where a constraint permits types of any size."""

from __future__ import annotations

import pytest
from conftest import write_tree

from gorewrite import packages, typeinfo
from gorewrite.toolchain import find_toolchain

WIDEST = """package wd

import (
	"cmp"
	"fmt"
)

type Small interface{ ~int8 | ~int16 }

type Pair[K any, V any] struct {
	Key K
	Val V
}

func Sets[
	I int | int64, B ~[4]byte | ~string, O cmp.Ordered, N interface{ Small | ~[3]byte }, S ~[]E, E any,
	A ~[4]I, W ~[4]E, C comparable, F fmt.Stringer, U interface{ int | any },
	X interface{ ~[40]int64; String() string },
	M interface{ ~int | ~[200]byte; ~int | ~string },
](i I, b B, o O, n N, s S, e E, a A, w W, c C, f F, u U, x X, m M) {
	vi, vb, vo, vn, vs, ve, va, vw, vc, vf, vu, vx, vm := i, b, o, n, s, e, a, w, c, f, u, x, m
	arr := [3]I{}
	st := struct {
		flag bool
		v    I
		pad  int8
	}{}
	pair := Pair[I, string]{}
	open := Pair[E, int]{}
	ptr, sl, mp := &e, []E{}, map[C]E{}
	type local struct{ a, b N }
	var l local
	plain := [17]int64{}
	_, _, _, _, _, _, _, _, _, _, _, _, _ = vi, vb, vo, vn, vs, ve, va, vw, vc, vf, vu, vx, vm
	_, _, _, _, _, _, _, _, _, _ = arr, st, pair, open, ptr, sl, mp, l, plain, cmp.Less[I]
}

func Words(s []byte) []byte {
	w := s
	return w
}
"""

EXPECTED = {
    "vi": 8,  # int | int64
    "vb": 16,  # a string's header beats [4]byte
    "vo": 16,  # cmp.Ordered: every integer, float and string type
    "vn": 3,  # an embedded interface's terms: int8, int16, [3]byte
    "vs": 24,  # a slice header, whatever E is
    "ve": None,  # any
    "va": 32,  # [4]I, I at most 8 bytes
    "vw": None,  # [4]E of an E any
    "vc": None,  # comparable
    "vf": None,  # a method-only interface
    "vu": None,  # int | any permits anything
    "vx": 320,  # one term and a method
    "vm": 200,  # the intersection of two unions is int; bounded by their widest term, a bound
    "arr": 24,
    "st": 24,  # bool, I (aligned to 8 at most), int8, rounded to 8
    "pair": 24,
    "open": None,
    "ptr": 8,
    "sl": 24,
    "mp": 8,
    "l": 8,  # a type declared in the generic holds two N: [3]byte's size with int16's alignment, a bound
    "plain": 136,
}


def declared(tmp_path, names) -> dict[str, tuple]:
    """(size, widest) of each variable of WIDEST so named, at its declaration, with the GOARCH in the environment."""
    toolchain = find_toolchain()  # releases() keeps the environment of its first call: this one's GOARCH
    root = write_tree(tmp_path, {"go.mod": "module example.com/wd\n\ngo 1.22\n", "wd/wd.go": WIDEST})
    pkg = packages.load(toolchain, ["./wd"], str(root))[0]
    path = str(root / "wd" / "wd.go")
    result = typeinfo.load(toolchain, pkg, {path: [(0, len(WIDEST))]}, str(root))
    assert result.error is None
    return {r.name: (r.size, r.widest) for r in result.idents[path] if r.use == typeinfo.Use.DECL and r.name in names}


def test_the_widest_instantiation_bounds_each_variable(tmp_path):
    assert {name: widest for name, (_, widest) in declared(tmp_path, EXPECTED).items()} == EXPECTED


@pytest.mark.parametrize(("goarch", "words"), [("386", 12), ("arm64", 24)])
def test_a_32_bit_target_is_bounded_by_the_64_bit_layout_too(tmp_path, monkeypatch, goarch, words):
    """A generic's other instantiations may be built for any GOARCH: the 64-bit layout is the widest gc has. The
    run's own size (of a plain []byte) is the target's."""
    monkeypatch.setenv("GOARCH", goarch)
    assert declared(tmp_path, ("vs", "pair", "w")) == {"vs": (None, 24), "pair": (None, 24), "w": (words, 24)}
