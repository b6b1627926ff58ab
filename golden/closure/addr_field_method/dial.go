// Package dial opens connections to a set of hosts.
package dial

import "time"

// Timeouts bound each phase of a connection.
type Timeouts struct {
	Connect, Read time.Duration
}

// Defaults fills the phases left at zero.
func (t *Timeouts) Defaults() {
	if t.Connect == 0 {
		t.Connect = time.Second
	}
	if t.Read == 0 {
		t.Read = 5 * time.Second
	}
}

// Options configure a dialer.
type Options struct {
	Port     int
	Timeouts Timeouts
}

// All dials every host in its own goroutine with the same options, their timeouts completed
// first through a pointer method on the field.
func All(hosts []string, opts Options, dial func(host string, o Options) error) <-chan error {
	errs := make(chan error, len(hosts))
	o := opts // want "moved to heap: o"
	o.Timeouts.Defaults()
	for _, h := range hosts {
		go func() { // want "func literal escapes to heap"
			errs <- dial(h, o)
		}()
	}
	return errs
}
