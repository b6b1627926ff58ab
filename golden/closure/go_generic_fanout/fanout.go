// Package fanout broadcasts values to subscriber channels.
package fanout

// Broadcast sends the override (if any) or the initial value to every
// subscriber without blocking. msg has the type parameter's type; the rule
// declines type parameters rather than reason about instantiation.
func Broadcast[T any](subs []chan<- T, initial T, override *T) {
	msg := initial // want "moved to heap: msg"
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
