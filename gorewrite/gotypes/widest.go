package main

import (
	"go/types"
	"math"
)

// A closure captures a variable of at most 128 bytes by value and a wider one by reference
// (cmd/compile/internal/escape/escape.go, flowClosure: `!addrtaken && !reassigned && Size() <= 128`,
// the same in go1.24 and go1.27). Code a generic declares is compiled once per instantiation, some in
// modules the run never builds, so a copy the closure rule makes there must fit in every one of them:
// widest bounds the size of a variable's type over every type argument its constraints permit.

// bound is an upper bound on a type's size and alignment.
type bound struct{ size, align int64 }

// wordSizes is gc's layout on every 64-bit GOARCH (amd64, arm64, ppc64, riscv64, s390x, wasm, …): words,
// pointers and int64s of 8 bytes aligned to 8. A 32-bit GOARCH lays out no type wider, so the widest
// over the run's GOARCH and this one bounds every build of the generic.
var wordSizes = types.SizesFor("gc", "amd64")

// widest is the largest size t takes in any instantiation, for the run's GOARCH and every 64-bit one;
// nil when no bound holds: a type parameter whose constraint's type set has no largest member
// (`any`, `comparable`, `fmt.Stringer`, `int | any`), or an array of one (`[4]E` of an `E any`).
func (c *checked) widest(t types.Type) *int64 {
	var most int64
	for _, sizes := range []types.Sizes{c.sizes, wordSizes} {
		b, ok := widestOf(sizes, t, map[*types.TypeParam]bool{})
		if !ok {
			return nil
		}
		most = max(most, b.size)
	}
	return &most
}

// widestOf bounds t's size and alignment: exactly where no type parameter decides its layout (through
// arrays, structs and named types' underlying ones; a pointer, slice, map, chan, func or interface is a
// fixed size whatever it refers to), else by each parameter's type set.
func widestOf(sizes types.Sizes, t types.Type, visiting map[*types.TypeParam]bool) (bound, bool) {
	if p, ok := types.Unalias(t).(*types.TypeParam); ok {
		if visiting[p] { // a constraint that leads back to its own parameter: no bound taken from it
			return bound{}, false
		}
		visiting[p] = true
		defer delete(visiting, p)
		return setBound(sizes, p.Constraint(), visiting)
	}
	if !laidOutByParam(t) {
		return bound{sizes.Sizeof(t), sizes.Alignof(t)}, true
	}
	switch u := t.Underlying().(type) {
	case *types.Array:
		e, ok := widestOf(sizes, u.Elem(), visiting)
		if !ok || (e.size > 0 && u.Len() > math.MaxInt64/e.size) {
			return bound{}, false
		}
		return bound{u.Len() * e.size, e.align}, true
	case *types.Struct:
		// gc's layout (go/types' gcSizes): each field at its offset rounded up to its alignment, a
		// zero-size last field of a non-empty struct given a byte, the whole rounded up to its
		// alignment; wider or more aligned fields never give a smaller struct, so bounds give a bound.
		var off, align, last int64 = 0, 1, 0
		for i := range u.NumFields() {
			f, ok := widestOf(sizes, u.Field(i).Type(), visiting)
			if !ok {
				return bound{}, false
			}
			off, last, align = roundUp(off, f.align), f.size, max(align, f.align)
			off += f.size
		}
		if last == 0 && off > 0 {
			off++
		}
		return bound{roundUp(off, align), align}, true
	}
	return bound{}, false // not reached: only arrays and structs lay out a parameter by value
}

// setBound bounds the types a constraint permits by its widest term (locks.go's constraintTypes: every
// embedded union's terms; `~T` permits types whose underlying type is T's, so of T's size). The type set
// is the intersection of the embedded elements' (methods only narrow it), so the widest of them all bounds
// it; none where no element has terms (`any`, `comparable`, `fmt.Stringer`) or a term permits anything.
func setBound(sizes types.Sizes, constraint types.Type, visiting map[*types.TypeParam]bool) (bound, bool) {
	terms := constraintTypes(constraint, map[types.Type]bool{})
	var most bound
	for _, term := range terms {
		b, ok := bound{}, false
		if _, iface := term.Underlying().(*types.Interface); iface { // `int | any`, `Small | ~[3]byte`
			b, ok = setBound(sizes, term, visiting)
		} else {
			b, ok = widestOf(sizes, term, visiting)
		}
		if !ok {
			return bound{}, false
		}
		most = bound{max(most.size, b.size), max(most.align, b.align)}
	}
	return most, len(terms) > 0
}

// laidOutByParam says whether a type parameter is part of t's value (not behind a pointer or header).
func laidOutByParam(t types.Type) bool {
	if _, ok := types.Unalias(t).(*types.TypeParam); ok {
		return true
	}
	switch u := t.Underlying().(type) {
	case *types.Array:
		return laidOutByParam(u.Elem())
	case *types.Struct:
		for i := range u.NumFields() {
			if laidOutByParam(u.Field(i).Type()) {
				return true
			}
		}
	}
	return false
}

func roundUp(n, align int64) int64 {
	return (n + align - 1) / align * align
}
