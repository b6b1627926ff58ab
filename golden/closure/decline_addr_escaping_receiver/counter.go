// Package counter reports counters that a registry may reset.
package counter

// Counter counts events.
type Counter struct{ N int }

var registry []*Counter

// Register adds c to the registry ResetAll resets: its receiver escapes.
func (c *Counter) Register() { registry = append(registry, c) }

// ResetAll sets every registered counter to n.
func ResetAll(n int) {
	for _, c := range registry {
		c.N = n
	}
}

// Watch reports the counter's value once started; a ResetAll before that counts.
func Watch(n int, start <-chan struct{}, out chan<- int) {
	c := Counter{N: n} // want "moved to heap: c" // declined "c is the receiver of c.Register, whose parameter"
	c.Register()
	go func() { // want "func literal escapes to heap"
		<-start
		out <- c.N
	}()
}
