// Package flush flushes a writer when it supports flushing.
package flush

type plain struct{ n int }

func (p *plain) Write(b []byte) (int, error) {
	p.n += len(b)
	return len(b), nil
}

type flusher interface{ Flush() error }

type target struct {
	name string
	w    any
}

// Send writes b and flushes when the target can.
func Send(b []byte) (string, error) {
	p := plain{} // want "moved to heap: p" // declined "is not of a type the assertion to flusher takes"
	t := target{name: "plain", w: &p}
	var err error
	if f, ok := t.w.(flusher); ok {
		err = f.Flush()
	}
	return t.name, err
}
