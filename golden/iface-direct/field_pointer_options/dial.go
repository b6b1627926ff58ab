// Package retrydial retries a connection with the options a caller would pass by pointer.
package retrydial

import (
	"errors"
	"strconv"
	"time"
)

// Logger records one line.
type Logger interface{ Log(msg string) }

// Backoff says how long to wait before the next attempt.
type Backoff interface {
	Next(attempt int) time.Duration
}

type options struct {
	logger  Logger
	backoff Backoff
	retries int
}

// lineCount counts the lines it is asked to log.
type lineCount struct{ n int }

func (l *lineCount) Log(msg string) {
	if msg != "" {
		l.n++
	}
}

// linear waits a fixed step more on each attempt.
type linear struct{ step time.Duration }

func (b *linear) Next(attempt int) time.Duration { return time.Duration(attempt) * b.step }

var errRefused = errors.New("refused")

// Wait returns how long a dial that fails `fails` times waits in all, and how many lines it logs.
func Wait(fails int, step time.Duration) (time.Duration, int) {
	var lines lineCount  // want "moved to heap: lines"
	back := linear{step} // want "moved to heap: back"
	o := &options{logger: &lines, backoff: &back, retries: 3}
	var total time.Duration
	for attempt := 1; attempt <= o.retries; attempt++ {
		if attempt > fails {
			return total, lines.n
		}
		o.logger.Log("attempt " + strconv.Itoa(attempt) + ": " + errRefused.Error())
		total += o.backoff.Next(attempt)
	}
	return total, lines.n
}
