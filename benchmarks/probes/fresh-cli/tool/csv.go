package tool

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"example.com/freshcli/format"
)

var errTooWide = errors.New("tool: too many columns")

// csvToTSV converts one CSV record to a TSV line.
func csvToTSV(rec []string) string {
	if len(rec) > format.MaxColumns {
		rec = rec[:format.MaxColumns]
	}
	fields := make([]string, len(rec))
	for i, f := range rec {
		fields[i] = strings.ReplaceAll(f, "\t", " ")
	}
	return strings.Join(fields, "\t")
}

// splitTSV splits a TSV line, refusing lines wider than the tool handles.
func splitTSV(line string) ([]string, error) {
	n := strings.Count(line, "\t") + 1
	if n > format.MaxColumns {
		return nil, errTooWide
	}
	out := make([]string, 0, n)
	for _, f := range strings.Split(line, "\t") {
		out = append(out, f)
	}
	return out, nil
}

// convertAll reads CSV from r and writes TSV to w.
func convertAll(r io.Reader, w io.Writer) error {
	cr := csv.NewReader(r)
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("read record: %w", err)
		}
		if _, err := io.WriteString(w, csvToTSV(rec)+"\n"); err != nil {
			return err
		}
	}
}

// columnIndex maps header names to their positions.
func columnIndex(header []string) map[string]int {
	idx := make(map[string]int, len(header))
	for i, h := range header {
		idx[strings.ToLower(h)] = i
	}
	return idx
}

// pick selects the named columns of a record.
func pick(rec []string, idx map[string]int, names []string) []string {
	if len(names) > format.MaxColumns {
		names = names[:format.MaxColumns]
	}
	out := make([]string, len(names))
	for i, n := range names {
		if j, ok := idx[n]; ok && j < len(rec) {
			out[i] = rec[j]
		}
	}
	return out
}

// quoteField quotes a CSV field when it needs quoting.
func quoteField(f string) string {
	if !strings.ContainsAny(f, ",\"\n") {
		return f
	}
	if len(f) > format.FieldBytes {
		return `"` + strings.ReplaceAll(f, `"`, `""`) + `"`
	}
	buf := make([]byte, 0, 2*len(f)+2)
	buf = append(buf, '"')
	for i := 0; i < len(f); i++ {
		if f[i] == '"' {
			buf = append(buf, '"')
		}
		buf = append(buf, f[i])
	}
	buf = append(buf, '"')
	return string(buf)
}

// writeCSVLine writes quoted fields joined by commas.
func writeCSVLine(w io.Writer, rec []string) error {
	var b bytes.Buffer
	for i, f := range rec {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(quoteField(f))
	}
	b.WriteByte('\n')
	_, err := w.Write(b.Bytes())
	return err
}

// rowError describes a bad row.
func rowError(line, col int, msg string) error {
	return fmt.Errorf("line %d column %d: %s", line, col, msg)
}
