package cli

import "testing"

var esink error

func TestMessages(t *testing.T) {
	if err := CheckFormat("xml"); err == nil || err.Error() != "--format: unknown format xml (want text, json or csv)" {
		t.Error(err)
	}
	o := &Options{Output: "src/out", Paths: []string{"src"}}
	if err := o.CheckOutput(); err == nil || err.Error() != "--output src/out is inside input src" {
		t.Error(err)
	}
	if err := CheckExt("a.txt", ".csv"); err == nil || err.Error() != "a.txt: extension .txt, want .csv" {
		t.Error(err)
	}
	if err := Exclusive("q", "v"); err.Error() != "flags --q and --v cannot be used together" {
		t.Error(err)
	}
	if err := Unknown("x"); err.Error() != "unknown command x; run help" {
		t.Error(err)
	}
}

func TestAllocs(t *testing.T) {
	o := &Options{Output: "src/out", Paths: []string{"src"}}
	for name, f := range map[string]func(){
		"CheckFormat": func() { esink = CheckFormat("xml") },
		"CheckOutput": func() { esink = o.CheckOutput() },
		"CheckExt":    func() { esink = CheckExt("a.txt", ".csv") },
		"Exclusive":   func() { esink = Exclusive("q", "v") },
		"Unknown":     func() { esink = Unknown("x") },
	} {
		t.Logf("%s: %v allocs", name, testing.AllocsPerRun(200, f))
	}
}
