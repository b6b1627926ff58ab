// Package errs writes a line to the error sink of a configuration that may lack one.
package errs

import "io"

type counter struct{ n int }

func (c *counter) Write(p []byte) (int, error) {
	c.n += len(p)
	return len(p), nil
}

// Report writes the line to the "err" sink when the configuration has one.
func Report(line []byte) string {
	var c counter // want "moved to heap: c" // declined "no type assertion reads kv[\"out\"] back"
	kv := map[string]any{"out": &c}
	if w, ok := kv["err"].(io.Writer); ok {
		w.Write(line)
		return "reported"
	}
	return "no error sink"
}
