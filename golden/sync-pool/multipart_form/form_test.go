package form

import (
	"bytes"
	"io"
	"strings"
	"testing"
)

func TestWriteUpload(t *testing.T) {
	u := &Upload{Field: "file", Name: "a.txt", Content: "hello", Meta: map[string]string{"b": "2", "a": "1"}}
	want := "--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n" +
		"--xyz\r\nContent-Disposition: form-data; name=\"b\"\r\n\r\n2\r\n" +
		"--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n" +
		"Content-Type: application/octet-stream\r\n\r\nhello\n-- 5 bytes\n\r\n--xyz--\r\n"
	for range 3 {
		var out bytes.Buffer
		ct, err := WriteUpload(&out, "xyz", u)
		if err != nil || ct != "multipart/form-data; boundary=xyz" {
			t.Fatalf("WriteUpload = %q, %v", ct, err)
		}
		if got := out.String(); got != want {
			t.Fatalf("body = %q, want %q", got, want)
		}
	}
	if _, err := WriteUpload(io.Discard, strings.Repeat("x", 80), u); err == nil {
		t.Fatal("a boundary of 80 bytes must fail")
	}
}

func TestAllocsPerRun(t *testing.T) {
	u := &Upload{Field: "file", Name: "a.txt", Content: "hello", Meta: map[string]string{"a": "1"}}
	t.Logf("allocs/op: %v", testing.AllocsPerRun(200, func() { WriteUpload(io.Discard, "xyz", u) }))
}
