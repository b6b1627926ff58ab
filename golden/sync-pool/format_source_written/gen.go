// Package gen writes accessors for a generated struct: printed with fmt into a scratch buffer, run through
// gofmt (go/format.Source, whose result is its own bytes or, for blanks, src itself) and written out.
package gen

import (
	"bytes"
	"fmt"
	"go/format"
	"io"
)

// Field is one field of the struct.
type Field struct{ Name, Type string }

// WriteGetters writes a getter per field to w, gofmt'ed.
func WriteGetters(w io.Writer, typ string, fields []Field) error {
	var buf bytes.Buffer // want "moved to heap: buf"
	for _, f := range fields {
		fmt.Fprintf(&buf, "func (x *%s) Get%s() %s { return x.%s }\n", typ, f.Name, f.Type, f.Name)
	}
	src, err := format.Source(buf.Bytes())
	if err != nil {
		return err
	}
	_, err = w.Write(src)
	return err
}
