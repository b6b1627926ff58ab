package httplog

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"io"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"sort"
	"strings"
	"time"
)

// Upload builds a multipart form with one file and sends it (the request keeps the body).
func (c *Client) Upload(path, field, filename string, content io.Reader) (*http.Response, error) {
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	part, err := mw.CreateFormFile(field, filename)
	if err != nil {
		return nil, err
	}
	if _, err := io.Copy(part, content); err != nil {
		return nil, err
	}
	if err := mw.Close(); err != nil {
		return nil, err
	}
	req, err := http.NewRequest(http.MethodPost, c.BaseURL+path, &body)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return c.HTTP.Do(req)
}

// StreamUpload streams the multipart body through a pipe written by a goroutine.
func StreamUpload(url, field, filename string, content io.Reader) (*http.Request, error) {
	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	go func() {
		part, err := mw.CreateFormFile(field, filename)
		if err == nil {
			buf := make([]byte, 32*1024)
			_, err = io.CopyBuffer(part, content, buf)
		}
		if err == nil {
			err = mw.Close()
		}
		pw.CloseWithError(err)
	}()
	req, err := http.NewRequest(http.MethodPost, url, pr)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return req, nil
}

// WriteForm writes a multipart form of fields to w (for a raw connection or a
// file spool) and returns its content type.
func WriteForm(w io.Writer, boundary string, fields map[string]string) (string, error) {
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	if err := mw.SetBoundary(boundary); err != nil {
		return "", err
	}
	keys := make([]string, 0, len(fields))
	for k := range fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if err := mw.WriteField(k, fields[k]); err != nil {
			return "", err
		}
	}
	if err := mw.Close(); err != nil {
		return "", err
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return "", err
	}
	return mw.FormDataContentType(), nil
}

// PartHeader renders a part's MIME header for a debug dump.
func PartHeader(h textproto.MIMEHeader) string {
	keys := make([]string, 0, len(h))
	for k := range h {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b bytes.Buffer
	for _, k := range keys {
		fmt.Fprintf(&b, "%s: %s\r\n", k, strings.Join(h[k], ", "))
	}
	return b.String()
}

// BodyHash is the hex SHA-256 of a body read in 32 KiB chunks.
func BodyHash(r io.Reader) (string, error) {
	h := sha256.New()
	buf := make([]byte, 32*1024)
	if _, err := io.CopyBuffer(h, r, buf); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// Signer signs requests with HMAC-SHA256 over a canonical request.
type Signer struct {
	KeyID  string
	Secret []byte
	Now    func() time.Time
}

// CanonicalRequest is method\npath\nsorted query\nsorted signed headers\nbody hash.
func CanonicalRequest(req *http.Request, signed []string, bodyHash string) string {
	var buf bytes.Buffer
	buf.WriteString(req.Method)
	buf.WriteByte('\n')
	buf.WriteString(req.URL.EscapedPath())
	buf.WriteByte('\n')
	buf.WriteString(req.URL.Query().Encode())
	buf.WriteByte('\n')
	for _, h := range signed {
		fmt.Fprintf(&buf, "%s:%s\n", strings.ToLower(h), strings.TrimSpace(req.Header.Get(h)))
	}
	buf.WriteString(bodyHash)
	return buf.String()
}

// Sign sets the Authorization header: the canonical request is built into a
// buffer and fed to the MAC, which copies what it is given.
func (s *Signer) Sign(req *http.Request, bodyHash string) {
	ts := s.Now().UTC().Format("20060102T150405Z")
	req.Header.Set("X-Date", ts)
	signed := []string{"host", "x-date"}
	if req.Header.Get("Host") == "" {
		req.Header.Set("Host", req.URL.Host)
	}
	var buf bytes.Buffer
	buf.WriteString(ts)
	buf.WriteByte('\n')
	buf.WriteString(CanonicalRequest(req, signed, bodyHash))
	mac := hmac.New(sha256.New, s.Secret)
	mac.Write(buf.Bytes())
	sig := hex.EncodeToString(mac.Sum(nil))
	req.Header.Set("Authorization", fmt.Sprintf("HMAC-SHA256 Credential=%s, SignedHeaders=%s, Signature=%s",
		s.KeyID, strings.Join(signed, ";"), sig))
}

// Sum writes the string to sign straight into the MAC with Fprintf.
func (s *Signer) Sum(method, path, date string, bodyHash string) string {
	mac := hmac.New(sha256.New, s.Secret)
	fmt.Fprintf(mac, "%s\n%s\n%s\n%s", method, path, date, bodyHash)
	return hex.EncodeToString(mac.Sum(nil))
}

// MacOf feeds a canonical line to any hash through a scratch buffer.
func MacOf(h hash.Hash, method, path string) []byte {
	var line bytes.Buffer
	line.WriteString(method)
	line.WriteByte(' ')
	line.WriteString(path)
	h.Write(line.Bytes())
	return h.Sum(nil)
}

// Verify checks a webhook signature: HMAC over "timestamp.body" read from r.
func Verify(secret []byte, ts string, r io.Reader, sigHex string) (bool, error) {
	mac := hmac.New(sha256.New, secret)
	io.WriteString(mac, ts)
	mac.Write([]byte{'.'})
	chunk := make([]byte, 16*1024)
	if _, err := io.CopyBuffer(mac, r, chunk); err != nil {
		return false, err
	}
	want, err := hex.DecodeString(sigHex)
	if err != nil {
		return false, err
	}
	return hmac.Equal(mac.Sum(nil), want), nil
}

// SignBody signs a JSON payload it encodes into a pooled-looking buffer and
// returns the buffer's bytes for the request body (kept by the caller).
func (s *Signer) SignBody(payload any) ([]byte, string, error) {
	var buf bytes.Buffer
	if err := jsonEncode(&buf, payload); err != nil {
		return nil, "", err
	}
	mac := hmac.New(sha256.New, s.Secret)
	mac.Write(buf.Bytes())
	return buf.Bytes(), hex.EncodeToString(mac.Sum(nil)), nil
}
