// Package jsonl streams records as JSON lines through a bufio.Writer, flushed once: the encoder
// writes each line to the bufio.Writer, which hands the caller's writer full 4 KiB blocks.
package jsonl

import (
	"bufio"
	"encoding/json"
	"io"
)

// Record is one line of the stream.
type Record struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
}

// Write encodes each record on a line of its own.
func Write(w io.Writer, records []Record) error {
	bw := bufio.NewWriter(w) // want "make\\(\\[\\]byte, bufio.size\\) escapes to heap"
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for _, r := range records {
		if err := enc.Encode(r); err != nil {
			return err
		}
	}
	return bw.Flush()
}
