package tmpl

import "testing"

var sink string

func TestValues(t *testing.T) {
	u := &User{First: "Ada", Last: "Lovelace", Email: "ada@example.com", Roles: []string{"admin"}, Meta: map[string]string{"k": "v"}}
	for _, c := range [][2]string{
		{Greeting(u), "Hello Ada Lovelace"},
		{Domain(*u), "domain example.com"},
		{u.Role(), "role: admin"},
		{Fill(map[string]string{"project": "p", "title": "t"}), "[p] t"},
		{Title("word"), "Word"},
		{Initials(u), "A.L."},
		{Rel("d", "/x/f.go"), "d: f.go"},
		{Field([]string{"a", "b"}, 1), "field 1 = b"},
		{Fields([]string{"a", "b"}), "2 fields"},
		{Meta(u, "k"), "k: v"},
		{Cut("a=b"), "key a"},
		{Fallback(map[string]string{}, "x"), " or ---"},
		{Join("p", []string{"a", "b"}), "p: a,b"},
		{Both([]string{"a", "b", "c"}), "a..c"},
	} {
		if c[0] != c[1] {
			t.Errorf("got %q, want %q", c[0], c[1])
		}
	}
}

func TestAllocs(t *testing.T) {
	u := &User{First: "Ada", Last: "Lovelace", Email: "ada@example.com", Roles: []string{"admin"}, Meta: map[string]string{"k": "v"}}
	values := map[string]string{"project": "p", "title": "t"}
	rec := []string{"a", "b", "c"}
	for name, f := range map[string]func(){
		"Greeting": func() { sink = Greeting(u) },
		"Domain":   func() { sink = Domain(*u) },
		"Role":     func() { sink = u.Role() },
		"Fill":     func() { sink = Fill(values) },
		"Title":    func() { sink = Title("word") },
		"Initials": func() { sink = Initials(u) },
		"Rel":      func() { sink = Rel("d", "/x/f.go") },
		"Field":    func() { sink = Field(rec, 1) },
		"Fields":   func() { sink = Fields(rec) },
		"Meta":     func() { sink = Meta(u, "k") },
		"Cut":      func() { sink = Cut("a=b") },
		"Join":     func() { sink = Join("p", rec) },
		"Both":     func() { sink = Both(rec) },
	} {
		t.Logf("%s: %v allocs", name, testing.AllocsPerRun(200, f))
	}
}
