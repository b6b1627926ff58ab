package sample

import "testing"

func TestAllocs(t *testing.T) {
	if !Ratio("abc", 1) || Ratio("abc", 0) {
		t.Fatal("ratio")
	}
	items := []string{"a", "bb", "ccc", "dddd"}
	if Reservoir(items, 100, func(n int) int { return n - 1 }) != 10 {
		t.Fatal(Reservoir(items, 100, func(n int) int { return n - 1 }))
	}
	allocs(t, "Reservoir", func() { Reservoir(items, 100, func(n int) int { return 0 }) })
	if Tally([]Decision{Keep, Drop, Keep}) != 2 {
		t.Fatal("tally")
	}
	if Key("api", "GET", 17) != "api:GET:17" {
		t.Fatal(Key("api", "GET", 17))
	}
	ds, r := Decide([]string{"a", "b"}, 1)
	if ds[0] != Keep || r != 100 {
		t.Fatal(ds, r)
	}
	allocs(t, "Decide", func() { Decide([]string{"a", "b"}, 0.5) })
	if Adaptive([]string{"a"}, 1) != 1 {
		t.Fatal("adaptive")
	}
	big := make([]string, 2000)
	for i := range big {
		big[i] = string(rune('a'+i%26)) + string(rune('a'+i/26%26)) + string(rune('a'+i/676))
	}
	// 0.6 halved to 0.3: well under 1,000 of 2,000 ids hash below it.
	if n := Adaptive(big, 0.6); n > 900 {
		t.Fatal("the deciders did not see the halved ratio", n)
	}
}
