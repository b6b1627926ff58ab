package probe41

import (
	"bytes"
	"fmt"
	"io"
	"strings"
)

type Node interface {
	Accept(v Visitor)
}

type Visitor interface {
	VisitLeaf(l *Leaf)
	VisitGroup(g *Group)
}

type Leaf struct{ Name string }
type Group struct{ Kids []Node }

func (l *Leaf) Accept(v Visitor)  { v.VisitLeaf(l) }
func (g *Group) Accept(v Visitor) { v.VisitGroup(g) }

type printer struct {
	depth int
	sb    strings.Builder
}

func (p *printer) VisitLeaf(l *Leaf) {
	p.sb.WriteString(strings.Repeat("  ", p.depth))
	p.sb.WriteString(l.Name)
	p.sb.WriteByte('\n')
}

func (p *printer) VisitGroup(g *Group) {
	p.depth++
	for _, k := range g.Kids {
		k.Accept(p)
	}
	p.depth--
}

type leafCounter struct{ n int }

func (c *leafCounter) VisitLeaf(*Leaf) { c.n++ }
func (c *leafCounter) VisitGroup(g *Group) {
	for _, k := range g.Kids {
		k.Accept(c)
	}
}

// CountLeaves picks a visitor from an any-typed registry.
func CountLeaves(root Node) int {
	var lc leafCounter
	visitors := []any{&lc}
	root.Accept(visitors[0].(Visitor))
	return lc.n
}

// Walk runs several visitors over the tree, listed in a slice literal.
func Walk(root Node) (string, int) {
	var p printer
	var lc leafCounter
	for _, v := range []Visitor{&p, &lc} {
		root.Accept(v)
	}
	return p.sb.String(), lc.n
}

// Dump writes a tree to w through a pooled-looking buffer.
func Dump(w io.Writer, root *Group) error {
	var buf bytes.Buffer
	for i, k := range root.Kids {
		if l, ok := k.(*Leaf); ok {
			fmt.Fprintf(&buf, "%d:%s\n", i, l.Name)
		}
	}
	_, err := buf.WriteTo(w)
	return err
}

// upperWriter is an io.Writer wrapper.
type upperWriter struct{ w io.Writer }

func (u upperWriter) Write(p []byte) (int, error) {
	return u.w.Write(bytes.ToUpper(p))
}

// Shout writes through a wrapper stored in an any local.
func Shout(w io.Writer, msg string) {
	var buf bytes.Buffer
	var out any = upperWriter{w: &buf}
	fmt.Fprint(out.(io.Writer), msg)
	io.Copy(w, &buf)
}

// Summary renders a report using a helper that keeps its writer in a package variable.
var lastReport io.Writer

func header(w io.Writer, title string) {
	lastReport = w
	fmt.Fprintf(w, "== %s ==\n", title)
}

func Summary(w io.Writer, title string, n int) {
	buf := new(bytes.Buffer)
	header(buf, title)
	fmt.Fprintf(buf, "%d items\n", n)
	w.Write(buf.Bytes())
}

// Table formats rows into a builder via Fprintf.
func Table(rows [][2]string) string {
	var sb strings.Builder
	for _, r := range rows {
		fmt.Fprintf(&sb, "%-10s %s\n", r[0], r[1])
	}
	return sb.String()
}
