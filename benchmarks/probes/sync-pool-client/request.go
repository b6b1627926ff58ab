package httplog

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Client is a small JSON API client with retries.
type Client struct {
	HTTP    *http.Client
	BaseURL string
	Token   string
	Retries int
	Backoff time.Duration
	Log     *Logger
}

// PostJSON encodes v as the request body: the request keeps the buffer.
func (c *Client) PostJSON(ctx context.Context, path string, v any) (*http.Response, error) {
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(v); err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.BaseURL+path, &buf)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	return c.HTTP.Do(req)
}

// DoRetry sends body up to c.Retries+1 times, replaying it for each attempt.
func (c *Client) DoRetry(ctx context.Context, method, path string, body []byte) (*http.Response, error) {
	var lastErr error
	for attempt := 0; attempt <= c.Retries; attempt++ {
		req, err := http.NewRequestWithContext(ctx, method, c.BaseURL+path, bytes.NewReader(body))
		if err != nil {
			return nil, err
		}
		resp, err := c.HTTP.Do(req)
		if err == nil && resp.StatusCode < 500 {
			return resp, nil
		}
		if err == nil {
			resp.Body.Close()
			lastErr = fmt.Errorf("status %d", resp.StatusCode)
		} else {
			lastErr = err
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(c.Backoff << attempt):
		}
	}
	return nil, lastErr
}

// BuildQuery renders params sorted, as url.Values.Encode does, into a Builder.
func BuildQuery(base string, params url.Values) string {
	var sb strings.Builder
	sb.WriteString(base)
	if len(params) > 0 {
		sb.WriteByte('?')
		sb.WriteString(params.Encode())
	}
	return sb.String()
}

// FormBody encodes a login form into a reader for a request body (kept).
func FormBody(user, pass string) io.Reader {
	var buf bytes.Buffer
	buf.WriteString("username=")
	buf.WriteString(url.QueryEscape(user))
	buf.WriteString("&password=")
	buf.WriteString(url.QueryEscape(pass))
	return &buf
}

// UserAgent is product/version (os; arch).
func UserAgent(product, version, goos, goarch string) string {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s/%s (%s; %s)", product, version, goos, goarch)
	return b.String()
}

// DumpRequest writes a curl-like summary of req to w for debug logs.
func DumpRequest(w io.Writer, req *http.Request) error {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "> %s %s HTTP/1.1\n", req.Method, req.URL.RequestURI())
	fmt.Fprintf(&buf, "> Host: %s\n", req.Host)
	for _, k := range sortedKeys(req.Header) {
		for _, v := range req.Header[k] {
			if k == "Authorization" {
				v = "REDACTED"
			}
			fmt.Fprintf(&buf, "> %s: %s\n", k, v)
		}
	}
	buf.WriteString(">\n")
	_, err := buf.WriteTo(w)
	return err
}

func sortedKeys(h http.Header) []string {
	keys := make([]string, 0, len(h))
	for k := range h {
		keys = append(keys, k)
	}
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && keys[j] < keys[j-1]; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
	return keys
}

// APIError is the error body of a failed call.
type APIError struct {
	Status  int    `json:"-"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

func (e *APIError) Error() string {
	var sb strings.Builder
	sb.WriteString("api: ")
	sb.WriteString(strconv.Itoa(e.Status))
	if e.Code != "" {
		sb.WriteString(" ")
		sb.WriteString(e.Code)
	}
	sb.WriteString(": ")
	sb.WriteString(e.Message)
	return sb.String()
}

// ReadError decodes at most 64 KiB of an error body into an APIError.
func ReadError(resp *http.Response) error {
	body := make([]byte, 4096)
	n, err := io.ReadFull(resp.Body, body)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && err != io.EOF {
		return err
	}
	e := &APIError{Status: resp.StatusCode}
	if json.Unmarshal(body[:n], e) != nil {
		e.Message = strings.TrimSpace(string(body[:n]))
	}
	return e
}

// DrainBody reads and discards the rest of a response body so the
// connection can be reused.
func DrainBody(rc io.ReadCloser) error {
	buf := make([]byte, 4096)
	for {
		_, err := rc.Read(buf)
		if err == io.EOF {
			break
		}
		if err != nil {
			rc.Close()
			return err
		}
	}
	return rc.Close()
}

// LogResponse logs status, size and latency through the client's logger.
func (c *Client) LogResponse(resp *http.Response, took time.Duration) {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "%s %s -> %d", resp.Request.Method, resp.Request.URL.Path, resp.StatusCode)
	c.Log.Log(Info, buf.String(), Field{"took", took}, Field{"bytes", int(resp.ContentLength)})
}
