// Package metrics is a small metrics aggregator: it scrapes sources, folds samples into
// series, and exports them. It is the closure census's misses written as a service would.
package metrics

import (
	"context"
	"io"
	"strings"
	"time"
)

// Sample is one observation of a series.
type Sample struct {
	Name  string
	Value float64
	At    time.Time
	Tags  []string
}

// Source yields samples to a callback; it owns the iteration.
type Source interface {
	Each(fn func(Sample) bool) error
}

// Sink receives exported lines.
type Sink interface {
	Write(ctx context.Context, line string) error
}

// Config is the aggregator's tuning, read by many goroutines.
type Config struct {
	Prefix   string
	Interval time.Duration
	MaxTags  int
	Drop     bool
}

// Hooks are callbacks the aggregator calls later.
type Hooks struct {
	OnFlush func(n int)
	OnError func(err error)
	Format  func(s Sample) string
}

// Retrier runs op until it stops failing with a transient error.
type Retrier interface {
	Do(op func() error) error
}

func tagLine(tags []string, max int) string {
	if len(tags) > max {
		tags = tags[:max]
	}
	return strings.Join(tags, ",")
}

func writeAll(w io.Writer, lines []string) (int, error) {
	n := 0
	for _, l := range lines {
		m, err := io.WriteString(w, l)
		n += m
		if err != nil {
			return n, err
		}
	}
	return n, nil
}
