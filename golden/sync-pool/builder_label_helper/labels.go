// Package labels renders the label sets of metric samples for the Prometheus text format.
package labels

import (
	"io"
	"strings"
)

var escaper = strings.NewReplacer(`\`, `\\`, "\n", `\n`, `"`, `\"`)

// writeLabels writes {name="value",…} to w: it only writes, through io.WriteString and the replacer, and never
// asks which writer it has.
func writeLabels(w io.Writer, labels [][2]string) {
	if len(labels) == 0 {
		return
	}
	io.WriteString(w, "{")
	for i, l := range labels {
		if i > 0 {
			io.WriteString(w, ",")
		}
		io.WriteString(w, l[0])
		io.WriteString(w, `="`)
		escaper.WriteString(w, l[1])
		io.WriteString(w, `"`)
	}
	io.WriteString(w, "}")
}

// AppendSample appends `name{labels} value` and a newline to dst.
func AppendSample(dst []byte, name string, labels [][2]string, value string) []byte {
	var b strings.Builder // want "moved to heap: b"
	b.WriteString(name)
	writeLabels(&b, labels)
	dst = append(dst, b.String()...)
	dst = append(dst, ' ')
	dst = append(dst, value...)
	return append(dst, '\n')
}
