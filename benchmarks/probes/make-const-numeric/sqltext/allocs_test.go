package sqltext

import "testing"

func TestAllocs(t *testing.T) {
	if s, _ := Placeholders(3); s != "$1,$2,$3" {
		t.Fatalf("Placeholders = %q", s)
	}
	allocs(t, "Placeholders", func() { Placeholders(64) })
	if s, _ := Values(2, 2); s != "($1,$2),($3,$4)" {
		t.Fatalf("Values = %q", s)
	}
	allocs(t, "Values", func() { Values(8, 8) })
	if s := Date(2024, 2, 5, 7, 8, 9, true); s != "2024-02-05T07:08:09Z" {
		t.Fatalf("Date = %q", s)
	}
	allocs(t, "Date", func() { Date(2024, 2, 5, 7, 8, 9, true) })
	if s := Week(2024, 5, 3, "day"); s != "2024-W05-3" {
		t.Fatalf("Week = %q", s)
	}
	allocs(t, "Week", func() { Week(2024, 5, 3, "day") })
	text := []byte("the quick brown fox jumps over the lazy dog, again and again")
	if Find(text, []byte("lazy")) != 35 {
		t.Fatal("Find")
	}
	allocs(t, "Find", func() { Find(text, []byte("again and again")) })
	xs := make([]float64, 100)
	for i := range xs {
		xs[i] = float64(i % 7)
	}
	allocs(t, "MovingAvg", func() { MovingAvg(xs, 32) })
	if s := Initials([]string{"ada", "king", "lovelace"}); s != "AKL" {
		t.Fatalf("Initials = %q", s)
	}
	allocs(t, "Initials", func() { Initials([]string{"ada", "king", "lovelace"}) })
	ng := NGrams("abcabc", 3)
	if ng["abc"] != 2 {
		t.Fatal("NGrams")
	}
}
