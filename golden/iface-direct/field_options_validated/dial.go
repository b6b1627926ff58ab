// Package dial retries a connection with options validated before use.
package dial

import (
	"errors"
	"fmt"
	"io"
)

// Options configures a dial.
type Options struct {
	Addr    string
	Retries int
	Trace   any // an io.Writer that gets a line per attempt, or nil
}

func check(o Options) error {
	if o.Addr == "" {
		return errors.New("dial: no address")
	}
	if o.Retries < 0 || o.Retries > 10 {
		return fmt.Errorf("dial: %d retries out of range", o.Retries)
	}
	return nil
}

// lineCounter counts the lines written to it.
type lineCounter struct{ lines int }

func (c *lineCounter) Write(p []byte) (int, error) {
	for _, b := range p {
		if b == '\n' {
			c.lines++
		}
	}
	return len(p), nil
}

// Attempts validates the options, traces each attempt, and says how many trace lines it wrote.
func Attempts(addr string, retries int) (int, error) {
	var trace lineCounter // want "moved to heap: trace"
	opts := Options{Addr: addr, Retries: retries, Trace: &trace}
	if err := check(opts); err != nil {
		return 0, err
	}
	w := opts.Trace.(io.Writer)
	for i := 0; i <= opts.Retries; i++ {
		w.Write([]byte("attempt\n"))
	}
	return trace.lines, nil
}
