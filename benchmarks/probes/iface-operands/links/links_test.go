package links

import (
	"net/url"
	"testing"
)

var sink string

func TestValues(t *testing.T) {
	u, _ := url.Parse("https://example.com:8443/a/b?x=1")
	e := &Endpoint{Scheme: "https", Host: "h", Parts: []string{"v1"}, Query: map[string]string{"k": "v"}}
	for _, c := range [][2]string{
		{Origin(u), "https://example.com:8443"},
		{FirstSegment("/api/v1"), "/api/"},
		{Versioned([]string{"a", "b"}), "/a/b"},
		{Trimmed("r", "/x"), "r/x"},
		{Lower("EX"), "host:ex"},
		{Hostname(u), "https://example.com/"},
		{RequestPath(u), "path=/a/b"},
		{Joined("b", "/x/../y"), "b/y"},
		{e.Route(), "https://h/v1"},
		{e.Param("k"), "k=v"},
		{Lookup(map[string]string{"n": "v"}, "n"), "{v}"},
		{Base("/a/b", "f"), "b/f"},
		{Ext("a.go"), "a.go (.go)"},
		{Split("h:80"), "h port 80"},
		{Escaped("a b"), "/files/a%20b"},
		{Query(u), "/a/b?x=1"},
	} {
		if c[0] != c[1] {
			t.Errorf("got %q, want %q", c[0], c[1])
		}
	}
}

func TestAllocs(t *testing.T) {
	u, _ := url.Parse("https://example.com:8443/a/b?x=1")
	e := &Endpoint{Scheme: "https", Host: "h", Parts: []string{"v1"}, Query: map[string]string{"k": "v"}}
	parts := []string{"a", "b"}
	vars := map[string]string{"n": "v"}
	for name, f := range map[string]func(){
		"Origin":       func() { sink = Origin(u) },
		"FirstSegment": func() { sink = FirstSegment("/api/v1") },
		"Versioned":    func() { sink = Versioned(parts) },
		"Trimmed":      func() { sink = Trimmed("r", "/x") },
		"Lower":        func() { sink = Lower("ex") },
		"Hostname":     func() { sink = Hostname(u) },
		"Joined":       func() { sink = Joined("b", "/x/y") },
		"Route":        func() { sink = e.Route() },
		"Param":        func() { sink = e.Param("k") },
		"Lookup":       func() { sink = Lookup(vars, "n") },
		"Base":         func() { sink = Base("/a/b", "f") },
		"Ext":          func() { sink = Ext("a.go") },
		"Split":        func() { sink = Split("h:80") },
		"Query":        func() { sink = Query(u) },
	} {
		t.Logf("%s: %v allocs", name, testing.AllocsPerRun(200, f))
	}
}
