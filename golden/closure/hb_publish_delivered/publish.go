// Package publish fans a message out to its subscribers.
package publish

// Message is one notification.
type Message struct {
	Topic     string
	Body      string
	Delivered bool
}

// Fanout hands msg to every subscriber from a background goroutine, so a slow subscriber
// blocks the goroutine rather than the caller's lock-holding path, and returns the message
// marked delivered once the goroutine is done with it.
func Fanout(msg Message, subs []chan<- Message) Message { // want "moved to heap: msg"
	done := make(chan struct{})
	go func() { // want "func literal escapes to heap"
		for _, s := range subs {
			s <- msg
		}
		close(done)
	}()
	<-done
	msg.Delivered = true
	return msg
}
