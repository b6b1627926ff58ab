// Package seq numbers lines with a prefix that counts how many numberers were made.
package seq

import (
	"fmt"
	"strings"
)

var made int

var current string

// numberer returns a function that numbers a line; making one bumps the counter and
// records the line the caller passed most recently.
func numberer(prefix string) func(line string) string {
	made++
	if made > 1000 {
		made = 0
	}
	current = strings.ToUpper(prefix)
	tag := fmt.Sprintf("%s-%d", prefix, made)
	return func(line string) string { // want "func literal escapes to heap" // declined "current is evaluated before the factory's setup code"
		return tag + ": " + line
	}
}

// Tag numbers the current line: numberer's setup writes `current` before the literal reads
// its argument, so folding would read the old value.
func Tag(prefix string) string {
	return numberer(prefix)(current)
}
