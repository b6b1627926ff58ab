package quota

import "testing"

func TestBehaviour(t *testing.T) {
	p := &Plan{Name: "free", Requests: 10, Storage: 1}
	got := Report(p, []string{"requests"}, func(p *Plan) { p.Name, p.Requests = "pro", 100 })
	if len(got) != 2 || got[0] != "free: 10 req/s" || got[1] != "free: 10 req/s (admitted)" {
		t.Fatal(got)
	}
}

func TestAllocs(t *testing.T) {
	p := &Plan{Name: "free", Requests: 10, Storage: 1}
	names := []string{"requests", "storage"}
	keep := func(*Plan) {}
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Report(p, names, keep) }))
}
