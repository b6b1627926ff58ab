// Package wire appends length-prefixed messages to the caller's slice, AppendText style: each
// message is formatted into a scratch buffer first, for its length, then copied after the prefix.
package wire

import (
	"bytes"
	"encoding/binary"
	"fmt"
)

// AppendMessage appends the uvarint length of "topic#seq: body" and the text itself to dst.
func AppendMessage(dst []byte, topic string, seq int, body string) []byte {
	buf := new(bytes.Buffer) // want "new\\(bytes.Buffer\\) escapes to heap"
	fmt.Fprintf(buf, "%s#%d: %s", topic, seq, body)
	dst = binary.AppendUvarint(dst, uint64(buf.Len()))
	return append(dst, buf.Bytes()...)
}
