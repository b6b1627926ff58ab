package config

import "errors"

var errDepth = errors.New("config: depth out of range")

// Limits are the per-tenant limits, checked by value.
type Limits struct {
	Depth int
	Width int
}

// check is a value-receiver check: the caller's copy is what it checked.
func (l Limits) check() error {
	if l.Depth < 0 || l.Depth > 16 {
		return errDepth
	}
	return nil
}

// DepthStack makes the traversal stack after a value-receiver check on a local.
func DepthStack(l Limits) (int, error) {
	if err := l.check(); err != nil {
		return 0, err
	}
	stack := make([]int, l.Depth)
	for i := range stack {
		stack[i] = i * l.Width
	}
	return len(stack), nil
}

// maxDepth is the compiled-in tree depth; path scratch is sized by it after a guard.
var maxDepth = 24

// PathSum sums a tree path under the frozen depth limit.
func PathSum(path []int, depth int) (int, error) {
	if depth > maxDepth || depth > len(path) {
		return 0, errDepth
	}
	scratch := make([]int, depth)
	copy(scratch, path)
	s := 0
	for _, v := range scratch {
		s += v
	}
	return s, nil
}

// PathLimit sizes the scratch by the frozen limit itself.
func PathLimit(path []int) int {
	scratch := make([]int, maxDepth)
	n := copy(scratch, path)
	return n
}
