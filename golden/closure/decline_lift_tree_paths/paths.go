// Package tree lists the leaves of a configuration tree.
package tree

import "strings"

// Node is one key in the configuration tree.
type Node struct {
	Name string
	Kids []*Node
}

// Leaves returns the sep-joined path of every leaf under root, depth first.
func Leaves(root *Node, sep string) []string {
	var walk func(n *Node, prefix, out []string) []string
	walk = func(n *Node, prefix, out []string) []string {
		// keep: comment inside the walker
		prefix = append(prefix, n.Name)
		if len(n.Kids) == 0 {
			return append(out, strings.Join(prefix, sep))
		}
		for _, k := range n.Kids {
			out = walk(k, prefix, out)
		}
		return out
	}
	// A call through the func variable is indirect, so its arguments leak.
	return walk(root, make([]string, 0, 16), nil) // want(<go1.27) "make\\(\\[\\]string, 0, 16\\) escapes to heap" // declined: not recognised (the escaping make is an argument of a local walker, not a captured variable)
}
