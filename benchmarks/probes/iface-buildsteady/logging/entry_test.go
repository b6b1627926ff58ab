package logging

import (
	"bytes"
	"testing"
)

func TestAllocs(t *testing.T) {
	var b bytes.Buffer
	b.Grow(4096)
	f := &Formatter{Prefix: "app: "}
	e := &Entry{Level: InfoLevel, Message: "started"}
	cases := map[string]func(){
		"Format":   func() { b.Reset(); f.Format(&b, e) },
		"Short":    func() { _ = f.Short(e) },
		"Message":  func() { _ = Message(*e) },
		"Prefixed": func() { b.Reset(); f.Prefixed(&b, "hi") },
		"Fields":   func() { _ = Fields([]string{"a"}, map[string]string{"a": "1"}) },
	}
	for name, f := range cases {
		t.Logf("%s: %v allocs", name, testing.AllocsPerRun(100, f))
	}
}
