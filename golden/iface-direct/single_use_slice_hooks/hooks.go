// Package hooks runs the first of a list of shutdown hooks.
package hooks

import "io"

type flushLog struct{ pending int }

func (f *flushLog) Close() error {
	f.pending = 0
	return nil
}

// Shutdown closes the log flusher, first in line among the hooks.
func Shutdown(pending int) (int, error) {
	log := flushLog{pending: pending} // want "moved to heap: log"
	hooks := []any{&log, "metrics", nil}
	err := hooks[0].(io.Closer).Close()
	return log.pending, err
}
