package looseobj

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"testing"
)

func TestWrite(t *testing.T) {
	for _, content := range []string{"hello, git\n", "", "a second object, longer than the first one\n"} {
		var file bytes.Buffer
		if err := Write(&file, "blob", []byte(content)); err != nil {
			t.Fatal(err)
		}
		zr, err := zlib.NewReader(&file)
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(zr)
		want := fmt.Sprintf("blob %d\x00%s", len(content), content)
		if err != nil || string(got) != want {
			t.Fatalf("object %q, %v; want %q", got, err, want)
		}
	}
}

// TestConcurrent: objects written at once each read back whole.
func TestConcurrent(t *testing.T) {
	done := make(chan error)
	for i := range 8 {
		go func() {
			var file bytes.Buffer
			content := bytes.Repeat([]byte{byte('a' + i)}, 100*i)
			err := Write(&file, "blob", content)
			if err == nil {
				zr, _ := zlib.NewReader(&file)
				got, _ := io.ReadAll(zr)
				if want := fmt.Sprintf("blob %d\x00%s", len(content), content); string(got) != want {
					err = fmt.Errorf("object %d read back as %q", i, got)
				}
			}
			done <- err
		}()
	}
	for range 8 {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}

func TestAllocsPerRun(t *testing.T) {
	content := bytes.Repeat([]byte("a compressible line of source\n"), 40)
	t.Logf("allocs/op: %v", testing.AllocsPerRun(200, func() { Write(io.Discard, "blob", content) }))
}
