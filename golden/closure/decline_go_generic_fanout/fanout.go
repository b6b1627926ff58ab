// Package fanout broadcasts values to subscriber channels.
package fanout

// Broadcast sends the override (if any) or the initial value to every
// subscriber without blocking. msg has the type parameter's type, which any
// size may instantiate: a copy in the loop, captured by value for Ints, would
// be captured by reference, and moved to the heap once per subscriber, by an
// instantiation wider than 128 bytes that this module never compiles.
func Broadcast[T any](subs []chan<- T, initial T, override *T) {
	msg := initial // want "moved to heap: msg" // declined "the copy would be made inside the loop at line 14, and msg is declared outside it"
	if override != nil {
		msg = *override
	}
	for _, s := range subs {
		go func() { // want "func literal escapes to heap"
			s <- msg
		}()
	}
}

// Ints is a concrete use so the generic body is compiled.
func Ints(subs []chan<- int) { Broadcast(subs, 0, nil) }
