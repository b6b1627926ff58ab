// Package event encodes events as JSON lines for a log shipper.
package event

import (
	"bytes"
	"encoding/json"
)

// Event is one log record.
type Event struct {
	Level string `json:"level"`
	Msg   string `json:"msg"`
}

// Line encodes e as one JSON line; the encoder is fresh per call and dies with it.
func Line(e Event) (string, error) {
	buf := new(bytes.Buffer) // want "new\\(bytes.Buffer\\) escapes to heap"
	if err := json.NewEncoder(buf).Encode(e); err != nil {
		return "", err
	}
	return buf.String(), nil
}
