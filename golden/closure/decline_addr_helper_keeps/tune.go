// Package tune runs workers whose settings a control loop may retune before they start.
package tune

// Settings are a worker's knobs.
type Settings struct{ Rate int }

var current *Settings

// register makes s the settings Retune adjusts: it keeps the pointer.
func register(s *Settings) { current = s }

// Retune changes the registered settings.
func Retune(rate int) { current.Rate = rate }

// Start starts a worker that reports its rate once started: a Retune before that counts.
func Start(rate int, start <-chan struct{}, out chan<- int) {
	s := Settings{Rate: rate} // want "moved to heap: s" // declined "s is passed to register, whose parameter"
	register(&s)
	go func() { // want "func literal escapes to heap"
		<-start
		out <- s.Rate
	}()
}
