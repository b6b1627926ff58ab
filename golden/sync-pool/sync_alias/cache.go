// Package cache imports sync under another name.
package cache

import (
	"strings"
	gosync "sync"
)

var mu gosync.Mutex

// Upper counts the upper-case letters of the words, joined.
func Upper(words []string) int {
	mu.Lock()
	defer mu.Unlock()
	buf := make([]byte, 0, 1<<20) // want "make\\(\\[\\]byte, 0, 1048576\\) escapes to heap"
	for _, w := range words {
		buf = append(buf, strings.ToUpper(w)...)
	}
	n := 0
	for _, b := range buf {
		if b >= 'A' && b <= 'Z' {
			n++
		}
	}
	return n
}
