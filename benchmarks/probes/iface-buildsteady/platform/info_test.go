package platform

import (
	"bytes"
	"testing"
)

func TestAllocs(t *testing.T) {
	var b bytes.Buffer
	b.Grow(4096)
	i := New("api")
	cases := map[string]func(){
		"HostPort":    func() { _ = HostPort("8080") },
		"Line":        func() { _ = i.Line() },
		"Header":      func() { b.Reset(); i.Header(&b) },
		"Labels":      func() { _ = Labels([]string{"a", "b"}) },
		"Arch":        func() { _ = Arch() },
		"VersionLine": func() { _ = VersionLine() },
		"ReleaseLine": func() { _ = ReleaseLine() },
	}
	for name, f := range cases {
		t.Logf("%s: %v allocs", name, testing.AllocsPerRun(100, f))
	}
}
