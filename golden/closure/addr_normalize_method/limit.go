// Package limit starts rate-limited senders.
package limit

// Limits bound a sender's rate.
type Limits struct {
	Rate, Burst int
}

// Normalize raises the burst to at least the rate.
func (l *Limits) Normalize() {
	if l.Burst < l.Rate {
		l.Burst = l.Rate
	}
}

// Senders starts one sender per destination, all with the same normalized limits. Normalize
// takes the address of lim, but only while it runs, before any sender starts.
func Senders(dests []string, rate, burst int, send func(dest string, l Limits)) {
	lim := Limits{Rate: rate, Burst: burst} // want "moved to heap: lim"
	lim.Normalize()
	for _, d := range dests {
		go func() { // want "func literal escapes to heap"
			send(d, lim)
		}()
	}
}
