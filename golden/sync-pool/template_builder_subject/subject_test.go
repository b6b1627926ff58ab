package subject

import (
	"testing"
	"text/template"
)

var digest = template.Must(template.New("s").Parse(` [{{.Project}}] {{.Count}} new issue{{if ne .Count 1}}s{{end}} `))

type Digest struct {
	Project string
	Count   int
}

func TestRender(t *testing.T) {
	for d, want := range map[Digest]string{{"gorewrite", 1}: "[gorewrite] 1 new issue", {"go", 3}: "[go] 3 new issues"} {
		if got, err := Render(digest, d); err != nil || got != want {
			t.Fatalf("Render(%v) = %q, %v; want %q", d, got, err, want)
		}
	}
}

func TestAllocsPerRun(t *testing.T) {
	t.Logf("allocs/op: %v", testing.AllocsPerRun(200, func() { Render(digest, Digest{"go", 3}) }))
}
