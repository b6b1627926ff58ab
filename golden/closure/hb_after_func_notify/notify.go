// Package notify delivers a delayed notice and reports when it went out.
package notify

import (
	"strings"
	"time"
)

// Later sends the notice to the channel after delay, from the timer's own goroutine, and waits until it
// is out: time.AfterFunc, its Timer dropped, runs the literal once in a goroutine of its own, as a go
// statement would, and the literal closes done last, so the channel name is reset only once it was read.
func Later(delay time.Duration, channel, text string, send func(string)) string { // want "moved to heap: channel"
	channel = strings.TrimPrefix(channel, "#")
	done := make(chan struct{})
	time.AfterFunc(delay, func() { // want "func literal escapes to heap"
		send("#" + channel + ": " + text)
		close(done)
	})
	<-done
	channel = "sent"
	return channel
}
