package svc

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"sort"

	"example.com/huntassert/sealed"
)

// PtrMethodAfterStore boxes a counter, then bumps it through a pointer method.
func PtrMethodAfterStore(n int) string {
	c := counter{n: n}
	var i any = c
	c.Inc()
	return i.(fmt.Stringer).String()
}

// ArrayElemWrite boxes an array value and then writes an element.
func ArrayElemWrite(n int) string {
	v := vec{n, 2, 3}
	var i any = v
	v[0] = 99
	return i.(fmt.Stringer).String()
}

// ArraySliced boxes an array then writes through a slice of it.
func ArraySliced(n int) string {
	v := vec{n, 2, 3}
	var i any = v
	s := v[:]
	s[1] = 77
	return i.(fmt.Stringer).String()
}

// MethodValueAfterStore binds a pointer method value after boxing.
func MethodValueAfterStore(n int) string {
	c := counter{n}
	var i any = c
	inc := c.Inc
	inc()
	return i.(fmt.Stringer).String()
}

// ClosureWrites changes the boxed value's source in a closure.
func ClosureWrites(n int) string {
	c := counter{n}
	var i any = c
	bump := func() { c.n += 10 }
	bump()
	return i.(fmt.Stringer).String()
}

// DeferRead reads the box in a deferred call after a write.
func DeferRead(n int) (out string) {
	c := counter{n}
	var i any = c
	defer func() { out = i.(fmt.Stringer).String() }()
	c.n = 100
	return ""
}

// PayloadViaAlias overwrites the payload through a pointer to the event.
func PayloadViaAlias(n int) string {
	a, b := named{"a"}, named{"b"}
	ev := event{Kind: "k", Payload: &a}
	p := &ev
	if n > 0 {
		p.Payload = &b
	}
	return ev.Payload.(fmt.Stringer).String()
}

// BoxSwap swaps the box's content through a pointer method.
func BoxSwap(n int) string {
	a, b := named{"a"}, named{"b"}
	bx := box{v: &a}
	if n > 0 {
		bx.swap(&b)
	}
	return bx.v.(fmt.Stringer).String()
}

// ReverseParts reverses the parts before reading the first.
func ReverseParts(n int) string {
	a, b := named{"a"}, named{"b"}
	parts := []any{&a, &b}
	if n > 0 {
		slices.Reverse(parts)
	}
	return parts[0].(fmt.Stringer).String()
}

// TailAlias writes the parts through a subslice.
func TailAlias(n int) string {
	a, b := named{"a"}, named{"b"}
	parts := []any{&a, &b}
	tail := parts[1:]
	if n > 0 {
		tail[0] = &a
	}
	return parts[1].(fmt.Stringer).String()
}

// AppendOver appends over the parts' storage.
func AppendOver(n int) string {
	a, b := named{"a"}, named{"b"}
	parts := []any{&a, &b}
	if n > 0 {
		_ = append(parts[:0], &b)
	}
	return parts[0].(fmt.Stringer).String()
}

// SortParts sorts the parts by name.
func SortParts(n int) string {
	a, b := named{"z"}, named{"b"}
	parts := []any{&a, &b}
	if n > 0 {
		sort.Slice(parts, func(i, j int) bool {
			return parts[i].(fmt.Stringer).String() < parts[j].(fmt.Stringer).String()
		})
	}
	return parts[0].(fmt.Stringer).String()
}

// CopyParts copies over the parts.
func CopyParts(n int) string {
	a, b := named{"a"}, named{"b"}
	parts := []any{&a}
	if n > 0 {
		copy(parts, []any{&b})
	}
	return parts[0].(fmt.Stringer).String()
}

// ArrayThroughSlice writes an array container through a slice of it.
func ArrayThroughSlice(n int) string {
	a, b := named{"a"}, named{"b"}
	arr := [2]any{&a, &b}
	s := arr[:]
	if n > 0 {
		s[0] = &b
	}
	return arr[0].(fmt.Stringer).String()
}

// ArrayThroughPointer writes an array container through a pointer.
func ArrayThroughPointer(n int) string {
	a, b := named{"a"}, named{"b"}
	arr := [2]any{&a, &b}
	p := &arr
	if n > 0 {
		p[0] = &b
	}
	return arr[0].(fmt.Stringer).String()
}

func rename(m map[string]any, v any) { m["user"] = v }

// MapAliased writes the map through another variable.
func MapAliased(n int) string {
	a, b := named{"a"}, named{"b"}
	kv := map[string]any{"user": &a}
	m2 := kv
	if n > 0 {
		m2["user"] = &b
	}
	return kv["user"].(fmt.Stringer).String()
}

// MapPassed passes the map to a function that writes it.
func MapPassed(n int) string {
	a, b := named{"a"}, named{"b"}
	kv := map[string]any{"user": &a}
	if n > 0 {
		rename(kv, &b)
	}
	return kv["user"].(fmt.Stringer).String()
}

// MapCopied copies another map into it.
func MapCopied(n int) string {
	a, b := named{"a"}, named{"b"}
	kv := map[string]any{"user": &a}
	if n > 0 {
		maps.Copy(kv, map[string]any{"user": &b})
	}
	return kv["user"].(fmt.Stringer).String()
}

// MapDeleted deletes the entry before a comma-ok read.
func MapDeleted(n int) string {
	a := named{"a"}
	kv := map[string]any{"user": &a}
	if n > 0 {
		delete(kv, "user")
	}
	if s, ok := kv["user"].(fmt.Stringer); ok {
		return s.String()
	}
	return "missing"
}

// MapCleared clears the map.
func MapCleared(n int) string {
	a := named{"a"}
	kv := map[string]any{"user": &a}
	if n > 0 {
		clear(kv)
	}
	if s, ok := kv["user"].(fmt.Stringer); ok {
		return s.String()
	}
	return "missing"
}

// MapRanged writes every entry in a range.
func MapRanged(n int) string {
	a, b := named{"a"}, named{"b"}
	kv := map[string]any{"user": &a}
	for k := range kv {
		if n > 0 {
			kv[k] = &b
		}
	}
	return kv["user"].(fmt.Stringer).String()
}

// MapAnyKeys stores under 1 and int64(1).
func MapAnyKeys(n int) string {
	a, b := named{"a"}, named{"b"}
	kv := map[any]any{1: &a, int64(1): &b}
	if n > 0 {
		return kv[int64(1)].(fmt.Stringer).String()
	}
	return kv[1].(fmt.Stringer).String()
}

// MixedKeyed reads past keyed elements.
func MixedKeyed(n int) string {
	a, b, c := named{"a"}, named{"b"}, named{"c"}
	parts := []any{&a, 3: &b, &c}
	return parts[4].(fmt.Stringer).String()
}

// MixedKeyedHole reads a hole.
func MixedKeyedHole(n int) string {
	a, b, c := named{"a"}, named{"b"}, named{"c"}
	parts := []any{&a, 3: &b, &c}
	return parts[1].(fmt.Stringer).String()
}

// SeekKeyed reads an array keyed by io constants.
func SeekKeyed(n int) string {
	a, b := named{"a"}, named{"b"}
	arr := [...]any{io.SeekCurrent: &a, &b}
	return arr[2].(fmt.Stringer).String()
}

// TypedNil boxes a nil pointer.
func TypedNil(n int) string {
	var p *named
	if n > 0 {
		p = &named{"x"}
	}
	var i any = p
	return i.(fmt.Stringer).String()
}

// TypedNilOK boxes a nil pointer and asks with comma-ok.
func TypedNilOK(n int) string {
	var p *named
	var i any = p
	if s, ok := i.(fmt.Stringer); ok {
		return "ok " + s.String()
	}
	return "not ok"
}

// EmbeddedShadow reads the embedded field's F.
func EmbeddedShadow(n int) string {
	a, b := named{"a"}, named{"b"}
	o := outer{F: &a, inner: inner{F: &b}}
	return o.inner.F.(fmt.Stringer).String()
}

// EmbeddedOwn reads the outer F.
func EmbeddedOwn(n int) string {
	a, b := named{"a"}, named{"b"}
	o := outer{F: &a, inner: inner{F: &b}}
	return o.F.(fmt.Stringer).String()
}

// EmbeddedPromoted reads a promoted F.
func EmbeddedPromoted(n int) string {
	a, b := named{"a"}, named{"b"}
	o := outer2{inner: inner{F: &b}, G: &a}
	return o.F.(fmt.Stringer).String()
}

// NestedSub reads the nested literal's field.
func NestedSub(n int) string {
	a, b := named{"a"}, named{"b"}
	c := cfg{Out: &a, Sub: sub{Out: &b}}
	return c.Sub.Out.(fmt.Stringer).String()
}

// GoroutineWrite writes the box in a goroutine.
func GoroutineWrite(n int) string {
	a, b := named{"a"}, named{"b"}
	c := box{v: &a}
	done := make(chan struct{})
	go func() {
		if n > 0 {
			c.v = &b
		}
		close(done)
	}()
	<-done
	return c.v.(fmt.Stringer).String()
}

// CommaOkElse asks for a writer the value is not.
func CommaOkElse(n int) string {
	a := named{"a"}
	var i any = &a
	if w, ok := i.(io.Writer); ok {
		fmt.Fprint(w, "x")
		return "writer"
	} else {
		return "not writer " + fmt.Sprint(n)
	}
}

// CommaOkStatement asks and reports ok.
func CommaOkStatement(n int) string {
	a := named{"a"}
	ev := event{Payload: &a}
	_, ok := ev.Payload.(io.Writer)
	return fmt.Sprint("writer=", ok)
}

// SwitchMulti matches a multi-type case.
func SwitchMulti(n int) string {
	a := named{"a"}
	var i any = &a
	switch x := i.(type) {
	case io.Writer, fmt.Stringer:
		return fmt.Sprintf("%T %v", x, x)
	}
	return "none"
}

// SwitchTypedNil switches on a typed nil.
func SwitchTypedNil(n int) string {
	var p *named
	var i any = p
	switch i.(type) {
	case nil:
		return "nil"
	case fmt.Stringer:
		return "stringer"
	}
	return "other"
}

// SealedCheck asks for an interface with an unexported method.
func SealedCheck(n int) string {
	f := fake{"f"}
	t := sealed.Token{ID: "t"}
	parts := []any{&f, &t}
	out := ""
	if s, ok := parts[0].(sealed.Sealed); ok {
		out += s.Name()
	} else {
		out += "fake-not-sealed"
	}
	if s, ok := parts[1].(sealed.Sealed); ok {
		out += "|" + s.Name()
	}
	return out
}

// GenPtr boxes a pointer to a type parameter's value.
func GenPtr[T any](x T) string {
	var i any = &x
	if s, ok := i.(fmt.Stringer); ok {
		return "stringer " + s.String()
	}
	return "plain"
}

// GenPtrField stores a pointer to a type parameter's value in a field.
func GenPtrField[T any](x T) string {
	ev := event{Payload: &x}
	if s, ok := ev.Payload.(fmt.Stringer); ok {
		return "stringer " + s.String()
	}
	return "plain"
}

// GenWrap boxes a generic wrapper.
func GenWrap[T any](x T) string {
	w := wrap[T]{v: x}
	parts := []any{&w}
	return parts[0].(fmt.Stringer).String()
}

// GenSwitch switches on a pointer to a type parameter's value.
func GenSwitch[T any](x T) string {
	var i any = &x
	switch v := i.(type) {
	case fmt.Stringer:
		return "stringer " + v.String()
	case *int:
		return fmt.Sprint("int ", *v)
	}
	return "other"
}
