package composekit

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// Event is one webhook event; Data stays free-form.
type Event struct {
	ID   string         `json:"id"`
	Type string         `json:"type"`
	Data map[string]any `json:"data"`
}

// Envelope is a batch of events with free-form metadata.
type Envelope struct {
	Events []Event `json:"events"`
	Meta   any     `json:"meta"`
}

// ReadEvent reads one length-bounded event from r.
func ReadEvent(r io.Reader, n int) (Event, error) {
	if n > 4096 {
		return Event{}, errors.New("event too large")
	}
	buf := make([]byte, 4096)
	if _, err := io.ReadFull(r, buf[:n]); err != nil {
		return Event{}, err
	}
	var ev Event
	if err := json.Unmarshal(buf[:n], &ev); err != nil {
		return Event{}, fmt.Errorf("decode event: %w", err)
	}
	return ev, nil
}

// ReadEnvelope reads a batch whose meta may be any JSON value.
func ReadEnvelope(r io.Reader) (*Envelope, error) {
	buf := make([]byte, 8192)
	n, err := io.ReadFull(r, buf)
	if err != nil && err != io.ErrUnexpectedEOF {
		return nil, err
	}
	env := new(Envelope)
	if err := json.Unmarshal(buf[:n], env); err != nil {
		return nil, err
	}
	return env, nil
}

// ReadAny decodes a length-bounded JSON value of any shape.
func ReadAny(r io.Reader) (any, error) {
	buf := make([]byte, 2048)
	n, err := io.ReadFull(r, buf)
	if err != nil && err != io.ErrUnexpectedEOF {
		return nil, err
	}
	var v any
	if err := json.Unmarshal(buf[:n], &v); err != nil {
		return nil, err
	}
	return v, nil
}

// RawEvent keeps its payload undecoded.
type RawEvent struct {
	Type string          `json:"type"`
	Raw  json.RawMessage `json:"raw"`
}

// ReadRaw decodes a RawEvent, whose RawMessage copies the bytes it keeps.
func ReadRaw(r io.Reader) (RawEvent, error) {
	buf := make([]byte, 4096)
	n, err := io.ReadFull(r, buf)
	if err != nil && err != io.ErrUnexpectedEOF {
		return RawEvent{}, err
	}
	var ev RawEvent
	err = json.Unmarshal(buf[:n], &ev)
	return ev, err
}
