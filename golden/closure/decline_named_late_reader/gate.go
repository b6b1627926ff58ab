// Package gate starts a named reader literal before its input is ready.
package gate

// Total starts the reader, then sets the base it adds and opens the gate: the reader reads base
// after the write (the close orders it), so a copy taken where the literal is made would add the
// old base. Nothing the function waits for orders the write after the reader's read.
func Total(base int, items []int) int { // want "moved to heap: base" // declined "the write at line 19 can come before the wait at line 21 returns"
	gate := make(chan struct{})
	res := make(chan int, 1)
	sum := func() { // want "func literal escapes to heap"
		<-gate
		n := base
		for _, it := range items {
			n += it
		}
		res <- n
	}
	go sum()
	base *= 10
	close(gate)
	return <-res
}
