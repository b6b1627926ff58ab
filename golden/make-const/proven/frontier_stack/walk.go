// Package walk searches small trees depth first.
package walk

import "errors"

// maxDepth is how deep a tree the format allows.
const maxDepth = 32

// Node is a tree node.
type Node struct {
	Left, Right *Node
	Key         int
}

var errDeep = errors.New("walk: tree deeper than maxDepth")

// Find looks for key in a tree of the given depth with an explicit stack of pointers: the guard
// bounds the stack by maxDepth, and a pointer's size is known without naming a type.
func Find(root *Node, depth, key int) (bool, error) {
	if depth > maxDepth {
		return false, errDeep
	}
	stack := make([]*Node, 0, depth+1) // want(<go1.25) "escapes to heap" want(>=go1.25) "does not escape"
	stack = append(stack, root)
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n == nil {
			continue
		}
		if n.Key == key {
			return true, nil
		}
		stack = append(stack, n.Left, n.Right)
	}
	return false, nil
}
