// Package line formats log lines into a buffer and hands them to the caller's writer, which may be the
// package's own Shouter: a wrapper whose Write upper-cases p with bytes.ToUpper.
package line

import (
	"bytes"
	"fmt"
	"io"
)

// Shouter upper-cases what it writes.
type Shouter struct{ W io.Writer }

func (s Shouter) Write(p []byte) (int, error) {
	if _, err := s.W.Write(bytes.ToUpper(p)); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Format writes one logfmt line: the buffer is written a byte at least (its newline) before its bytes go
// out, so its storage is not nil there, fresh or pooled.
func Format(w io.Writer, level, msg string, kv ...string) error {
	buf := new(bytes.Buffer) // want "new\\(bytes.Buffer\\) escapes to heap"
	fmt.Fprintf(buf, "level=%s msg=%q", level, msg)
	for i := 0; i+1 < len(kv); i += 2 {
		fmt.Fprintf(buf, " %s=%s", kv[i], kv[i+1])
	}
	buf.WriteByte('\n')
	_, err := w.Write(buf.Bytes())
	return err
}

// Dump writes the non-empty names, one per line; WriteTo writes nothing when there are none.
func Dump(w io.Writer, names []string) error {
	var buf bytes.Buffer // want "moved to heap: buf"
	for i, n := range names {
		if n != "" {
			fmt.Fprintf(&buf, "%d:%s\n", i, n)
		}
	}
	_, err := buf.WriteTo(w)
	return err
}
