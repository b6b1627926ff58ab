package wire

import (
	"bytes"
	"encoding/csv"
	"io"
	"strconv"
	"strings"
)

// Row is one exported record.
type Row struct {
	ID    int
	Name  string
	Email string
	Score float64
}

// WriteRows writes the rows as CSV with a header.
func WriteRows(w io.Writer, rows []Row) error {
	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	cw.Write([]string{"id", "name", "email", "score"})
	for _, r := range rows {
		cw.Write([]string{strconv.Itoa(r.ID), r.Name, r.Email, strconv.FormatFloat(r.Score, 'f', 2, 64)})
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// RowLine renders one row as a CSV line, quoted where needed.
func RowLine(fields ...string) string {
	var sb strings.Builder
	for i, f := range fields {
		if i > 0 {
			sb.WriteByte(',')
		}
		if strings.ContainsAny(f, ",\"\r\n") {
			sb.WriteByte('"')
			sb.WriteString(strings.ReplaceAll(f, `"`, `""`))
			sb.WriteByte('"')
			continue
		}
		sb.WriteString(f)
	}
	return sb.String()
}

// WriteTSV writes rows tab-separated through a csv.Writer with Comma set.
func WriteTSV(w io.Writer, rows [][]string) error {
	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	cw.Comma = '\t'
	if err := cw.WriteAll(rows); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// Exporter streams CSV to a writer the caller gives.
type Exporter struct {
	W   io.Writer
	Raw bool
}

// Export writes rows; in raw mode each line goes to w by itself.
func (e *Exporter) Export(rows []Row) error {
	for _, r := range rows {
		line := RowLine(strconv.Itoa(r.ID), r.Name, r.Email)
		if _, err := io.WriteString(e.W, line+"\r\n"); err != nil {
			return err
		}
	}
	return nil
}
