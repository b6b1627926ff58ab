package config

import "testing"

func TestPretty(t *testing.T) {
	got, err := Pretty(map[string]string{"url": "a?b&c"})
	if err != nil || string(got) != "{\n  \"url\": \"a?b&c\"\n}\n" {
		t.Fatalf("Pretty = %q, %v", got, err)
	}
	if got, _ := Pretty([]int{1}); string(got) != "[\n  1\n]\n" {
		t.Fatalf("a second Pretty = %q", got)
	}
}

func TestAllocsPerRun(t *testing.T) {
	v := map[string]string{"url": "a?b&c"}
	t.Logf("allocs/op: %v", testing.AllocsPerRun(200, func() { Pretty(v) }))
}
