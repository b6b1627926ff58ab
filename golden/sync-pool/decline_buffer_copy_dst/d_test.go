package slurp

import (
	"io"
	"testing"
)

// tail is a reader whose WriteTo remembers its destination, to append a trailer later.
type tail struct {
	body string
	dst  io.Writer
}

func (t *tail) Read(p []byte) (int, error) { return 0, io.EOF }

func (t *tail) WriteTo(w io.Writer) (int64, error) {
	t.dst = w
	n, err := io.WriteString(w, t.body)
	return int64(n), err
}

func (t *tail) Trailer() { io.WriteString(t.dst, "-- end") }

func TestAll(t *testing.T) {
	first := &tail{body: "one"}
	got, err := All(first)
	if err != nil || got != "one" {
		t.Fatalf("All = %q, %v", got, err)
	}
	first.Trailer() // writes into the buffer All used, long after All returned
	if got, _ := All(&tail{body: "two"}); got != "two" {
		t.Fatalf("the second All read %q: the first reader's trailer reached its buffer", got)
	}
}
