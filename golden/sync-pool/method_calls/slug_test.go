package slug

import "testing"

func TestMake(t *testing.T) {
	if got := Make("Hello, World! ", 7); got != "hello-world-7" {
		t.Fatalf("Make = %q", got)
	}
	if got := Make("Go 1.27", 8); got != "go-1-27-8" {
		t.Fatalf("a second Make = %q", got)
	}
}

func TestAllocsPerRun(t *testing.T) {
	t.Logf("allocs/op: %v", testing.AllocsPerRun(200, func() { Make("The Go Programming Language", 42) }))
}
