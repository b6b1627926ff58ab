// Package branch sets a logger only for verbose clients, and logs through it regardless.
package branch

// Logger records one line.
type Logger interface{ Log(msg string) }

// Options configure a client.
type Options struct {
	Addr   string
	Logger Logger
}

type byteCount struct{ n int }

func (b *byteCount) Log(msg string) { b.n += len(msg) }

type discard struct{}

func (discard) Log(string) {}

// Dial logs the dial; a quiet client logs to nowhere.
func Dial(addr string, quiet bool) int {
	var logged byteCount // want "moved to heap: logged" // declined "may change opts.Logger, which holds &logged"
	var opts Options
	opts.Addr = addr
	opts.Logger = &logged
	if quiet {
		opts.Logger = discard{}
	}
	opts.Logger.Log("dial " + opts.Addr)
	return logged.n
}
