// Package tree summarises a directory-like tree.
package tree

// Node is one entry in the tree.
type Node struct {
	Name string
	Size int64
	Kids []*Node
}

// Stats summarises a walk.
type Stats struct {
	Nodes, Leaves, Truncated int
	Bytes                    int64
}

// Count walks root down to maxDepth and returns what it saw.
func Count(root *Node, maxDepth int) Stats {
	var st Stats // want(<go1.27) "moved to heap: st" // declined: not recognised (st is passed by pointer to a walker that does not escape, not captured by a go/defer literal)
	var walk func(n *Node, depth int, st *Stats)
	walk = func(n *Node, depth int, st *Stats) {
		// keep: comment inside the walker
		if depth > maxDepth {
			st.Truncated++
			return
		}
		st.Nodes++
		st.Bytes += n.Size
		if len(n.Kids) == 0 {
			st.Leaves++
		}
		for _, k := range n.Kids {
			walk(k, depth+1, st)
		}
	}
	walk(root, 0, &st)
	return st
}
