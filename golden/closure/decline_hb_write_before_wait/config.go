// Package config reloads a service's configuration.
package config

import "sync"

// Config is a service's settings.
type Config struct {
	Version int
	Addr    string
}

// Reload applies the configuration from a worker that starts once the caller has switched
// its own view to next; the worker applies what it finds then, and the caller waits for it.
func Reload(cfg, next Config, apply func(Config)) { // want "moved to heap: cfg" // declined "the write at line 23 can come before the wait at line 25"
	var wg sync.WaitGroup // want "moved to heap: wg"
	start := make(chan struct{})
	wg.Add(1)
	go func() { // want "func literal escapes to heap"
		defer wg.Done()
		<-start
		apply(cfg)
	}()
	cfg = next
	close(start)
	wg.Wait()
}
