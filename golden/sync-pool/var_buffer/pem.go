// Package pemlite encodes one PEM block, the way encoding/pem's EncodeToMemory does.
package pemlite

import (
	"bytes"
	"encoding/base64"
	"fmt"
)

// Encode writes the block's header line, its base64 body in 64-column lines and its footer.
func Encode(kind string, body []byte) string {
	var buf bytes.Buffer // want "moved to heap: buf"
	fmt.Fprintf(&buf, "-----BEGIN %s-----\n", kind)
	enc := base64.StdEncoding.EncodeToString(body)
	for len(enc) > 64 {
		buf.WriteString(enc[:64])
		buf.WriteByte('\n')
		enc = enc[64:]
	}
	if enc != "" {
		buf.WriteString(enc)
		buf.WriteByte('\n')
	}
	fmt.Fprintf(&buf, "-----END %s-----\n", kind)
	return buf.String()
}
