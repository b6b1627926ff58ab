// Package ruler draws rulers; its logger's Fatalf only records the message (tests swap it in).
package ruler

const maxWidth = 120

// recorder is the package's logger: Fatalf records the message and returns.
type recorder struct{ lines []string }

// Fatalf records a fatal message without exiting.
func (r *recorder) Fatalf(format string, args ...any) { r.lines = append(r.lines, format) }

var log = &recorder{}

// Ruler draws a ruler of n dashes: log.Fatalf here returns, so n may exceed maxWidth.
func Ruler(n int) int {
	if n > maxWidth {
		log.Fatalf("ruler: %d dashes is wider than %d", n, maxWidth)
	}
	dashes := make([]byte, n) // want(<go1.25) "make\\(\\[\\]byte, n\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]byte, n\\) does not escape" // declined "speculative"
	for i := range dashes {
		dashes[i] = '-'
	}
	return len(dashes) + int(dashes[0])
}
