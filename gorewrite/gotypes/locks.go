package main

import (
	"go/token"
	"go/types"
)

// lockPath is go vet's copylocks verdict on a type (golang.org/x/tools/go/analysis/passes/copylock,
// lockPath): the path to a value whose pointer is a sync.Locker while the value is not (sync.Mutex,
// RWMutex, WaitGroup, Once, Cond, sync/atomic's types, any noCopy), found through struct fields and
// array elements, never through pointers, slices, maps, chans, funcs or interfaces. A copy of such a
// value makes vet fail ("assignment copies lock value"). A type parameter is judged by every type its
// constraint names (vet: its structural terms; more names only decline more).
func (c *checked) lockPath(t types.Type) *string {
	if found, ok := c.locks[t]; ok {
		return found
	}
	c.locks[t] = nil // a type cycle ends here
	var found *string
	if path := lockPath(t, map[types.Type]bool{}); path != "" {
		found = &path
	}
	c.locks[t] = found
	return found
}

func lockPath(t types.Type, seen map[types.Type]bool) string {
	if t == nil || seen[t] {
		return ""
	}
	seen[t] = true
	if tp, ok := types.Unalias(t).(*types.TypeParam); ok {
		for _, term := range constraintTypes(tp.Constraint(), map[types.Type]bool{}) {
			if sub := lockPath(term, seen); sub != "" {
				return t.String() + " contains " + sub
			}
		}
		return ""
	}
	for {
		array, ok := t.Underlying().(*types.Array)
		if !ok {
			break
		}
		t = array.Elem()
	}
	s, ok := t.Underlying().(*types.Struct)
	if !ok {
		return ""
	}
	if types.Implements(types.NewPointer(t), locker) && !types.Implements(t, locker) {
		return t.String()
	}
	if named, ok := types.Unalias(t).(*types.Named); ok && named.Obj().Name() == "noCopy" &&
		named.Obj().Pkg() != nil && named.Obj().Pkg().Path() == "sync" {
		return t.String()
	}
	for i := range s.NumFields() {
		if sub := lockPath(s.Field(i).Type(), seen); sub != "" {
			return t.String() + " contains " + sub
		}
	}
	return ""
}

// constraintTypes lists the types a constraint's type set is built from: its embedded types and
// their unions' terms, through embedded interfaces.
func constraintTypes(constraint types.Type, seen map[types.Type]bool) []types.Type {
	iface, ok := constraint.Underlying().(*types.Interface)
	if !ok || seen[constraint] {
		return nil
	}
	seen[constraint] = true
	var found []types.Type
	for i := range iface.NumEmbeddeds() {
		embedded := iface.EmbeddedType(i)
		switch e := embedded.(type) {
		case *types.Union:
			for j := range e.Len() {
				found = append(found, e.Term(j).Type())
			}
		default:
			if _, ok := embedded.Underlying().(*types.Interface); ok {
				found = append(found, constraintTypes(embedded, seen)...)
			} else {
				found = append(found, embedded)
			}
		}
	}
	return found
}

// locker is sync.Locker's method set, built as vet builds it.
var locker = func() *types.Interface {
	nullary := types.NewSignatureType(nil, nil, nil, nil, nil, false)
	return types.NewInterface([]*types.Func{
		types.NewFunc(token.NoPos, nil, "Lock", nullary),
		types.NewFunc(token.NoPos, nil, "Unlock", nullary),
	}, nil).Complete()
}()
