// Package printer renders settings through options that name a writer and a formatter.
package printer

import (
	"bytes"
	"fmt"
	"io"
)

// Formatter renders one setting.
type Formatter interface {
	Format(key string, value any) string
}

// Options say where a setting goes and how it looks.
type Options struct {
	Out    io.Writer
	Format Formatter
}

type separated struct{ sep string }

func (s *separated) Format(key string, value any) string {
	return key + s.sep + fmt.Sprint(value)
}

// Setting renders one setting with the default options, writing it when the writer takes strings.
func Setting(key string, value any) string {
	var buf bytes.Buffer      // want "moved to heap: buf"
	f := separated{sep: ": "} // want "moved to heap: f"
	opts := Options{Out: &buf, Format: &f}
	line := opts.Format.Format(key, value)
	if w, ok := opts.Out.(io.StringWriter); ok {
		w.WriteString(line)
	}
	return buf.String()
}
