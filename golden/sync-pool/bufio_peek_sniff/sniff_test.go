package route

import (
	"strings"
	"sync"
	"testing"
)

func TestDetect(t *testing.T) {
	cases := map[string]Protocol{
		"\x16\x03\x01\x02\x00":            TLS,
		"GET / HTTP/1.1\r\n":              HTTP,
		"*1\r\n$4\r\nPING\r\n":            RESP,
		"SSH-2.0-OpenSSH_9.6\r\n":         Unknown,
		"a":                               Unknown,
		"DELETE /k HTTP/1.1\r\nHost: x\r": HTTP,
	}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 20; i++ {
				for in, want := range cases {
					if got := Detect(strings.NewReader(in)); got != want {
						t.Errorf("Detect(%q) = %v, want %v", in, got, want)
						return
					}
				}
			}
		}()
	}
	wg.Wait()
}

func TestReply(t *testing.T) {
	for in, want := range map[string]string{"+OK\r\n": "+OK", "-ERR wrong type\r\n": "-ERR wrong type", ":42\n": ":42", "": "\x00"} {
		kind, text := Reply(strings.NewReader(in))
		if got := string(kind) + text; got != want {
			t.Fatalf("Reply(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestAllocsPerRun(t *testing.T) {
	r := strings.NewReader("")
	t.Logf("allocs/op: %v", testing.AllocsPerRun(200, func() {
		r.Reset("GET / HTTP/1.1\r\n")
		Detect(r)
		r.Reset("-ERR wrong type\r\n")
		Reply(r)
	}))
}
