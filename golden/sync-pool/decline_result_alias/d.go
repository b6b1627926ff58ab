// Package resultalias returns what a method returns: the object itself.
package resultalias

// Big is 128 KiB.
type Big struct {
	data [1 << 17]byte
	n    int
}

// Self returns its receiver: the compiler reports `leaking param: b to result ~r0 level=0`.
func (b *Big) Self() *Big { return b }

// Fresh returns the object through Self.
func Fresh(n int) *Big {
	p := new(Big) // want "new\\(Big\\) escapes to heap" // declined "`leaking param: b to result ~r0 level=0`"
	p.n = n
	return p.Self()
}
