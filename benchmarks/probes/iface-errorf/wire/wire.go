// Package wire decodes a small line-oriented protocol: "VERB key value\r\n".
package wire

import (
	"bytes"
	"fmt"
	"io"
	"strings"
)

// Frame is one decoded line.
type Frame struct {
	Verb  string
	Key   string
	Value []byte
}

var verbs = map[string]int{"GET": 1, "SET": 2, "DEL": 1, "PING": 0}

// DecodeLine splits a line into its frame.
func DecodeLine(line []byte) (Frame, error) {
	line, ok := bytes.CutSuffix(line, []byte("\r\n"))
	if !ok {
		return Frame{}, fmt.Errorf("wire: line %q does not end in CRLF", line)
	}
	fields := strings.Fields(string(line))
	if len(fields) == 0 {
		return Frame{}, fmt.Errorf("wire: empty line")
	}
	verb := fields[0]
	want, known := verbs[verb]
	if !known {
		return Frame{}, fmt.Errorf("wire: unknown verb %s", verb)
	}
	if len(fields)-1 < want {
		return Frame{}, fmt.Errorf("wire: %s wants %d operands", verb, want)
	}
	f := Frame{Verb: verb}
	if want > 0 {
		f.Key = fields[1]
	}
	if len(fields) > 2 {
		f.Value = []byte(fields[2])
	}
	return f, nil
}

// CheckKey rejects keys the store cannot hold.
func CheckKey(verb, key string) error {
	if strings.ContainsAny(key, " \t") {
		return fmt.Errorf("wire: %s: key %s holds whitespace", verb, key)
	}
	if len(key) > 250 {
		return fmt.Errorf("wire: %s: key of %d bytes is too long", verb, len(key))
	}
	return nil
}

// CheckValue rejects a value that is not printable.
func CheckValue(key string, value []byte) error {
	if bytes.IndexByte(value, 0) >= 0 {
		return fmt.Errorf("wire: value of %s holds NUL: %s", key, value)
	}
	return nil
}

// ReadHello reads the greeting a server sends first.
func ReadHello(r io.Reader, want string) error {
	buf := make([]byte, 64)
	n, err := r.Read(buf)
	if err != nil {
		return fmt.Errorf("wire: read hello: %w", err)
	}
	got := string(bytes.TrimSpace(buf[:n]))
	if got != want {
		return fmt.Errorf("wire: hello %s, want %s", got, want)
	}
	return nil
}

// Reply decodes a server's status line.
func Reply(status string) error {
	code, msg, _ := strings.Cut(status, " ")
	switch code {
	case "+OK":
		return nil
	case "-ERR":
		return fmt.Errorf("wire: server error: %s", msg)
	}
	return fmt.Errorf("wire: bad status line %s", status)
}

// Expect checks a frame's verb.
func (f *Frame) Expect(verb string) error {
	if f.Verb != verb {
		return fmt.Errorf("wire: got %s frame, want %s", f.Verb, verb)
	}
	return nil
}

// Trace formats a frame for a debug log; the error never leaves the function.
func Trace(f Frame) string {
	err := fmt.Errorf("%s %s", f.Verb, f.Key)
	return err.Error()
}

// Framed wraps a decode error with the frame's position.
func Framed(at string, err error) error {
	return fmt.Errorf("wire: frame at %s: %w", at, err)
}
