package exportkit

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
)

// Problem is an RFC 7807 problem document.
type Problem struct {
	Type   string `json:"type,omitempty"`
	Title  string `json:"title"`
	Status int    `json:"status"`
	Detail string `json:"detail,omitempty"`
}

// RespondJSON encodes v first, so a failing encode can still send a 500,
// and sets Content-Length from the encoded size.
func RespondJSON(w http.ResponseWriter, status int, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		http.Error(w, "encoding failed", http.StatusInternalServerError)
		return err
	}
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(buf.Len()))
	w.WriteHeader(status)
	_, err := buf.WriteTo(w)
	return err
}

// RespondProblem writes a problem document.
func RespondProblem(w http.ResponseWriter, status int, detail string) {
	b, err := json.Marshal(Problem{Title: http.StatusText(status), Status: status, Detail: detail})
	if err != nil {
		status = http.StatusInternalServerError
		b = []byte(`{"title":"Internal Server Error","status":500}`)
	}
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(status)
	w.Write(b)
}

// RespondIndented pretty-prints for humans (?pretty=1).
func RespondIndented(w http.ResponseWriter, r *http.Request, v any) error {
	buf := &bytes.Buffer{}
	enc := json.NewEncoder(buf)
	if r.URL.Query().Get("pretty") != "" {
		enc.SetIndent("", "  ")
	}
	if err := enc.Encode(v); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/json")
	_, err := w.Write(buf.Bytes())
	return err
}

// RespondGzip compresses the JSON body when the client accepts it.
func RespondGzip(w http.ResponseWriter, r *http.Request, v any) error {
	if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
		return RespondJSON(w, http.StatusOK, v)
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Encoding", "gzip")
	gz := gzip.NewWriter(w)
	if err := json.NewEncoder(gz).Encode(v); err != nil {
		gz.Close()
		return err
	}
	return gz.Close()
}

// Item is one row of a listing.
type Item struct {
	ID    int64   `json:"id"`
	Name  string  `json:"name"`
	Price float64 `json:"price"`
}

// StreamNDJSON writes items as newline-delimited JSON through a large buffered writer.
func StreamNDJSON(w http.ResponseWriter, items []Item) error {
	w.Header().Set("Content-Type", "application/x-ndjson")
	bw := bufio.NewWriterSize(w, 64<<10)
	enc := json.NewEncoder(bw)
	for i := range items {
		if err := enc.Encode(&items[i]); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// ListHandler serves a page of items with an X-Total-Count header.
func ListHandler(list func(offset, limit int) ([]Item, int, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		offset, _ := strconv.Atoi(r.URL.Query().Get("offset"))
		items, total, err := list(offset, 50)
		if err != nil {
			RespondProblem(w, http.StatusInternalServerError, err.Error())
			return
		}
		buf := new(bytes.Buffer)
		buf.WriteString(`{"items":[`)
		for i, it := range items {
			if i > 0 {
				buf.WriteByte(',')
			}
			fmt.Fprintf(buf, `{"id":%d,"name":%q,"price":%.2f}`, it.ID, it.Name, it.Price)
		}
		buf.WriteString("]}\n")
		w.Header().Set("X-Total-Count", strconv.Itoa(total))
		w.Header().Set("Content-Type", "application/json")
		io.Copy(w, buf)
	}
}

// CachedResponder keeps the last rendered body for conditional requests.
type CachedResponder struct {
	etag string
	body *bytes.Buffer
}

// Render encodes v and keeps the buffer: must not be pooled.
func (c *CachedResponder) Render(v any) (string, error) {
	buf := new(bytes.Buffer)
	if err := json.NewEncoder(buf).Encode(v); err != nil {
		return "", err
	}
	c.body = buf
	c.etag = fmt.Sprintf(`"%x"`, len(buf.Bytes()))
	return c.etag, nil
}
