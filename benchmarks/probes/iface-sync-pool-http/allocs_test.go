package probe43

import (
	"bytes"
	"context"
	"io"
	"net/http/httptest"
	"strings"
	"testing"
)

var items = []Item{{ID: 1, Name: "apple", Price: 1.5}, {ID: 2, Name: "pear", Price: 2}}

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("%s: %.0f allocs/op", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	var sink bytes.Buffer
	rec := httptest.NewRecorder()
	req := &Request{Path: "/admin/x", Method: "PUT", Size: 10}
	allocs(t, "WriteJSON", func() { rec.Body.Reset(); WriteJSON(rec, 200, items) })
	allocs(t, "WriteCSV", func() { sink.Reset(); WriteCSV(&sink, items) })
	allocs(t, "WriteText", func() { sink.Reset(); WriteText(&sink, items) })
	allocs(t, "StatusLine", func() { StatusLine(404) })
	allocs(t, "ErrorResponse", func() { rec.Body.Reset(); ErrorResponse(rec, 400, "bad") })
	allocs(t, "Paginate", func() { Paginate(rec.Header(), "/items", 2, 50) })
	allocs(t, "Stream", func() { rec.Body.Reset(); Stream(rec, items) })
	allocs(t, "CacheKey", func() { CacheKey("GET", "/items", map[string]string{"a": "1"}) })
	allocs(t, "LogLine", func() { LogLine("GET", "/x", 200, 12, 0) })
	allocs(t, "Authorize", func() { Authorize("u1", []string{"admin"}, "admin") })
	allocs(t, "Describe", func() { Describe("u1") })
	allocs(t, "Audit", func() { Audit("GET", "/x") })
	allocs(t, "EncodePing", func() { sink.Reset(); EncodePing(&sink, 7, "n1") })
	allocs(t, "CodecName", func() { CodecName(true) })
	allocs(t, "Frame", func() { sink.Reset(); Frame(&sink, &lineCodec{sep: '\n'}, "x") })
	allocs(t, "EncodeLines", func() { EncodeLines(io.Discard, []string{"a", "b"}) })
	allocs(t, "MethodKey", func() { MethodKey("svc", "Get") })
	allocs(t, "Checksum", func() { Checksum(strings.NewReader("hello")) })
	allocs(t, "BlockAdmin", func() { BlockAdmin(req) })
	allocs(t, "Explain", func() { Explain("/api") })
	allocs(t, "Limit", func() { r := *req; Limit(&r, 5) })
	allocs(t, "IsFinal", func() { IsFinal() })
	allocs(t, "StateName", func() { StateName(3) })
	allocs(t, "ValidateRequest", func() { ValidateRequest(&Request{Path: "/a", Method: "GET"}) })
	allocs(t, "CheckPath", func() { CheckPath("/a/b") })
	allocs(t, "InitMetrics", func() { InitMetrics("app_") })
	allocs(t, "Builtins", func() { Builtins(5) })
	allocs(t, "RenderPage", func() { sink.Reset(); RenderPage(&sink, "T", []string{"a"}) })
	allocs(t, "Interpolate", func() { Interpolate("hi {name}!", map[string]string{"name": "x"}) })
	allocs(t, "SectionText", func() { SectionText("owner", User{ID: "u1"}) })
	allocs(t, "Help", func() { Help("serve", []string{"port", "v"}) })
}

func TestBehaviour(t *testing.T) {
	var b bytes.Buffer
	if err := WriteText(&b, items); err != nil || !strings.Contains(b.String(), "apple") {
		t.Fatal(b.String())
	}
	b.Reset()
	WriteCSV(&b, items)
	if b.String() != "id,name,price\n1,apple,1.50\n2,pear,2.00\n" {
		t.Fatal(b.String())
	}
	if s := StatusLine(404); s != "HTTP/1.1 404 Not Found\r\n" {
		t.Fatal(s)
	}
	rec := httptest.NewRecorder()
	ErrorResponse(rec, 418, "teapot")
	if rec.Code != 418 || rec.Body.String() != "teapot\n" {
		t.Fatal(rec.Code, rec.Body.String())
	}
	if s, ok := Authorize("u1", []string{"admin"}, "admin"); !ok || s != "user:u1" {
		t.Fatal(s, ok)
	}
	if _, ok := Authorize("u1", nil, "admin"); ok {
		t.Fatal("authorized")
	}
	if Describe("u2") != "by user:u2" {
		t.Fatal(Describe("u2"))
	}
	if Audit("GET", "/x") != 6 {
		t.Fatal(Audit("GET", "/x"))
	}
	b.Reset()
	EncodePing(&b, 1, "n")
	if b.Len() != 5 {
		t.Fatal(b.Len())
	}
	if CodecName(false) != "json" {
		t.Fatal(CodecName(false))
	}
	if BlockAdmin(&Request{Path: "/admin"}) != "reject 403" || BlockAdmin(&Request{Path: "/"}) != "pass" {
		t.Fatal("admin")
	}
	if Explain("/api") != "prefix: path starts with /api" {
		t.Fatal(Explain("/api"))
	}
	r := &Request{Path: "/up", Size: 10}
	if Limit(r, 5) != "rewrite /too-large" || r.Path != "/too-large" {
		t.Fatal(r.Path)
	}
	if IsFinal() {
		t.Fatal("final")
	}
	if StateName(3) != "idle after 3" {
		t.Fatal(StateName(3))
	}
	if Run([]string{"open", "x", "close", "open"}) != "closed" {
		t.Fatal(Run(nil))
	}
	if err := ValidateRequest(&Request{Path: "/../x", Method: "PUT"}); FieldOf(err) != "method" {
		t.Fatal(err)
	}
	if CheckPath("/../x") != "path path: not clean" {
		t.Fatal(CheckPath("/../x"))
	}
	if p, _ := InitMetrics("app_"); p != "app_" {
		t.Fatal(p)
	}
	if Builtins(1) != "metrics,gzip" {
		t.Fatal(Builtins(1))
	}
	if SectionText("owner", User{ID: "u1"}) != "owner: user:u1" {
		t.Fatal(SectionText("owner", User{ID: "u1"}))
	}
	if Interpolate("hi {name}!", map[string]string{"name": "x"}) != "hi x!" {
		t.Fatal("interp")
	}
	u := &User{ID: "z"}
	if got, ok := UserFrom(WithUser(httptest.NewRequest("GET", "/", nil), u).Context()); !ok || got != u {
		t.Fatal("ctx")
	}
	if RequestID(context.Background()) != "-" {
		t.Fatal("rid")
	}
	var reg Registry
	reg.Register(&gzipPlugin{})
	reg.Register(&metricsPlugin{})
	if reg.Names() != "gzip,metrics" {
		t.Fatal(reg.Names())
	}
}
