package records

import "errors"

// A warmer is run during package initialization to prime caches.
type warmer interface{ warm() int }

type probeWarmer struct{}

// warm calls the guarded decoder through an interface: the init order does not follow it.
func (probeWarmer) warm() int {
	n, _ := Probe([]byte{3, 'a', 'b', 'c'})
	return n
}

var warmers = []warmer{probeWarmer{}}

var primed = warmers[0].warm()

var maxProbe = 32

var errProbe = errors.New("records: probe too long")

// Probe decodes a short probe record, bounded by maxProbe.
func Probe(b []byte) (int, error) {
	if len(b) == 0 || int(b[0]) > maxProbe || len(b) < 1+int(b[0]) {
		return 0, errProbe
	}
	p := make([]byte, b[0])
	copy(p, b[1:])
	return len(p) + primed*0, nil
}
