package gateway

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func record(status uint16, line, body string) []byte {
	hdr := make([]byte, headerLen)
	binary.BigEndian.PutUint16(hdr[0:2], recordMagic)
	hdr[2] = 1
	binary.BigEndian.PutUint16(hdr[4:6], status)
	binary.BigEndian.PutUint16(hdr[6:8], uint16(len(line)))
	binary.BigEndian.PutUint32(hdr[8:12], uint32(len(body)))
	binary.BigEndian.PutUint64(hdr[12:20], 1000)
	binary.BigEndian.PutUint32(hdr[20:24], crc32.ChecksumIEEE(hdr[:20]))
	return append(append(hdr, line...), body...)
}

func TestProxy(t *testing.T) {
	body := bytes.Repeat([]byte("x"), 10000)
	r := bytes.NewReader(body)
	if n, err := CopyBody(io.Discard, r); n != 10000 || err != nil {
		t.Fatal(n, err)
	}
	allocs(t, "CopyBody", func() { r.Reset(body); CopyBody(io.Discard, r) })
	allocs(t, "CopyLimited", func() { r.Reset(body); CopyLimited(io.Discard, r, 20000) })
	var counter int64
	allocs(t, "CopyCounting", func() { r.Reset(body); CopyCounting(io.Discard, r, &counter) })
	allocs(t, "DrainBody", func() { r.Reset(body); DrainBody(r) })
	if got := ForwardedHeader("10.0.0.1", "api", "https"); got != "for=10.0.0.1;host=api;proto=https" {
		t.Fatal(got)
	}
	allocs(t, "ForwardedHeader", func() { ForwardedHeader("::1", "api", "https") })
	h := http.Header{"X-B": {"2"}, "X-A": {"1"}}
	if got := CanonicalHeaders(h); got != "x-a: 1\nx-b: 2\n" {
		t.Fatalf("%q", got)
	}
	allocs(t, "CanonicalHeaders", func() { CanonicalHeaders(h) })
	allocs(t, "WriteHeaders", func() { WriteHeaders(io.Discard, 200, h) })
	if got := RewritePath("/api", "/v2", "/api/users"); got != "/v2/users" {
		t.Fatal(got)
	}
	allocs(t, "RewritePath", func() { RewritePath("/api", "/v2", "/api/users") })
}

func TestAccessLog(t *testing.T) {
	e := &Entry{Method: "GET", Path: "/x", Status: 200, Bytes: 12, Duration: 3 * time.Millisecond, Client: "1.2.3.4", Upstream: "svc"}
	if got := CombinedLine(e); got != `1.2.3.4 - - "GET /x HTTP/1.1" 200 12` {
		t.Fatal(got)
	}
	allocs(t, "CombinedLine", func() { CombinedLine(e) })
	allocs(t, "WriteAccess", func() { WriteAccess(io.Discard, e) })
	allocs(t, "JSONLine", func() { JSONLine(e) })
	allocs(t, "UpstreamTiming", func() { UpstreamTiming(e) })
	if LineLength(e) != len("GET /x 200 12") {
		t.Fatal(LineLength(e))
	}
	allocs(t, "LineLength", func() { LineLength(e) })
}

func TestEncode(t *testing.T) {
	rec := httptest.NewRecorder()
	if err := WriteEnvelope(rec, 200, "r1", []byte(`{"a":1}`)); err != nil || rec.Body.String() != `{"data":{"a":1},"request_id":"r1","status":200}`+"\n" {
		t.Fatal(rec.Body.String(), err)
	}
	allocs(t, "EnvelopeString", func() { EnvelopeString("r1", 500) })
	body := bytes.Repeat([]byte("hello gateway "), 100)
	var out bytes.Buffer
	if err := Gzip(&out, body); err != nil {
		t.Fatal(err)
	}
	var plain bytes.Buffer
	if _, err := Gunzip(&plain, bytes.NewReader(out.Bytes())); err != nil || !bytes.Equal(plain.Bytes(), body) {
		t.Fatal(err)
	}
	allocs(t, "Gzip", func() { Gzip(io.Discard, body) })
	allocs(t, "GzipSize", func() { GzipSize(body) })
	allocs(t, "Deflate", func() { Deflate(io.Discard, body) })
	gz := out.Bytes()
	r := bytes.NewReader(gz)
	allocs(t, "Gunzip", func() { r.Reset(gz); Gunzip(io.Discard, r) })
}

func TestSign(t *testing.T) {
	req := httptest.NewRequest("GET", "/a?b=1", nil)
	req.Header.Set("Host", "x")
	req.Header.Set("Date", "today")
	key := []byte("secret")
	signed := []string{"date", "host"}
	sig := Sign(req, key, signed)
	if !Verify(req, key, signed, sig) {
		t.Fatal("verify")
	}
	allocs(t, "Sign", func() { Sign(req, key, signed) })
	allocs(t, "SignHeaders", func() { SignHeaders(req, key) })
	allocs(t, "Verify", func() { Verify(req, key, signed, sig) })
	allocs(t, "StringToSign", func() { StringToSign(req, signed) })
	payload := strings.Repeat("p", 5000)
	allocs(t, "BodyDigest", func() {
		req.Body = io.NopCloser(strings.NewReader(payload))
		BodyDigest(req)
	})
}

func frame(opcode byte, payload string) []byte {
	b := []byte{0x80 | opcode, 0x80 | byte(len(payload)), 1, 2, 3, 4}
	p := []byte(payload)
	unmask(p, [4]byte{1, 2, 3, 4})
	return append(b, p...)
}

func TestWebsocket(t *testing.T) {
	session := bytes.Join([][]byte{frame(1, "hello"), frame(2, "bin"), frame(1, "bye")}, nil)
	r := bytes.NewReader(session)
	var out bytes.Buffer
	if n, err := RelayFrames(&out, r); n != 3 || err != nil || out.String() != "hellobinbye" {
		t.Fatal(n, err, out.String())
	}
	allocs(t, "RelayFrames", func() { r.Reset(session); RelayFrames(io.Discard, r) })
	counts := map[byte]int{}
	allocs(t, "CountFrames", func() { r.Reset(session); CountFrames(r, counts) })
	allocs(t, "WriteFrame", func() { WriteFrame(io.Discard, 1, []byte("hello")) })
}

func TestChunked(t *testing.T) {
	var enc bytes.Buffer
	if err := EncodeChunked(&enc, strings.NewReader("hello, chunked world")); err != nil {
		t.Fatal(err)
	}
	wire := enc.Bytes()
	br := bufio.NewReader(bytes.NewReader(wire))
	var dec bytes.Buffer
	if _, err := DecodeChunked(&dec, br); err != nil || dec.String() != "hello, chunked world" {
		t.Fatal(err, dec.String())
	}
	r := bytes.NewReader(wire)
	allocs(t, "DecodeChunked", func() { r.Reset(wire); br.Reset(r); DecodeChunked(io.Discard, br) })
	sr := strings.NewReader("hello, chunked world")
	allocs(t, "EncodeChunked", func() { sr.Reset("hello, chunked world"); EncodeChunked(io.Discard, sr) })
	tr := "X-Sum: 1\r\nX-Len: 2\r\n\r\n"
	br2 := bufio.NewReader(strings.NewReader(tr))
	if got, err := Trailers(br2); err != nil || got != "X-Sum: 1\r\nX-Len: 2\r\n" {
		t.Fatal(got, err)
	}
	rr := strings.NewReader(tr)
	allocs(t, "Trailers", func() { rr.Reset(tr); br2.Reset(rr); Trailers(br2) })
}

func TestRateLimit(t *testing.T) {
	now := time.Unix(1000, 0)
	if got := Key("c", "/r", now, time.Minute); got != "c|/r|960" {
		t.Fatal(got)
	}
	allocs(t, "Key", func() { Key("c", "/r", now, time.Minute) })
	req := httptest.NewRequest("GET", "/r", nil)
	allocs(t, "KeyFor", func() { KeyFor(req, now, time.Minute) })
	l := NewLimiter(time.Minute)
	if !l.Allow("c", "/r", now, 1) || l.Allow("c", "/r", now, 1) {
		t.Fatal("limit")
	}
	allocs(t, "Allow", func() { l.Allow("c", "/r", now, 1<<30) })
	allocs(t, "RetryAfter", func() { RetryAfter(now.Add(time.Minute), now) })
}

func TestReplay(t *testing.T) {
	rec := bytes.Join([][]byte{record(200, "GET /a HTTP/1.1", "body"), record(404, "POST /b HTTP/1.1", "xx")}, nil)
	r := bytes.NewReader(rec)
	statuses := map[uint16]int{}
	if n, err := Replay(r, statuses); n != 2 || err != nil || statuses[404] != 1 {
		t.Fatal(n, err, statuses)
	}
	allocs(t, "Replay", func() { r.Reset(rec); Replay(r, statuses) })
	methods := map[string]int{}
	r.Reset(rec)
	if err := ReplayMethods(r, methods); err != nil || methods["POST"] != 1 {
		t.Fatal(err, methods)
	}
	allocs(t, "ReplayMethods", func() { r.Reset(rec); ReplayMethods(r, methods) })
	allocs(t, "ReplayDurations", func() { r.Reset(rec); ReplayDurations(r) })
	r.Reset(rec)
	if ts, err := ReplayTargets(r); err != nil || len(ts) != 2 || string(ts[0]) != "/a HTTP/1.1" || string(ts[1]) != "/b HTTP/1.1" {
		t.Fatal(err, ts)
	}
	rc := &Recorder{W: io.Discard}
	allocs(t, "Record", func() { rc.Record(Record{Kind: 1, Status: 200}, []byte("GET / HTTP/1.1"), nil) })
	check := func(n int) bool { return n < 100 }
	allocs(t, "ReplayBodies", func() { r.Reset(rec); ReplayBodies(r, check) })
}
