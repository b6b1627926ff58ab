package report

import "testing"

func TestUsage(t *testing.T) {
	want := "get               3\nput               4\n------------ ------\ntotal             7\n"
	if got := Usage([]string{"get", "put"}, []int{3, 4}); got != want {
		t.Fatalf("Usage = %q", got)
	}
	if got := Usage(nil, nil); got != "------------ ------\ntotal             0\n" {
		t.Fatalf("a second Usage = %q", got)
	}
}

func TestAllocsPerRun(t *testing.T) {
	names, counts := []string{"get"}, []int{3}
	t.Logf("allocs/op: %v", testing.AllocsPerRun(200, func() { Usage(names, counts) }))
}
