// Package tree walks binary trees without recursion.
package tree

// Node is a binary tree node.
type Node struct {
	Left, Right *Node
	Value       int
}

// Sum adds every value under root, with an explicit stack of at most depth nodes.
func Sum(root *Node, depth int) int {
	stack := make([]*Node, 0, depth) // want(<go1.25) "escapes to heap" want(>=go1.25) "does not escape"
	stack = append(stack, root)
	total := 0
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n == nil {
			continue
		}
		total += n.Value
		stack = append(stack, n.Left, n.Right)
	}
	return total
}
