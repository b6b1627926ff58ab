// Package logline formats slog records as logfmt lines and streams events in the server-sent events
// format: each line is built in a fixed-capacity []byte by append-style calls (std's Append functions,
// the package's own), then written once to the caller's io.Writer.
package logline

import (
	"context"
	"io"
	"log/slog"
	"strconv"
	"sync"
	"time"
)

// Handler writes one logfmt line per record.
type Handler struct {
	mu *sync.Mutex
	w  io.Writer
}

// New returns a handler writing to w.
func New(w io.Writer) *Handler { return &Handler{mu: new(sync.Mutex), w: w} }

func (h *Handler) Enabled(context.Context, slog.Level) bool { return true }
func (h *Handler) WithAttrs([]slog.Attr) slog.Handler       { return h }
func (h *Handler) WithGroup(string) slog.Handler            { return h }

// Handle formats r into one line: the time, the level, the message, then each attribute, appended from
// the callback r.Attrs calls for each.
func (h *Handler) Handle(_ context.Context, r slog.Record) error {
	buf := make([]byte, 0, 1024) // want "make\\(\\[\\]byte, 0, 1024\\) escapes to heap"
	if !r.Time.IsZero() {
		buf = append(buf, "time="...)
		buf = r.Time.UTC().AppendFormat(buf, time.RFC3339Nano)
		buf = append(buf, ' ')
	}
	buf = append(buf, "level="...)
	buf = append(buf, r.Level.String()...)
	buf = appendField(buf, "msg", r.Message)
	r.Attrs(func(a slog.Attr) bool {
		buf = appendAttr(buf, "", a)
		return true
	})
	buf = append(buf, '\n')
	h.mu.Lock()
	defer h.mu.Unlock()
	_, err := h.w.Write(buf)
	return err
}

// appendAttr appends ` key=value`, a group's attributes with their keys prefixed.
func appendAttr(dst []byte, prefix string, a slog.Attr) []byte {
	v := a.Value.Resolve()
	if v.Kind() == slog.KindGroup {
		for _, ga := range v.Group() {
			dst = appendAttr(dst, prefix+a.Key+".", ga)
		}
		return dst
	}
	switch v.Kind() {
	case slog.KindInt64:
		dst = append(dst, ' ')
		dst = append(dst, prefix...)
		dst = append(dst, a.Key...)
		dst = append(dst, '=')
		return strconv.AppendInt(dst, v.Int64(), 10)
	case slog.KindBool:
		dst = append(dst, ' ')
		dst = append(dst, prefix...)
		dst = append(dst, a.Key...)
		dst = append(dst, '=')
		return strconv.AppendBool(dst, v.Bool())
	}
	return appendField(dst, prefix+a.Key, v.String())
}

// appendField appends ` key=value`, the value quoted when it needs to be.
func appendField(dst []byte, key, value string) []byte {
	dst = append(dst, ' ')
	dst = append(dst, key...)
	dst = append(dst, '=')
	if needsQuote(value) {
		return strconv.AppendQuote(dst, value)
	}
	return append(dst, value...)
}

func needsQuote(s string) bool {
	if s == "" {
		return true
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c <= ' ' || c == '=' || c == '"' || c >= 0x7f {
			return true
		}
	}
	return false
}

// Event is one server-sent event.
type Event struct {
	ID, Data string
}

// AppendEvent appends ev's wire form to dst.
func AppendEvent(dst []byte, ev Event) []byte {
	if ev.ID != "" {
		dst = append(dst, "id: "...)
		dst = append(dst, ev.ID...)
		dst = append(dst, '\n')
	}
	dst = append(dst, "data: "...)
	dst = append(dst, ev.Data...)
	return append(dst, '\n', '\n')
}

// Stream writes each event of events to w, one Write each, reusing one buffer.
func Stream(w io.Writer, events []Event) error {
	buf := make([]byte, 0, 512) // want "make\\(\\[\\]byte, 0, 512\\) escapes to heap"
	for _, ev := range events {
		buf = AppendEvent(buf[:0], ev)
		if _, err := w.Write(buf); err != nil {
			return err
		}
	}
	return nil
}
