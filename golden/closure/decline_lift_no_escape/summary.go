// Package tree summarises a tree with a recursive local walker.
package tree

// Node is one entry in the tree.
type Node struct {
	Size int64
	Kids []*Node
}

// Summary returns the node count and total size under root. The walker
// captures n and total by reference, but the func literal does not escape
// (it is only called), so nothing is moved to the heap: lifting it out gains
// nothing.
func Summary(root *Node) (n int, total int64) {
	var walk func(*Node)
	walk = func(x *Node) { // want "func literal does not escape" // declined: not recognised (the walker is only called, never started by go/defer: nothing moves to the heap)
		n++
		total += x.Size
		for _, k := range x.Kids {
			walk(k)
		}
	}
	walk(root)
	return n, total
}
