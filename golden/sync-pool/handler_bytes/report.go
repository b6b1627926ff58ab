// Package report serves a plain-text report: rendered into a buffer first, so a failure midway
// sends a 500 instead of half a page.
package report

import (
	"bytes"
	"fmt"
	"net/http"
	"strconv"
)

// Row is one line of the report.
type Row struct {
	Name  string
	Count int
}

// Handler serves the rows the source returns, or a 500 when it fails.
func Handler(source func() ([]Row, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) { // want "func literal escapes to heap"
		rows, err := source()
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		buf := new(bytes.Buffer) // want "new\\(bytes.Buffer\\) escapes to heap"
		for _, row := range rows {
			fmt.Fprintf(buf, "%-12s %6d\n", row.Name, row.Count)
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
		w.Write(buf.Bytes())
	}
}
