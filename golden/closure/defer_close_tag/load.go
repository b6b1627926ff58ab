// Package load reads a set of spool files into memory.
package load

import (
	"io"
	"log"
	"os"
)

// All reads every file in paths. The files are closed when All returns; a
// failed close is only logged because the data has already been read.
func All(paths []string, verbose bool) ([][]byte, error) {
	tag := "load" // want "moved to heap: tag"
	if verbose {
		tag = "load(verbose)"
	}
	var out [][]byte
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return nil, err
		}
		defer func() {
			// keep: comment inside the deferred closure
			if cerr := f.Close(); cerr != nil {
				log.Printf("%s: close %s: %v", tag, p, cerr)
			}
		}()
		b, err := io.ReadAll(f)
		if err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, nil
}
