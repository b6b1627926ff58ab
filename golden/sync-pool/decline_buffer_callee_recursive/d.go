// Package calleerecursive renders a tree through mutually recursive helpers; one keeps the writer.
package calleerecursive

import (
	"bytes"
	"io"
)

// Node is an entry and its children; a Marked one is remembered with its writer.
type Node struct {
	Title    string
	Marked   bool
	Children []*Node
}

// Marks holds the writer of every render that met a marked node.
var Marks []io.Writer

// writeNode keeps w, after the call into writeChildren that calls it back.
func writeNode(w io.Writer, n *Node) {
	io.WriteString(w, n.Title+";")
	writeChildren(w, n)
	if n.Marked {
		Marks = append(Marks, w)
	}
}

func writeChildren(w io.Writer, n *Node) {
	for _, c := range n.Children {
		writeNode(w, c)
	}
}

// Render renders the tree under root.
func Render(root *Node) string {
	buf := new(bytes.Buffer) // want "new\\(bytes.Buffer\\) escapes to heap" // declined "is passed to writeNode, whose w (d.go:24) is passed to the builtin append"
	writeNode(buf, root)
	return buf.String()
}
