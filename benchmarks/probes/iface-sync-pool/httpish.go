package probe41

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net/http"
	"strconv"
	"strings"
)

type apiError struct {
	Code int    `json:"code"`
	Msg  string `json:"msg"`
}

// WriteJSONResponse encodes v into a buffer first so an encoding error can still become a 500.
func WriteJSONResponse(w http.ResponseWriter, status int, v any) {
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(v); err != nil {
		http.Error(w, "encoding failed", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// AccessLog formats an access log line.
func AccessLog(l *log.Logger, method, path string, status, size int) {
	var sb strings.Builder
	fmt.Fprintf(&sb, "%s %s -> %d (%d bytes)", method, path, status, size)
	l.Print(sb.String())
}

// WriteCounters formats counters with strconv appends into a scratch slice.
func WriteCounters(w io.Writer, names []string, values []int64) error {
	buf := make([]byte, 0, 1024)
	for i, n := range names {
		buf = append(buf, n...)
		buf = append(buf, ' ')
		buf = strconv.AppendInt(buf, values[i], 10)
		buf = append(buf, '\n')
	}
	_, err := w.Write(buf)
	return err
}

// CountLines reads lines through a bufio.Reader.
func CountLines(r io.Reader) (int, error) {
	br := bufio.NewReader(r)
	n := 0
	for {
		_, err := br.ReadString('\n')
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, fmt.Errorf("count lines: %w", err)
		}
		n++
	}
}

type printfer interface {
	Printf(format string, args ...any)
}

type quietLogger struct{ n int }

func (q *quietLogger) Printf(format string, args ...any) { q.n++ }

type client struct {
	name   string
	logger any
}

// Fetch logs through an any-typed logger of a client built locally.
func Fetch(name string) int {
	var q quietLogger
	c := client{name: name, logger: &q}
	c.logger.(printfer).Printf("fetch %s", c.name)
	return q.n
}

type getHandler struct{ hits int }
type putHandler struct{ hits int }

func (g *getHandler) Serve(req string) string { g.hits++; return "get " + req }
func (p *putHandler) Serve(req string) string { p.hits++; return "put " + req }

// Route dispatches by method through a map read with a variable key: must not be rewritten.
func Route(method, req string) string {
	var g getHandler
	var p putHandler
	handlers := map[string]any{"GET": &g, "PUT": &p}
	h, ok := handlers[method].(Handler)
	if !ok {
		return "405"
	}
	return h.Serve(req)
}

// ErrorBody renders an API error as JSON text with a builder.
func ErrorBody(code int, msg string) string {
	var sb strings.Builder
	enc := json.NewEncoder(&sb)
	enc.Encode(apiError{Code: code, Msg: msg})
	return sb.String()
}

// Status writes a status line through a bufio.Writer over the response.
func Status(w io.Writer, code int) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "HTTP/1.1 %d %s\r\n", code, http.StatusText(code))
	bw.WriteString("\r\n")
	return bw.Flush()
}
