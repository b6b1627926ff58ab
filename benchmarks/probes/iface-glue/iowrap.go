package glue

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"strings"
)

// countingReader counts bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// sink discards and counts.
type sink struct{ n int64 }

func (s *sink) Write(p []byte) (int, error) { s.n += int64(len(p)); return len(p), nil }

func (s *sink) ReadFrom(r io.Reader) (int64, error) {
	var buf [512]byte
	var total int64
	for {
		n, err := r.Read(buf[:])
		total += int64(n)
		s.n += int64(n)
		if err == io.EOF {
			return total, nil
		}
		if err != nil {
			return total, err
		}
	}
}

// Drain copies src into a counting sink, using ReaderFrom when the sink has it.
func Drain(src string) int64 {
	var s sink
	var w io.Writer = &s
	r := strings.NewReader(src)
	if rf, ok := w.(io.ReaderFrom); ok {
		n, _ := rf.ReadFrom(r)
		return n
	}
	n, _ := io.Copy(w, r)
	return n
}

// CountBytes copies through a counting wrapper; io.Copy keeps both as interfaces (they escape).
func CountBytes(src string) int64 {
	cr := countingReader{r: strings.NewReader(src)}
	var out bytes.Buffer
	io.Copy(&out, &cr)
	return cr.n
}

// Fast reports whether a reader can write itself out, as io.Copy would ask.
func Fast(data string) bool {
	br := bytes.NewBufferString(data)
	pipe := struct {
		name string
		src  io.Reader
	}{name: "buf", src: br}
	_, ok := pipe.src.(io.WriterTo)
	return ok && pipe.name != ""
}

// notFound is a typed error.
type notFound struct{ key string }

func (e *notFound) Error() string { return e.key + " not found" }

// Missing reports whether err wraps a notFound, via errors.As into a local target.
func Missing(err error) (string, bool) {
	var nf *notFound
	if errors.As(err, &nf) {
		return nf.key, true
	}
	return "", false
}

// PathOf extracts the path of a *fs.PathError.
func PathOf(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Path
	}
	return ""
}

// timeoutErr is a temporary network-style error.
type timeoutErr struct{ op string }

func (e timeoutErr) Error() string   { return e.op + ": timeout" }
func (e timeoutErr) Timeout() bool   { return true }
func (e timeoutErr) Temporary() bool { return true }

// Retryable classifies a locally made error by its optional methods.
func Retryable(op string) bool {
	te := timeoutErr{op: op}
	var err error = te
	if t, ok := err.(interface{ Timeout() bool }); ok && t.Timeout() {
		return true
	}
	return false
}

// result carries an error in an any field, as a worker's reply would.
type result struct {
	id  int
	err any
}

// ReplyText renders a reply whose error was boxed in the result.
func ReplyText(id int, key string) string {
	nf := notFound{key: key}
	res := result{id: id, err: &nf}
	if e, ok := res.err.(error); ok {
		return e.Error()
	}
	return "ok"
}

// OpenOrStdin returns the named file, or stdin for "-": the file is returned (escapes).
func OpenOrStdin(name string) (io.ReadCloser, error) {
	if name == "-" {
		return io.NopCloser(os.Stdin), nil
	}
	return os.Open(name)
}

// Sizes reports the lengths of the readers given, asking each for Len when it has one.
func Sizes(rs ...io.Reader) []int {
	out := make([]int, 0, len(rs))
	for _, r := range rs {
		if l, ok := r.(interface{ Len() int }); ok {
			out = append(out, l.Len())
		} else {
			out = append(out, -1)
		}
	}
	return out
}
