// Package record stores names in fixed-width record fields and indexes them upper-cased.
package record

const nameWidth = 40

// Record is one fixed-size row: the name's bytes, cut to the field, and how many are set.
type Record struct {
	Name    [nameWidth]byte
	NameLen uint8
}

// SetName stores name cut to the 40-byte field and returns the stored part upper-cased, the key
// the index files it under. copy moves at most len(r.Name[:]) bytes, so n is at most 40.
func (r *Record) SetName(name string) string {
	n := copy(r.Name[:], name)
	r.NameLen = uint8(n)
	key := make([]byte, n) // want(<go1.25) "make\\(\\[\\]byte, n\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]byte, n\\) does not escape"
	for i, c := range r.Name[:n] {
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		key[i] = c
	}
	return string(key)
}
