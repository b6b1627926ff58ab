package p2

import (
	"example.com/hunt/fmt"
)

// Own calls the module's own fmt.
func Own(n int) string { return fmt.Sprintf("n=%d", n) }
