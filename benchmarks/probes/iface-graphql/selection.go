package gql

import (
	"strconv"
	"strings"
)

// Writer is what a field serializer writes a value with.
type Writer interface {
	Write(b *strings.Builder, u *User)
}

type nameField struct{ quoted bool }

func (f *nameField) Write(b *strings.Builder, u *User) {
	if f.quoted {
		b.WriteString(strconv.Quote(u.Name))
		return
	}
	b.WriteString(u.Name)
}

type idField struct{ base int }

func (f *idField) Write(b *strings.Builder, u *User) { b.WriteString(strconv.FormatInt(int64(u.ID), f.base)) }

type adminField struct{}

func (adminField) Write(b *strings.Builder, u *User) { b.WriteString(strconv.FormatBool(u.Admin)) }

type constField struct{ text string }

func (f constField) Write(b *strings.Builder, _ *User) { b.WriteString(f.text) }

// Selection is one field of a selection set: its response key and its serializer.
type Selection struct {
	Alias string
	Field Writer
}

// Render serializes a user through a selection set written positionally.
func Render(u *User) string {
	nf := nameField{quoted: true}
	idf := idField{base: 10}
	var b strings.Builder
	b.WriteByte('{')
	for i, sel := range []Selection{{"id", &idf}, {"name", &nf}} {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(sel.Alias)
		b.WriteByte(':')
		sel.Field.Write(&b, u)
	}
	b.WriteByte('}')
	return b.String()
}

// RenderKeyed serializes a user through a keyed selection set.
func RenderKeyed(u *User) string {
	nf := nameField{}
	var b strings.Builder
	for _, sel := range []Selection{{Alias: "name", Field: &nf}, {Alias: "admin", Field: adminField{}}} {
		b.WriteString(sel.Alias)
		sel.Field.Write(&b, u)
	}
	return b.String()
}

// RenderTyped adds __typename as a constant field, positionally.
func RenderTyped(u *User) string {
	idf := idField{base: 16}
	tn := constField{text: "User"}
	var b strings.Builder
	for _, sel := range []Selection{{"__typename", tn}, {"id", &idf}} {
		b.WriteString(sel.Alias + "=")
		sel.Field.Write(&b, u)
	}
	return b.String()
}

// RenderSet serializes through a selection set the caller built: its fields are the caller's.
func RenderSet(u *User, set []Selection) string {
	var b strings.Builder
	for _, sel := range set {
		sel.Field.Write(&b, u)
	}
	return b.String()
}

// RenderSkipping serializes a selection set, one of whose entries is skipped: a nil field there.
func RenderSkipping(u *User, skip bool) string {
	nf := nameField{}
	sels := []Selection{{"name", &nf}, {"id", nil}}
	if !skip {
		idf := idField{base: 10}
		sels[1].Field = &idf
	}
	var b strings.Builder
	for _, sel := range sels {
		if sel.Field != nil {
			sel.Field.Write(&b, u)
		}
	}
	return b.String()
}

// Column is a field of a connection's edge, positional with a flag.
type Column struct {
	Name     string
	Field    Writer
	Nullable bool
}

// RenderEdge serializes an edge's node with nullability flags.
func RenderEdge(u *User) (string, int) {
	nf := nameField{}
	idf := idField{base: 36}
	var b strings.Builder
	nullable := 0
	for _, c := range []Column{{"id", &idf, false}, {"name", &nf, true}} {
		c.Field.Write(&b, u)
		if c.Nullable {
			nullable++
		}
	}
	return b.String(), nullable
}

// RenderRetargeted redirects a column in the loop: the field read after it is another one.
func RenderRetargeted(u *User, quote bool) string {
	nf := nameField{}
	qf := nameField{quoted: true}
	var b strings.Builder
	for _, c := range []Column{{"name", &nf, false}} {
		if quote {
			c.Field = &qf
		}
		c.Field.Write(&b, u)
	}
	return b.String()
}
