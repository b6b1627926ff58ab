package exportkit

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"time"
)

// Order is one exported row.
type Order struct {
	ID       int64
	Customer string
	Total    float64
	Placed   time.Time
	Tags     []string
}

var orderHeader = []string{"id", "customer", "total", "placed", "tags"}

func orderRecord(o Order, rec []string) []string {
	rec = append(rec[:0],
		strconv.FormatInt(o.ID, 10),
		o.Customer,
		strconv.FormatFloat(o.Total, 'f', 2, 64),
		o.Placed.UTC().Format(time.RFC3339),
		strings.Join(o.Tags, ";"),
	)
	return rec
}

// ExportOrdersCSV streams orders to w through a large buffered writer.
func ExportOrdersCSV(w io.Writer, orders []Order) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	cw := csv.NewWriter(bw)
	if err := cw.Write(orderHeader); err != nil {
		return err
	}
	rec := make([]string, 0, len(orderHeader))
	for _, o := range orders {
		rec = orderRecord(o, rec)
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// OrdersCSV renders orders into a string, for an email attachment.
func OrdersCSV(orders []Order) (string, error) {
	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	cw.Write(orderHeader)
	var rec []string
	for _, o := range orders {
		rec = orderRecord(o, rec)
		cw.Write(rec)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return "", err
	}
	return buf.String(), nil
}

// ExportTSV writes tab-separated values; tabs and newlines in a field become spaces.
func ExportTSV(w io.Writer, header []string, rows [][]string) error {
	buf := new(bytes.Buffer)
	writeTSVLine(buf, header)
	for _, r := range rows {
		writeTSVLine(buf, r)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

var tsvEscaper = strings.NewReplacer("\t", " ", "\n", " ", "\r", " ")

func writeTSVLine(w io.Writer, fields []string) {
	for i, f := range fields {
		if i > 0 {
			io.WriteString(w, "\t")
		}
		tsvEscaper.WriteString(w, f)
	}
	io.WriteString(w, "\n")
}

// CSVRow formats one row as a CSV line (no trailing newline).
func CSVRow(fields ...string) string {
	var sb strings.Builder
	cw := csv.NewWriter(&sb)
	cw.Write(fields)
	cw.Flush()
	return strings.TrimSuffix(sb.String(), "\n")
}

// Chunked splits an export into parts of at most max bytes each; the parts are returned.
func Chunked(orders []Order, max int) [][]byte {
	var parts [][]byte
	buf := make([]byte, 0, max)
	for _, o := range orders {
		line := strconv.AppendInt(nil, o.ID, 10)
		line = append(line, ',')
		line = append(line, o.Customer...)
		line = append(line, '\n')
		if len(buf)+len(line) > max && len(buf) > 0 {
			parts = append(parts, buf)
			buf = make([]byte, 0, max)
		}
		buf = append(buf, line...)
	}
	if len(buf) > 0 {
		parts = append(parts, buf)
	}
	return parts
}

// CountCSVRows counts the records of a large CSV file with a reused record.
func CountCSVRows(r io.Reader) (int, error) {
	cr := csv.NewReader(bufio.NewReaderSize(r, 256<<10))
	cr.ReuseRecord = true
	n := 0
	for {
		_, err := cr.Read()
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, err
		}
		n++
	}
}
