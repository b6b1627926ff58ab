// Package export writes records as CSV-like lines through a buffered writer and small helpers.
package export

import (
	"bufio"
	"io"
	"strconv"
)

// Record is one exported row.
type Record struct {
	ID    int
	Name  string
	Score float64
}

// Write writes a header and one line per record, buffered, and flushes once.
func Write(w io.Writer, records []Record) error {
	bw := bufio.NewWriter(w) // want "make\\(\\[\\]byte, bufio.size\\) escapes to heap"
	writeHeader(bw)
	for _, r := range records {
		writeRecord(bw, r)
	}
	return bw.Flush()
}

func writeHeader(bw *bufio.Writer) {
	bw.WriteString("id,name,score\n")
}

func writeRecord(w io.Writer, r Record) {
	var line []byte
	line = strconv.AppendInt(line, int64(r.ID), 10)
	line = append(line, ',')
	line = append(line, r.Name...)
	line = append(line, ',')
	line = strconv.AppendFloat(line, r.Score, 'f', 2, 64)
	line = append(line, '\n')
	w.Write(line)
}
