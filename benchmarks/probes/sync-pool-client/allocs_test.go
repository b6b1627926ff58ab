package httplog

import (
	"bytes"
	"crypto/sha256"
	"io"
	"net/http"
	"net/textproto"
	"strings"
	"testing"
	"time"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("%s: %v allocs/op", name, testing.AllocsPerRun(100, f))
}

func TestAllocsPerRun(t *testing.T) {
	l := NewLogger(io.Discard, "api")
	req, _ := http.NewRequest("GET", "https://api.example.com/v1/items?b=2&a=1", nil)
	req.Header.Set("Authorization", "secret")
	req.Header.Set("Accept", "application/json")
	s := &Signer{KeyID: "k1", Secret: []byte("s3cr3t"), Now: func() time.Time { return time.Unix(1700000000, 0) }}
	e := Entry{Time: time.Unix(1700000000, 0), Level: "info", Message: "hello"}
	allocs(t, "Log", func() { l.Log(Info, "request done", Field{"status", 200}, Field{"path", "/v1"}) })
	allocs(t, "WriteJSONLine", func() { WriteJSONLine(io.Discard, e) })
	allocs(t, "FastLog", func() { FastLog(io.Discard, Warn, "slow", "ms", "1200") })
	allocs(t, "CompressFile", func() { CompressFile(io.Discard, strings.NewReader("line one\nline two\n")) })
	allocs(t, "ChecksumFile", func() { ChecksumFile(strings.NewReader("line one\nline two\n")) })
	allocs(t, "WriteLines", func() { WriteLines(io.Discard, []string{"a", "b"}) })
	allocs(t, "Header", func() { Header(io.Discard, "api", 42, time.Unix(0, 0)) })
	allocs(t, "CountLevels", func() { CountLevels(strings.NewReader("level=info a\nlevel=warn b\n")) })
	allocs(t, "UserAgent", func() { UserAgent("cli", "1.2.3", "linux", "amd64") })
	allocs(t, "DumpRequest", func() { DumpRequest(io.Discard, req) })
	allocs(t, "ReadError", func() {
		ReadError(&http.Response{StatusCode: 500, Body: io.NopCloser(strings.NewReader(`{"code":"x","message":"y"}`))})
	})
	allocs(t, "DrainBody", func() { DrainBody(io.NopCloser(strings.NewReader("rest of body"))) })
	allocs(t, "WriteForm", func() { WriteForm(io.Discard, "XyZ", map[string]string{"a": "1"}) })
	allocs(t, "PartHeader", func() { PartHeader(textproto.MIMEHeader{"Content-Type": {"text/plain"}}) })
	allocs(t, "BodyHash", func() { BodyHash(strings.NewReader("payload")) })
	allocs(t, "CanonicalRequest", func() { CanonicalRequest(req, []string{"Accept"}, "abc") })
	allocs(t, "Sign", func() { s.Sign(req, "abc") })
	allocs(t, "MacOf", func() { MacOf(sha256.New(), "GET", "/v1") })
	allocs(t, "Verify", func() { Verify(s.Secret, "1", strings.NewReader("{}"), "00") })
	allocs(t, "BackupName", func() { BackupName("app.log", time.Unix(0, 0)) })
}

func TestSignStable(t *testing.T) {
	s := &Signer{KeyID: "k1", Secret: []byte("s3cr3t"), Now: func() time.Time { return time.Unix(1700000000, 0) }}
	var got []string
	for i := 0; i < 3; i++ {
		req, _ := http.NewRequest("GET", "https://api.example.com/v1/items", nil)
		s.Sign(req, "abc")
		got = append(got, req.Header.Get("Authorization"))
	}
	if got[0] != got[1] || got[1] != got[2] {
		t.Fatalf("signatures differ: %q", got)
	}
}

func TestLogLines(t *testing.T) {
	var out bytes.Buffer
	l := NewLogger(&out, "")
	l.Log(Info, "one")
	l.Log(Info, "two", Field{"k", "v w"})
	if got := out.String(); got != "level=info msg=\"one\"\nlevel=info msg=\"two\" k=\"v w\"\n" {
		t.Fatalf("got %q", got)
	}
}

func TestAsyncLogger(t *testing.T) {
	var out bytes.Buffer
	a := NewAsyncLogger(&out)
	a.Log("x")
	a.Log("y")
	a.Close()
	if out.String() != "msg=\"x\"\nmsg=\"y\"\n" {
		t.Fatalf("got %q", out.String())
	}
}
