package p2

import (
	. "fmt"
	"strconv"
)

// Dotted uses a dot import of fmt.
func Dotted(n int) string { return Sprintf("n=%d", n) + strconv.Itoa(0) }
