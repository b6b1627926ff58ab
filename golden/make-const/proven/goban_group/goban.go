// Package goban scores go positions for the arcade's AI.
package goban

import "errors"

var errSize = errors.New("goban: boards are 9, 13 or 19")

// Board is a go board of size×size points: 0 empty, 1 black, 2 white.
type Board struct {
	size   int
	stones []int8
}

// New makes one of the standard boards.
func New(size int) (*Board, error) {
	switch size {
	case 9, 13, 19:
	default:
		return nil, errSize
	}
	return &Board{size: size, stones: make([]int8, size*size)}, nil // want "make\\(\\[\\]int8, size \\* size\\) escapes to heap"
}

// Play puts a stone of colour c at (x, y).
func (b *Board) Play(x, y int, c int8) { b.stones[y*b.size+x] = c }

// Group counts the stones of the group at pt. Every value the package stores in b.stones is New's make of
// size*size, size at most 19, so the marks fit 361 bools.
func (b *Board) Group(pt int) int {
	seen := make([]bool, len(b.stones)) // want(<go1.25) "make\\(\\[\\]bool, len\\(b.stones\\)\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]bool, len\\(b.stones\\)\\) does not escape"
	c := b.stones[pt]
	n := 0
	var stack [64]int
	top := 0
	stack[top], top, seen[pt] = pt, 1, true
	for top > 0 {
		top--
		p := stack[top]
		n++
		for _, q := range [4]int{p - 1, p + 1, p - b.size, p + b.size} {
			if q < 0 || q >= len(b.stones) || seen[q] || b.stones[q] != c || top == len(stack) {
				continue
			}
			if (q == p-1 && p%b.size == 0) || (q == p+1 && q%b.size == 0) {
				continue
			}
			seen[q] = true
			stack[top] = q
			top++
		}
	}
	return n
}
