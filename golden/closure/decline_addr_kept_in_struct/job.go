// Package job launches jobs whose options the caller may adjust until they start.
package job

// Options tune a job.
type Options struct{ Level int }

// Handle lets the caller adjust a launched job's options before it starts.
type Handle struct {
	Opts  *Options
	start chan struct{}
}

// Go starts the job.
func (h *Handle) Go() { close(h.start) }

// Launch prepares a job that reports its level once started; the handle keeps a pointer to
// the options, so the job must read the variable itself.
func Launch(level int, out chan<- int) *Handle {
	o := Options{Level: level} // want "moved to heap: o" // declined "address of o is taken other than as a call argument or method receiver"
	h := &Handle{Opts: &o, start: make(chan struct{})}
	go func() { // want "func literal escapes to heap"
		<-h.start
		out <- o.Level
	}()
	return h
}
