// Package events reads the batches a webhook delivers: each event's data and the batch's metadata stay free-form.
package events

import (
	"encoding/json"
	"errors"
	"io"
)

// Event is one delivered event; Data holds whatever the sender put there.
type Event struct {
	ID   string         `json:"id"`
	Type string         `json:"type"`
	Data map[string]any `json:"data"`
}

// Batch is one delivery.
type Batch struct {
	Events []Event `json:"events"`
	Meta   any     `json:"meta"`
}

var errTooLong = errors.New("events: batch longer than 8 KiB")

// ReadBatch reads a batch of at most 8 KiB into a scratch and decodes it into a fresh Batch: its interfaces start
// nil, and json fills them with its own maps, slices, strings, numbers and bools, which copy what they keep.
func ReadBatch(r io.Reader) (*Batch, error) {
	buf := make([]byte, 8192) // want "make\\(\\[\\]byte, 8192\\) escapes to heap"
	n, err := io.ReadFull(r, buf)
	switch {
	case err == nil:
		return nil, errTooLong
	case err != io.ErrUnexpectedEOF:
		return nil, err
	}
	b := new(Batch)
	if err := json.Unmarshal(buf[:n], b); err != nil {
		return nil, err
	}
	return b, nil
}
