package framing

// Decoder collects bytes of the serial stream into frames.
type Decoder struct {
	frame []byte
	max   int
}

// NewDecoder returns a decoder for frames of at most max bytes.
func NewDecoder(max int) *Decoder {
	if max > MaxFrame {
		max = MaxFrame
	}
	d := &Decoder{max: max}
	buf := make([]byte, 0, max)
	d.frame = buf
	return d
}

// Feed adds b to the frame in progress and reports whether a delimiter ended it.
func (d *Decoder) Feed(b []byte) bool {
	for _, c := range b {
		if c == 0 {
			return true
		}
		if len(d.frame) < d.max {
			d.frame = append(d.frame, c)
		}
	}
	return false
}

// HeaderSum sums a frame header whose length byte the link layer extends by a trailer: the guard
// checks the length before the trailer is added.
func HeaderSum(b []byte, trailer int) int {
	if len(b) == 0 {
		return 0
	}
	n := int(b[0])
	if n > 32 {
		return 0
	}
	n += trailer
	hdr := make([]byte, n)
	copy(hdr, b[1:])
	s := 0
	for _, c := range hdr {
		s += int(c)
	}
	return s
}
