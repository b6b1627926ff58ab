package probe43

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strconv"
	"strings"
)

// Item is one row of the inventory API.
type Item struct {
	ID    int     `json:"id"`
	Name  string  `json:"name"`
	Price float64 `json:"price"`
	Tags  []string
}

// APIError is the body of every failed response.
type APIError struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

func (e *APIError) Error() string { return strconv.Itoa(e.Code) + " " + e.Message }

// WriteJSON encodes v into a buffer first so a failed encode can still send a 500.
func WriteJSON(w http.ResponseWriter, status int, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		http.Error(w, "encoding failed", http.StatusInternalServerError)
		return err
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
	w.WriteHeader(status)
	_, err := w.Write(buf.Bytes())
	return err
}

// WriteCSV renders items as CSV.
func WriteCSV(w io.Writer, items []Item) error {
	buf := new(bytes.Buffer)
	cw := csv.NewWriter(buf)
	cw.Write([]string{"id", "name", "price"})
	for _, it := range items {
		cw.Write([]string{strconv.Itoa(it.ID), it.Name, strconv.FormatFloat(it.Price, 'f', 2, 64)})
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	_, err := buf.WriteTo(w)
	return err
}

// WriteText is the plain-text listing used by curl users.
func WriteText(w io.Writer, items []Item) error {
	var buf bytes.Buffer
	for _, it := range items {
		fmt.Fprintf(&buf, "%-6d %-20s %8.2f\n", it.ID, it.Name, it.Price)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// ErrorBody returns the JSON body of an error response.
func ErrorBody(code int, msg string) []byte {
	var buf bytes.Buffer
	json.NewEncoder(&buf).Encode(&APIError{Code: code, Message: msg})
	return buf.Bytes()
}

// CacheKey builds the response cache key of a request.
func CacheKey(method, path string, query map[string]string) string {
	keys := make([]string, 0, len(query))
	for k := range query {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var sb strings.Builder
	sb.WriteString(method)
	sb.WriteByte(' ')
	sb.WriteString(path)
	for i, k := range keys {
		if i == 0 {
			sb.WriteByte('?')
		} else {
			sb.WriteByte('&')
		}
		sb.WriteString(k)
		sb.WriteByte('=')
		sb.WriteString(query[k])
	}
	return sb.String()
}

// responseCache keeps rendered bodies.
type responseCache struct {
	bodies map[string]*bytes.Buffer
}

// Render renders items into a buffer the cache keeps.
func (c *responseCache) Render(key string, items []Item) []byte {
	buf := new(bytes.Buffer)
	for _, it := range items {
		fmt.Fprintf(buf, "%d:%s\n", it.ID, it.Name)
	}
	c.bodies[key] = buf
	return buf.Bytes()
}

// StatusLine formats an HTTP/1.1 status line.
func StatusLine(code int) string {
	buf := new(bytes.Buffer)
	fmt.Fprintf(buf, "HTTP/1.1 %d %s\r\n", code, http.StatusText(code))
	return buf.String()
}

// ErrorResponse builds an error, keeping the concrete type for the status.
func ErrorResponse(w http.ResponseWriter, code int, msg string) {
	apiErr := APIError{Code: code, Message: msg}
	var err error = &apiErr
	if sc, ok := err.(interface{ StatusCode() int }); ok {
		code = sc.StatusCode()
	}
	if ae, ok := err.(*APIError); ok {
		http.Error(w, ae.Message, ae.Code)
		return
	}
	http.Error(w, err.Error(), code)
}

// Paginate writes a Link header for the next page.
func Paginate(h http.Header, base string, page, size int) {
	var sb strings.Builder
	fmt.Fprintf(&sb, "<%s?page=%d&size=%d>; rel=\"next\"", base, page+1, size)
	h.Set("Link", sb.String())
}

// Stream writes items as NDJSON, flushing when the writer can.
func Stream(w http.ResponseWriter, items []Item) error {
	buf := new(bytes.Buffer)
	enc := json.NewEncoder(buf)
	for _, it := range items {
		buf.Reset()
		if err := enc.Encode(it); err != nil {
			return err
		}
		if _, err := w.Write(buf.Bytes()); err != nil {
			return err
		}
		if f, ok := w.(http.Flusher); ok {
			f.Flush()
		}
	}
	return nil
}
