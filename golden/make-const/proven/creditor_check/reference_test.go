package reference

import (
	"strings"
	"testing"
)

func TestBehaviour(t *testing.T) {
	if d := CheckDigits("539007547034"); d != 18 {
		t.Fatal("RF18 539007547034:", d)
	}
	if d := CheckDigits(strings.Repeat("Z", maxBody)); d < 2 || d > 98 {
		t.Fatal("21 letters:", d)
	}
	if d := CheckDigits(strings.Repeat("Z", maxBody+1)); d != -1 {
		t.Fatal("a 22-character body was accepted:", d)
	}
	if d := CheckDigits("53-90"); d != -1 {
		t.Fatal("a dash was accepted:", d)
	}
}

func TestAllocs(t *testing.T) {
	body := strings.Repeat("Z", maxBody)
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { CheckDigits(body) }))
}
