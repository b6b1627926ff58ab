// Package outline renders a tree as an indented outline with two mutually recursive helpers.
package outline

import (
	"bytes"
	"fmt"
	"io"
)

// Node is an outline entry and its children.
type Node struct {
	Title    string
	Children []*Node
}

func writeNode(w io.Writer, n *Node, depth int) {
	for range depth {
		io.WriteString(w, "  ")
	}
	fmt.Fprintf(w, "- %s\n", n.Title)
	writeChildren(w, n.Children, depth+1)
}

func writeChildren(w io.Writer, nodes []*Node, depth int) {
	for _, c := range nodes {
		writeNode(w, c, depth)
	}
}

// Render renders the outline of root.
func Render(root *Node) string {
	buf := new(bytes.Buffer) // want "new\\(bytes.Buffer\\) escapes to heap"
	writeNode(buf, root, 0)
	return buf.String()
}
