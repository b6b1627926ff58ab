package prices

import (
	"fmt"
	"testing"
)

func ask(supplier, currency string, items []string) int {
	return len(supplier)*10 + len(items) + len(currency)
}

func TestBehaviour(t *testing.T) {
	best, next := Quote([]string{"acme", "bo", "corner"}, []string{"tea", "jam"}, "USD", ask)
	if got := fmt.Sprint(best, " ", next); got != "25 EUR" {
		t.Fatal(got)
	}
}

func TestAllocs(t *testing.T) {
	suppliers, basket := []string{"a", "b", "c"}, []string{"tea"}
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Quote(suppliers, basket, "USD", ask) }))
}
