// Package notify mails users about a change.
package notify

import "sync"

// Mail tells the first user at once and the others from a background goroutine that starts
// once the subject has been rewritten for them; the caller waits only for the first.
func Mail(users []string, subject string, send func(user, subject string), rewrite func(string) string) { // want "moved to heap: subject" // declined "starts a goroutine at line 16 that may read subject"
	var first, rest sync.WaitGroup // want "moved to heap: rest" "moved to heap: first"
	later := make(chan struct{})
	first.Add(1)
	go func() { // want "func literal escapes to heap"
		defer first.Done()
		send(users[0], subject)
		rest.Add(1)
		go func() { // want "func literal escapes to heap"
			defer rest.Done()
			<-later
			for _, u := range users[1:] {
				send(u, subject)
			}
		}()
	}()
	first.Wait()
	subject = rewrite(subject)
	close(later)
	rest.Wait()
}
