// Package syntax holds the tree, names, printing and text helpers.
package syntax

import (
	"errors"
	"strconv"

	"example.com/langtool/limits"
)

// Node is a tree node with a small vector of children.
type Node struct {
	Op   byte
	Name string
	Kids []*Node
}

var errTooManyKids = errors.New("syntax: too many children")

// Shape returns the ops of n's children as a string, or an error past MaxChildren.
func (n *Node) Shape() (string, error) {
	if len(n.Kids) > int(limits.MaxChildren) {
		return "", errTooManyKids
	}
	ops := make([]byte, len(n.Kids))
	for i, k := range n.Kids {
		ops[i] = k.Op
	}
	return string(ops), nil
}

// Mangle joins a package path and a name into a linker symbol: pkg.name·N.
func Mangle(pkg, name string, n int) string {
	if len(pkg)+len(name) > limits.MaxIdent {
		return "sym" + strconv.Itoa(n)
	}
	buf := make([]byte, 0, len(pkg)+1+len(name)+2+20)
	for i := 0; i < len(pkg); i++ {
		c := pkg[i]
		if c == '/' {
			c = '_'
		}
		buf = append(buf, c)
	}
	buf = append(buf, '.')
	buf = append(buf, name...)
	buf = append(buf, "·"...)
	buf = strconv.AppendInt(buf, int64(n), 10)
	return string(buf)
}

// Path returns the names from the root down to the k-th descendant chain, at most 16 deep.
func (n *Node) Path(depth int) string {
	if depth > 16 {
		depth = 16
	}
	names := make([]string, 0, depth)
	for cur := n; cur != nil && len(names) < depth; {
		names = append(names, cur.Name)
		if len(cur.Kids) == 0 {
			break
		}
		cur = cur.Kids[0]
	}
	total := 0
	for _, s := range names {
		total += len(s) + 1
	}
	out := make([]byte, 0, total)
	for i, s := range names {
		if i > 0 {
			out = append(out, '/')
		}
		out = append(out, s...)
	}
	return string(out)
}

// Walk collects every node below n; the slice is the caller's.
func (n *Node) Walk() []*Node {
	all := make([]*Node, 0, len(n.Kids)+1)
	all = append(all, n)
	for _, k := range n.Kids {
		all = append(all, k.Walk()...)
	}
	return all
}
