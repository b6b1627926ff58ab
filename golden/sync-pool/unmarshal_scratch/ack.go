// Package ack reads the acknowledgement a chat service sends back for each message posted to its webhook.
package ack

import (
	"encoding/json"
	"errors"
	"io"
	"time"
)

// Ack is what the service answers.
type Ack struct {
	OK      bool              `json:"ok"`
	Error   string            `json:"error,omitempty"`
	TS      string            `json:"ts"`
	At      time.Time         `json:"at"`
	Meta    json.RawMessage   `json:"meta,omitempty"`
	Retries map[string]int    `json:"retries,omitempty"`
	Warn    []json.RawMessage `json:"warnings,omitempty"`
}

var errTooLong = errors.New("ack: answer longer than 4 KiB")

// ReadAck reads an answer of at most 4 KiB into a scratch and decodes it: json copies what it keeps, and the
// decoding methods Ack reaches (time.Time's and RawMessage's) keep nothing of the bytes.
func ReadAck(r io.Reader) (Ack, error) {
	var ack Ack
	buf := make([]byte, 4096) // want "make\\(\\[\\]byte, 4096\\) escapes to heap"
	n, err := io.ReadFull(r, buf)
	switch {
	case err == nil:
		return ack, errTooLong
	case err != io.ErrUnexpectedEOF:
		return ack, err
	}
	err = json.Unmarshal(buf[:n], &ack)
	return ack, err
}
