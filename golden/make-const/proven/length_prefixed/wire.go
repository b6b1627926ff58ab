// Package wire decodes the length-prefixed fields of a binary protocol.
package wire

import "errors"

var (
	errShort   = errors.New("wire: field runs past the message")
	errControl = errors.New("wire: control byte in a field")
)

// Field returns the field at off, one length byte then that many bytes, with its ASCII letters
// lower-cased (a control byte is an error), and the offset after it. The length is a byte's value,
// so at most 255: the scratch copy fits a stack array whatever the message says. (Too costly to
// inline as written: the rewrite costs no caller a copy of its body.)
func Field(msg []byte, off int) (string, int, error) {
	if off < 0 || off >= len(msg) {
		return "", 0, errShort
	}
	n := int(msg[off])
	field := make([]byte, n) // want(<go1.25) "escapes to heap" want(>=go1.25) "does not escape"
	if copy(field, msg[off+1:]) < n {
		return "", 0, errShort
	}
	for i, c := range field {
		switch {
		case c < ' ' || c == 0x7f:
			return "", 0, errControl
		case 'A' <= c && c <= 'Z':
			field[i] = c + 'a' - 'A'
		}
	}
	return string(field), off + 1 + n, nil
}
