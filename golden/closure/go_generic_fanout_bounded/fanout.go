// Package fanout broadcasts keys to subscriber channels.
package fanout

// Key is what a broadcast carries: an ID or a name.
type Key interface{ ~int | ~int64 | ~string }

// Broadcast sends the override (if any) or the initial key to every
// subscriber, each from a goroutine of its own. Every type Key permits is at
// most 16 bytes, so every instantiation, this module's or another's, captures
// a copy of msg by value: a copy in the loop allocates nothing anywhere.
func Broadcast[T Key](subs []chan<- T, initial T, override *T) {
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

// Names is the module's own instantiation.
func Names(subs []chan<- string, override *string) { Broadcast(subs, "all", override) }
