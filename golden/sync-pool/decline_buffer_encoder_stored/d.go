// Package encstored keeps the encoder of the latest render for later appends.
package encstored

import (
	"bytes"
	"encoding/json"
)

// last encodes later values into the latest render's buffer.
var last *json.Encoder

// Render encodes v and keeps the encoder: Append writes into the same buffer.
func Render(v any) string {
	buf := new(bytes.Buffer) // want "new\\(bytes.Buffer\\) escapes to heap" // declined "is passed to json.NewEncoder, which keeps it in what it returns, and that is held by enc, which is used as a value on line 17: it may outlive the call"
	enc := json.NewEncoder(buf)
	enc.Encode(v)
	last = enc
	return buf.String()
}

// Append encodes v after the latest render.
func Append(v any) { last.Encode(v) }
