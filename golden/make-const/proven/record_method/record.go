// Package record reads the fragments of a TLS-like record layer.
package record

// ContentType tags a record.
type ContentType uint8

const (
	Handshake ContentType = 22
	AppData   ContentType = 23
)

// maxFragment is the largest fragment this layer accepts from a peer.
const maxFragment = 200

// header is a record's header as it arrived.
type header struct {
	typ    ContentType
	length uint16
}

// fragmentLen is how many payload bytes the layer reads for h: the length it announces, at most
// maxFragment (the rest is skipped by the caller).
func (h *header) fragmentLen() int { return min(int(h.length), maxFragment) }

// Digest copies the record's fragment out of the wire bytes and folds it into a checksum. The
// fragment is sized by a method of *header whose one return is at most maxFragment.
func Digest(h *header, wire []byte) uint32 {
	frag := make([]byte, h.fragmentLen()) // want(<go1.25) "escapes to heap" want(>=go1.25) "does not escape"
	copy(frag, wire)
	var sum uint32
	for _, b := range frag {
		sum = sum*16777619 ^ uint32(b)
	}
	return sum ^ uint32(h.typ)
}
