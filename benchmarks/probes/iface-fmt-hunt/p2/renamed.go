package p2

import (
	f "fmt"
	strconv "strings"
)

// Renamed uses fmt under another name and strings as strconv.
func Renamed(n int) string { return f.Sprintf("n=%d", n) + strconv.ToUpper("x") }

// RenamedTwo adds a Sprintf of the real fmt in a file where strconv is strings.
func RenamedTwo(n int) string { return f.Sprint(n, n) }
