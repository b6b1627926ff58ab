package render

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"text/template"
)

var (
	body    = template.Must(template.New("b").Parse("Hi {{.Name}}, your {{.Product}} shipped: {{.Link}}\n"))
	subject = template.Must(template.New("s").Parse("{{.Name}}, your {{.Product}} is on its way and will arrive very soon, we promise"))
	d       = Data{Name: "Jürgen", Product: "kettle", Link: "https://x.example/t/1"}
)

func TestAllocs(t *testing.T) {
	s, err := Text(body, d)
	if err != nil || s != "Hi Jürgen, your kettle shipped: https://x.example/t/1\n" {
		t.Fatal(s, err)
	}
	allocs(t, "Text", func() { Text(body, d) })
	sub, _ := Subject(subject, d)
	if len(sub) > 69 || !strings.HasPrefix(sub, "Jürgen, your kettle") {
		t.Fatal(len(sub), sub)
	}
	if p := Preheader("your order has shipped and is on its way", 20); p != "your order has" {
		t.Fatal(p)
	}
	allocs(t, "Preheader", func() { Preheader("your order has shipped and is on its way", 40) })
	var b bytes.Buffer
	List(&b, []string{"kettle", "mug"})
	if b.String() != " 1. kettle\n 2. mug\n" {
		t.Fatalf("%q", b.String())
	}
	items := []string{"kettle", "mug", "tea"}
	allocs(t, "List", func() { List(io.Discard, items) })
	f1, f2 := Footer("https://x/u/1"), Footer("https://x/u/2")
	if bytes.Equal(f1, f2) {
		t.Fatal("footers share storage")
	}
	out, _ := Many(body, []Data{d, {Name: "Ann"}})
	if len(out) != 2 || !strings.HasPrefix(out[1], "Hi Ann") {
		t.Fatal(out)
	}
}
