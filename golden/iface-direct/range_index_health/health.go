// Package health runs a service's readiness checks in order and names the first that fails.
package health

import (
	"context"
	"errors"
	"fmt"
)

var (
	errNoAnswer = errors.New("no answer")
	errDiskFull = errors.New("disk full")
)

// Checker says whether one dependency is ready.
type Checker interface {
	Check(ctx context.Context) error
}

// Ping checks a peer that answers or not.
type Ping struct {
	down  bool
	calls int
}

func (p *Ping) Check(ctx context.Context) error {
	p.calls++
	if p.down {
		return errNoAnswer
	}
	return ctx.Err()
}

// Disk checks that enough space is free.
type Disk struct{ free, min int }

func (d *Disk) Check(context.Context) error {
	if d.free < d.min {
		return errDiskFull
	}
	return nil
}

// Ready runs the checks in order and names the first that fails.
func Ready(ctx context.Context, dbDown bool, free int) error {
	db := Ping{down: dbDown}               // want "moved to heap: db"
	var cache Ping                         // want "moved to heap: cache"
	disk := Disk{free: free, min: 1 << 20} // want "moved to heap: disk"
	checks := []Checker{&db, &cache, &disk}
	names := [...]string{"db", "cache", "disk"}
	for i := range checks {
		if err := checks[i].Check(ctx); err != nil {
			return fmt.Errorf("%s: %w", names[i], err)
		}
	}
	return nil
}
