package spoken

import "testing"

func TestBehaviour(t *testing.T) {
	if Prompt(-1) != 0 || Prompt(maxAmount+1) != 0 {
		t.Fatal("an amount out of range was read")
	}
	if Prompt(0) == 0 || Prompt(7) == Prompt(70) || Prompt(maxAmount) == 0 {
		t.Fatal("amounts read wrong")
	}
	if Prompt(123) != Prompt(123) {
		t.Fatal("not deterministic")
	}
}

func TestAllocs(t *testing.T) {
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Prompt(maxAmount) }))
}
