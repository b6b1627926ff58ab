package interp

import (
	"fmt"
	"strings"
)

// Namer is what a template asks of a value rendered by name.
type Namer interface{ DisplayName() string }

type account struct {
	First, Last string
}

func (a *account) DisplayName() string { return a.First + " " + a.Last }

// RenderGreeting renders a greeting from a data map built for the template.
func RenderGreeting(first, last string, unread int) string {
	u := account{First: first, Last: last}
	data := map[string]any{"user": &u, "unread": unread}
	var b strings.Builder
	b.WriteString("Hello, ")
	b.WriteString(data["user"].(Namer).DisplayName())
	if n := data["unread"].(int); n > 0 {
		fmt.Fprintf(&b, " (%d unread)", n)
	}
	return b.String()
}

// Context is what a template executes against.
type Context struct {
	Vars   map[string]any
	Escape bool
}

// Signature renders a mail signature from a template context.
func Signature(first, last string) string {
	u := account{First: first, Last: last}
	ctx := Context{Vars: map[string]any{"user": &u}, Escape: true}
	name := ctx.Vars["user"].(Namer).DisplayName()
	if ctx.Escape {
		name = strings.ReplaceAll(name, "<", "&lt;")
	}
	return "-- " + name
}

// TNode is a node of a parsed template.
type TNode interface{ node() }

type TextNode struct{ Text string }

type VarNode struct{ Name string }

func (*TextNode) node() {}
func (*VarNode) node()  {}

// RenderLine renders a parsed one-line template.
func RenderLine(name string) string {
	hello := TextNode{Text: "hi "}
	v := VarNode{Name: "name"}
	var b strings.Builder
	for _, n := range []TNode{&hello, &v} {
		switch n := n.(type) {
		case *TextNode:
			b.WriteString(n.Text)
		case *VarNode:
			if n.Name == "name" {
				b.WriteString(name)
			}
		}
	}
	return b.String()
}

// Filter transforms a rendered value, like a template pipeline stage.
type TFilter interface{ Apply(s string) string }

type upper struct{ n int }

type trim struct{ cut string }

func (u *upper) Apply(s string) string { u.n++; return strings.ToUpper(s) }
func (t *trim) Apply(s string) string  { return strings.Trim(s, t.cut) }

// Pipe runs a value through a template pipeline of filters.
func Pipe(s string) string {
	up := upper{}
	tr := trim{cut: " "}
	for _, f := range []TFilter{&tr, &up} {
		s = f.Apply(s)
	}
	return s
}

// Title renders a heading: the text form of the value when it has one.
func Title(first, last string) string {
	u := account{First: first, Last: last}
	var v any = &u
	switch x := v.(type) {
	case fmt.Stringer:
		return x.String()
	case Namer:
		return "# " + x.DisplayName()
	}
	return "# ?"
}

// partials keeps the renderers of named partial templates.
var partials = map[string]Namer{}

// RegisterPartial keeps a partial for later renders: a real escape.
func RegisterPartial(first string) string {
	u := account{First: first}
	data := map[string]any{"user": &u}
	n := data["user"].(Namer)
	partials[first] = n
	return n.DisplayName()
}
