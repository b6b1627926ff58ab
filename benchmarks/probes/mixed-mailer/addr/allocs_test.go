package addr

import (
	"strings"
	"testing"
)

func TestAllocs(t *testing.T) {
	list, err := ParseList(`"Jane Roe" <Jane+news@Example.COM>, bob@example.org, "a, b" <ab@example.org>`)
	if err != nil || len(list) != 3 || list[0].Domain != "example.com" || list[2].Name != "a, b" {
		t.Fatal(list, err)
	}
	if Canonical(list[0]) != "jane@example.com" || Mask(list[1]) != "b**@example.org" {
		t.Fatal(Canonical(list[0]), Mask(list[1]))
	}
	if d := Domains(list); len(d) != 2 {
		t.Fatal(d)
	}
	if g := GroupByDomain(list); len(g["example.org"]) != 2 {
		t.Fatal(g)
	}
	hdr := "a@x.org, broken, c@y.org"
	if CountValid(hdr) != 2 {
		t.Fatal(CountValid(hdr))
	}
	if CountValid(strings.Repeat("a@x.org,", 150)) != 100 {
		t.Fatal("limit")
	}
	allocs(t, "CountValid", func() { CountValid(hdr) })
	long := Address{Local: strings.Repeat("x", 40), Domain: "example.com"}
	allocs(t, "Mask", func() { Mask(long) })
	allocs(t, "Canonical", func() { Canonical(list[0]) })
}
