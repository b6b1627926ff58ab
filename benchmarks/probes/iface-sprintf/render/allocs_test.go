package render

import (
	"strings"
	"testing"
)

func TestRender(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{Header("Host", "x"), "Host: x\r\n"},
		{Pairs([]string{"a", "b"}, []string{"1", "2"}), "a=1&b=2"},
		{Section("db", "host", "x"), "[db]\nhost = x\n"},
		{Row([]string{"a", "b"}), "| a | b |"},
		{Aligned("k", "v"), "k                   v\n"},
		{Quoted("k", "v"), "k: \"v\"\n"},
		{Counted("a", 2), "a x2\n"},
		{Status(7, "bad"), "E0007 bad"},
		{Greeting("ann"), "Hello, ann!"},
		{Breadcrumb("a", "b"), "a › b"},
		{Title("a", "b"), "a — b"},
		{Anchor("/x", "x"), `<a href="/x">x</a>`},
		{Path("d", "f"), "d/f"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
	var sb strings.Builder
	Into(&sb, "b", "x")
	if sb.String() != "<b>x</b>" {
		t.Fatal(sb.String())
	}
	d := &Doc{title: "T"}
	d.Title()
	d.Para("p")
	if d.String() != "# T\n\np\n\n" {
		t.Fatal(d.String())
	}
	if s, n := Written("x"); s != "name=x" || n != 6 {
		t.Fatal(s, n)
	}
}

// TestAllocs logs each fixable site's allocations per call.
func TestAllocs(t *testing.T) {
	a, b := strings.Repeat("a", 5), strings.Repeat("b", 7)
	keys, values := []string{a, b}, []string{b, a}
	var into strings.Builder
	into.Grow(256)
	for name, f := range map[string]func(){
		"Header":     func() { _ = len(Header(a, b)) },
		"Pairs":      func() { _ = len(Pairs(keys, values)) },
		"Section":    func() { _ = len(Section(a, b, a)) },
		"Row":        func() { _ = len(Row(keys)) },
		"Into":       func() { into.Reset(); into.Grow(64); Into(&into, a, b) },
		"Greeting":   func() { _ = len(Greeting(a)) },
		"Breadcrumb": func() { _ = len(Breadcrumb(a, b)) },
		"Title":      func() { _ = len(Title(a, b)) },
		"Anchor":     func() { _ = len(Anchor(a, b)) },
		"Path":       func() { _ = len(Path(a, b)) },
	} {
		t.Logf("%s %v", name, testing.AllocsPerRun(100, f))
	}
}
