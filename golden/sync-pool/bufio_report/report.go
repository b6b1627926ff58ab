// Package report writes service status reports to the caller's writer.
package report

import (
	"bufio"
	"errors"
	"fmt"
	"io"
)

// Service is one line of a status report.
type Service struct {
	Name    string
	Healthy bool
	Latency int
}

var errNoServices = errors.New("report: no services")

// Write writes one line per service through a buffered writer and flushes it: many small writes,
// one call to w.Write.
func Write(w io.Writer, services []Service) error {
	if len(services) == 0 {
		return errNoServices
	}
	bw := bufio.NewWriter(w) // want "make\\(\\[\\]byte, bufio.size\\) escapes to heap"
	for _, s := range services {
		state := "down"
		if s.Healthy {
			state = "up"
		}
		if _, err := fmt.Fprintf(bw, "%-12s %-4s %5dms\n", s.Name, state, s.Latency); err != nil {
			return err
		}
	}
	if _, err := bw.WriteString("--\n"); err != nil {
		return err
	}
	return bw.Flush()
}
