package emit

import (
	"bytes"
	"strings"
	"testing"
)

func TestEmit(t *testing.T) {
	var b bytes.Buffer
	Line(&b, Op('+'), "x")
	Context(&b, nil)
	Hunk(&b, 1, 2, 1, 3, "func f")
	if b.String() != "+x\n \n@@ -1,2 +1,3 @@ func f\n" {
		t.Fatalf("%q", b.String())
	}
	var s strings.Builder
	TOML(&s, "v", &Version{1, 2})
	Pointer(&s, "p", nil)
	Nilable(&s, "n", nil)
	if s.String() != "v = \"v1.2\"\np=<nil>;n=;" {
		t.Fatalf("%q", s.String())
	}
}

func TestAllocs(t *testing.T) {
	k, v := strings.Repeat("k", 3), strings.Repeat("v", 3)
	var b bytes.Buffer
	b.Grow(256)
	var s strings.Builder
	text := []byte("context")
	for name, f := range map[string]func(){
		"Hunk":    func() { b.Reset(); Hunk(&b, 1, 2, 3, 4, k) },
		"Files":   func() { b.Reset(); Files(&b, k, v) },
		"Context": func() { b.Reset(); Context(&b, text) },
		"INI":     func() { _ = INI(k, v, k) },
		"Nilable": func() { s.Reset(); s.Grow(64); Nilable(&s, k, text) },
		"Section": func() { _ = Section(k, []string{v, k}) },
	} {
		t.Logf("%s %v", name, testing.AllocsPerRun(100, f))
	}
}
