package gateway

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"encoding/json"
	"io"
	"net/http"
)

// Envelope wraps an upstream payload for the public API.
type Envelope struct {
	Data      json.RawMessage `json:"data"`
	RequestID string          `json:"request_id"`
	Status    int             `json:"status"`
}

// WriteEnvelope wraps a payload and writes it to the client.
func WriteEnvelope(w http.ResponseWriter, status int, id string, payload []byte) error {
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(Envelope{Data: payload, RequestID: id, Status: status}); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, err := w.Write(buf.Bytes())
	return err
}

// EnvelopeString renders an envelope for the error page.
func EnvelopeString(id string, status int) (string, error) {
	buf := new(bytes.Buffer)
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(Envelope{Data: json.RawMessage("null"), RequestID: id, Status: status}); err != nil {
		return "", err
	}
	return buf.String(), nil
}

// EnvelopeBytes renders an envelope and returns its bytes to the caller, who writes them later: must stay allocated.
func EnvelopeBytes(id string, payload []byte) ([]byte, error) {
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(Envelope{Data: payload, RequestID: id}); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Gzip re-encodes an upstream body as gzip for a client that accepts it.
func Gzip(w io.Writer, body []byte) error {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(body); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// GzipSize reports how large the gzip'd body would be, to decide whether compression pays.
func GzipSize(body []byte) (int, error) {
	buf := new(bytes.Buffer)
	zw, err := gzip.NewWriterLevel(buf, gzip.BestSpeed)
	if err != nil {
		return 0, err
	}
	if _, err := zw.Write(body); err != nil {
		return 0, err
	}
	if err := zw.Close(); err != nil {
		return 0, err
	}
	return buf.Len(), nil
}

// Deflate re-encodes a body with raw deflate.
func Deflate(w io.Writer, body []byte) error {
	var buf bytes.Buffer
	fw, err := flate.NewWriter(&buf, flate.DefaultCompression)
	if err != nil {
		return err
	}
	fw.Write(body)
	fw.Close()
	_, err = buf.WriteTo(w)
	return err
}

// Gunzip decodes a gzip'd upstream body through a scratch buffer into w.
func Gunzip(w io.Writer, r io.Reader) (int64, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return 0, err
	}
	defer zr.Close()
	buf := make([]byte, copyChunk)
	return io.CopyBuffer(w, zr, buf)
}

// CachedGzip keeps the compressed body for the response cache: the bytes are returned, must stay allocated.
func CachedGzip(body []byte) []byte {
	buf := new(bytes.Buffer)
	zw := gzip.NewWriter(buf)
	zw.Write(body)
	zw.Close()
	return buf.Bytes()
}
