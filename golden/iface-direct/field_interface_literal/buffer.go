// Package buffer batches log lines and flushes them through an anonymous flusher contract.
package buffer

type lineBuffer struct {
	lines []string
	sent  int
}

func (b *lineBuffer) Flush() error {
	b.sent += len(b.lines)
	b.lines = b.lines[:0]
	return nil
}

type output struct {
	name string
	dest any
}

// Drain flushes the given lines once and reports how many went out.
func Drain(lines []string) (int, error) {
	buf := lineBuffer{lines: lines} // want "moved to heap: buf"
	out := output{name: "stderr", dest: &buf}
	_ = out.name
	if err := out.dest.(interface{ Flush() error }).Flush(); err != nil {
		return 0, err
	}
	return buf.sent, nil
}
