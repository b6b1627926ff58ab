// Package notify fans a message out to subscribers, logging each delivery.
package notify

import (
	"log"
	"os"
)

// Subscriber receives messages on its own channel.
type Subscriber struct {
	Name string
	C    chan<- string
}

// Broadcast delivers msg to every subscriber without blocking the caller.
// Deliveries are logged to a dedicated logger when prefix is set.
func Broadcast(subs []Subscriber, msg, prefix string) {
	var logger *log.Logger // want "moved to heap: logger"
	if prefix != "" {
		logger = log.New(os.Stderr, prefix, log.LstdFlags)
	} else {
		logger = log.Default()
	}
	for _, s := range subs {
		go func() {
			// keep: comment inside the goroutine
			s.C <- msg
			logger.Printf("delivered to %s", s.Name)
		}()
	}
}
