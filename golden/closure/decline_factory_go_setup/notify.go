// Package notify sends messages through per-channel senders.
package notify

import (
	"fmt"
	"log"
	"strings"
)

// sender returns a function sending a message on the named channel; the channel name is
// validated right away, in the caller's goroutine.
func sender(channel string, out chan<- string) func(msg string) {
	name := strings.TrimPrefix(channel, "#")
	if name == "" {
		panic("notify: empty channel name")
	}
	log.Printf("notify: sender for %s", name)
	return func(msg string) { // want "func literal escapes to heap" // declined "go/defer would move the factory's setup code"
		out <- fmt.Sprintf("[%s] %s", name, msg)
	}
}

// Async validates the channel now and sends in the background: folding the factory would
// move the validation (and its panic) into the new goroutine.
func Async(channel, msg string, out chan<- string) {
	go sender(channel, out)(msg)
}

// Sync sends right away.
func Sync(channel, msg string, out chan<- string) {
	sender(channel, out)(msg)
}
