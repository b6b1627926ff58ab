// The module's recorded behaviour: results.json holds what every case returned from the code as written
// (`go test -update` writes it); `go test -race ./...` after a rewrite compares against it.
package svc

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"sort"
	"testing"
)

var update = flag.Bool("update", false, "rewrite results.json from this code")

type caseFn struct {
	name string
	fn   func() string
}

var cases []caseFn

func add(name string, fn func() string) { cases = append(cases, caseFn{name, fn}) }

func call(fn func() string) (out string) {
	defer func() {
		if r := recover(); r != nil {
			out = fmt.Sprintf("PANIC %v", r)
		}
	}()
	return fn()
}

func TestRecorded(t *testing.T) {
	got := map[string]string{}
	for _, c := range cases {
		if _, dup := got[c.name]; dup {
			t.Fatalf("duplicate case %s", c.name)
		}
		got[c.name] = call(c.fn)
	}
	if *update {
		b, _ := json.MarshalIndent(got, "", " ")
		os.WriteFile("results.json", b, 0o644)
		return
	}
	b, err := os.ReadFile("results.json")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{}
	json.Unmarshal(b, &want)
	var names []string
	for n := range want {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if got[n] != want[n] {
			t.Errorf("%s: got %q want %q", n, got[n], want[n])
		}
	}
	if len(got) != len(want) {
		t.Errorf("case count %d want %d", len(got), len(want))
	}
}
