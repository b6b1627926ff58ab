// Package rerouted retries a connection, logging nothing when the caller asks for quiet.
package rerouted

// Logger records one line.
type Logger interface{ Log(msg string) }

type options struct {
	logger  Logger
	retries int
}

// lineCount counts the lines it is asked to log.
type lineCount struct{ n int }

func (l *lineCount) Log(msg string) { l.n++ }

type discard struct{}

func (discard) Log(string) {}

// Attempts returns how many lines the retries log; a quiet dial logs none.
func Attempts(retries int, quiet bool) int {
	var lines lineCount // want "moved to heap: lines" // declined "may change o.logger, in the struct o points to"
	o := &options{logger: &lines, retries: retries}
	if quiet {
		o.logger = discard{}
	}
	for i := 0; i < o.retries; i++ {
		o.logger.Log("retry")
	}
	return lines.n
}
