package main

import (
	"go/types"
	"sort"
	"strings"
)

// decodingMethods are the methods encoding/json hands the input bytes to while it decodes into a value:
// v1's Unmarshaler and encoding.TextUnmarshaler (map keys, strings), and go1.25+'s json/v2
// UnmarshalerFrom, which reads them through a jsontext.Decoder (the default encoding/json of go1.27).
var decodingMethods = []string{"UnmarshalJSON", "UnmarshalText", "UnmarshalJSONFrom"}

// encodingMethods are the methods encoding/xml's Encoder hands itself to while it encodes a value: Marshaler's
// MarshalXML(e *Encoder, start StartElement) (marshal.go's marshalInterface: val.MarshalXML(p.encoder, start)).
// MarshalXMLAttr and MarshalText return what they make and never see the Encoder.
var encodingMethods = []string{"MarshalXML"}

// decoders says, for a variable of type t, what encoding/json may hand the input bytes to while it decodes
// into t (through &v, or through v when t is a pointer): the decoding methods of every type it may reach
// (each type's and its pointer's method set, through pointers, slices, arrays, map keys and values and
// every struct field, exported or not: more only declines more), as "method <pkg>\t<recv>\t<name>", and
// what go/types cannot say the dynamic type of: "iface <type>" (json decodes into what a non-nil
// interface holds), "empty <type>" for an interface without methods (the same, but a nil one gets only json's
// own maps, slices, strings, numbers and bools) and "param <type>"; and "named <pkg>" for a named type of a package neither this one nor
// std, whose other builds (its files with build constraints) may declare it otherwise. Entries are sorted and joined by ";"; "" when it reaches none.
func (c *checked) decoders(t types.Type) *string {
	return c.reached(t, decodingMethods, c.decoded)
}

// encoders says, for a value of type t, what encoding/xml's Encoder may hand itself to while it encodes the value:
// as decoders says, for encodingMethods (marshaling.py judges them).
func (c *checked) encoders(t types.Type) *string {
	return c.reached(t, encodingMethods, c.encoded)
}

// reached is decoders' and encoders' walk, for the methods named, its answers kept in cache.
func (c *checked) reached(t types.Type, methods []string, cache map[types.Type]*string) *string {
	if found, ok := cache[t]; ok {
		return found
	}
	found := map[string]bool{}
	c.reachMethods(t, methods, false, map[types.Type]bool{}, found)
	parts := make([]string, 0, len(found))
	for part := range found {
		parts = append(parts, part)
	}
	sort.Strings(parts)
	s := strings.Join(parts, ";")
	cache[t] = &s
	return &s
}

// std: t is reached through a std package's declarations only (a std package imports only std packages), which
// a named type without type arguments keeps: json.RawMessage, go1.27's alias of jsontext.Value, is std's.
func (c *checked) reachMethods(t types.Type, methods []string, std bool, seen map[types.Type]bool, found map[string]bool) {
	if t == nil || seen[t] {
		return
	}
	seen[t] = true
	if a, ok := t.(*types.Alias); ok && a.Obj().Pkg() != nil && c.isStd(a.Obj().Pkg().Path()) {
		n, named := types.Unalias(t).(*types.Named)
		std = std || named && n.TypeArgs().Len() == 0 // a std alias of a named type, not of an instance with ours
	} else if ok && a.Obj().Pkg() != nil && a.Obj().Pkg() != c.pkg && !std {
		found["named "+a.Obj().Pkg().Path()] = true // `type V = any` here, `= *Keeper` in another build
	}
	if _, ok := types.Unalias(t).(*types.TypeParam); ok {
		found["param "+t.String()] = true
		return
	}
	if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil {
		own, path := n.Obj().Pkg() == c.pkg, n.Obj().Pkg().Path()
		if !own && !std && !c.isStd(path) {
			found["named "+path] = true // an interface too: another build may declare it a keeper's pointer
		}
		std = !own && (std || c.isStd(path)) && n.TypeArgs().Len() == 0
	}
	if types.IsInterface(t) {
		if i, ok := t.Underlying().(*types.Interface); ok && i.Empty() {
			found["empty "+t.String()] = true // a nil one gets json's own values: decoding.py may prove it nil
		} else {
			found["iface "+t.String()] = true
		}
		return
	}
	for _, set := range []*types.MethodSet{types.NewMethodSet(t), types.NewMethodSet(types.NewPointer(t))} {
		for _, name := range methods {
			sel := set.Lookup(nil, name)
			if sel == nil {
				continue
			}
			pkg, recv, named := callee(sel.Obj())
			if pkg == nil || recv == nil || named != nil || *recv == "" { // an embedded interface's method
				found["iface "+t.String()] = true
				continue
			}
			found["method "+*pkg+"\t"+*recv+"\t"+name] = true
		}
	}
	switch u := t.Underlying().(type) {
	case *types.Pointer:
		c.reachMethods(u.Elem(), methods, std, seen, found)
	case *types.Slice:
		c.reachMethods(u.Elem(), methods, std, seen, found)
	case *types.Array:
		c.reachMethods(u.Elem(), methods, std, seen, found)
	case *types.Map:
		c.reachMethods(u.Key(), methods, std, seen, found)
		c.reachMethods(u.Elem(), methods, std, seen, found)
	case *types.Struct:
		for i := range u.NumFields() {
			c.reachMethods(u.Field(i).Type(), methods, std, seen, found)
		}
	}
}
