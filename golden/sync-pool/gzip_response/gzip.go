// Package gzipresp compresses an HTTP response body in memory first, so a compression error
// leaves the response untouched and the Content-Length is known before the headers go out.
package gzipresp

import (
	"bytes"
	"compress/gzip"
	"net/http"
	"strconv"
)

// Write gzips body into a buffer, then sends it with its length; the gzip writer is closed before
// the buffer is read and dies with the call.
func Write(w http.ResponseWriter, status int, body []byte) error {
	var buf bytes.Buffer // want "moved to heap: buf"
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(body); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	w.Header().Set("Content-Encoding", "gzip")
	w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
	w.WriteHeader(status)
	_, err := w.Write(buf.Bytes())
	return err
}
