// Package loader fetches a document on a goroutine and retries with a larger size limit.
package loader

import (
	"errors"
	"fmt"
)

// ErrTooLarge says the document exceeds the size limit it was fetched with.
var ErrTooLarge = errors.New("document too large")

// Load asks fetch for the document on a goroutine of its own, which reports once on every
// path: an error as soon as one happens, or nil once it has kept the document. The limit
// doubles only after that report, when the goroutine has read it.
func Load(name string, attempts, limit int, fetch func(string, int) ([]byte, error)) ([]byte, error) { // want "moved to heap: limit"
	var doc []byte
	var err error
	for a := 0; a < attempts; a++ {
		errc := make(chan error, 1)
		go func() { // want "func literal escapes to heap"
			b, err := fetch(name, limit)
			if err != nil {
				errc <- fmt.Errorf("load %s: %w", name, err)
				return
			}
			if len(b) == 0 {
				errc <- errors.New("empty document")
				return
			}
			doc = b
			errc <- nil
		}()
		err = <-errc
		if !errors.Is(err, ErrTooLarge) {
			return doc, err
		}
		limit *= 2
	}
	return nil, err
}
