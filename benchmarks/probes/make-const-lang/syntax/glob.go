package syntax

import (
	"errors"

	"example.com/langtool/limits"
)

var errPattern = errors.New("syntax: pattern too long")

// Glob matches name against a pattern of literals, '?' and '*', as a set of NFA states.
func Glob(pattern, name string) (bool, error) {
	if len(pattern) > limits.MaxPattern {
		return false, errPattern
	}
	cur := make([]bool, len(pattern)+1)
	next := make([]bool, len(pattern)+1)
	cur[0] = true
	closeStars(pattern, cur)
	for i := 0; i < len(name); i++ {
		for j := range next {
			next[j] = false
		}
		for j := 0; j < len(pattern); j++ {
			if !cur[j] {
				continue
			}
			switch pattern[j] {
			case '*':
				next[j] = true
			case '?':
				next[j+1] = true
			default:
				if pattern[j] == name[i] {
					next[j+1] = true
				}
			}
		}
		closeStars(pattern, next)
		cur, next = next, cur
	}
	return cur[len(pattern)], nil
}

func closeStars(pattern string, set []bool) {
	for j := 0; j < len(pattern); j++ {
		if set[j] && pattern[j] == '*' {
			set[j+1] = true
		}
	}
}

// Class is a compiled character class.
type Class struct{ ranges []rune }

// CompileClass compiles "a-z0-9" into ranges; the class keeps them.
func CompileClass(spec string) *Class {
	ranges := make([]rune, 0, 2*len(spec))
	for i := 0; i < len(spec); i++ {
		lo, hi := rune(spec[i]), rune(spec[i])
		if i+2 < len(spec) && spec[i+1] == '-' {
			hi = rune(spec[i+2])
			i += 2
		}
		ranges = append(ranges, lo, hi)
	}
	return &Class{ranges: ranges}
}
