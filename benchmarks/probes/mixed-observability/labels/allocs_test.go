package labels

import (
	"strings"
	"testing"
)

func TestAllocs(t *testing.T) {
	s := Set{{"job", "node"}, {"instance", "10.0.0.1:9100"}, {"env", "prod"}}
	if !Valid("job") || Valid("__name__") {
		t.Fatal("valid")
	}
	allocs(t, "Valid", func() { Valid("kubernetes_pod_container_name") })
	if s.Names() != "env,instance,job" {
		t.Fatal(s.Names())
	}
	allocs(t, "Names", func() { s.Names() })
	if s.Key() != "{\xffjob\xffnode\xffinstance\xff10.0.0.1:9100\xffenv\xffprod" {
		t.Fatalf("%q", s.Key())
	}
	allocs(t, "Key", func() { s.Key() })
	if s.Hash() == 0 {
		t.Fatal("hash")
	}
	allocs(t, "Hash", func() { s.Hash() })
	if s.String() != `{job="node",instance="10.0.0.1:9100",env="prod"}` {
		t.Fatal(s.String())
	}
	allocs(t, "String", func() { _ = s.String() })
	var b strings.Builder
	s.WriteTo(&b)
	if b.String() != `{job="node",instance="10.0.0.1:9100",env="prod"}` {
		t.Fatal(b.String())
	}
	allocs(t, "WriteTo", func() { b.Reset(); s.WriteTo(&b) })
	if s.Indexed() != "0:job=node 1:instance=10.0.0.1:9100 2:env=prod " {
		t.Fatal(s.Indexed())
	}
	allocs(t, "Indexed", func() { s.Indexed() })
	if m := Merge(s, Set{{"env", "dev"}}); len(m) != 3 || m[0].Value != "dev" {
		t.Fatal(m)
	}
	if Widths([]Set{s}) != 44 {
		t.Fatal(Widths([]Set{s}))
	}
	allocs(t, "Widths", func() { Widths([]Set{s, s}) })
	if Truncated(s, 4) != 12 {
		t.Fatal(Truncated(s, 4))
	}
}
