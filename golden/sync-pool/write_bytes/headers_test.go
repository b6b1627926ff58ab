package headers

import (
	"bytes"
	"io"
	"testing"
)

func TestWrite(t *testing.T) {
	for i := 0; i < 3; i++ {
		var out bytes.Buffer
		if err := Write(&out, map[string]string{"Host": "example.com", "Accept": "*/*"}); err != nil {
			t.Fatal(err)
		}
		if got := out.String(); got != "Accept: */*\r\nHost: example.com\r\n\r\n" {
			t.Fatalf("Write = %q", got)
		}
	}
}

func TestAllocsPerRun(t *testing.T) {
	h := map[string]string{"Host": "example.com", "Accept": "*/*", "User-Agent": "probe/1.0"}
	t.Logf("allocs/op: %v", testing.AllocsPerRun(200, func() { Write(io.Discard, h) }))
}
