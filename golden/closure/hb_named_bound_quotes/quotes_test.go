package quotes

import (
	"fmt"
	"testing"
)

func ask(exchange, symbol, currency string) int {
	if currency != "USD" {
		return 0
	}
	return len(exchange) + len(symbol)
}

func TestBehaviour(t *testing.T) {
	best, cur := Best([]string{"nyse", "lse", "euronext"}, "ACME", "CHF", ask)
	if got := fmt.Sprintf("%d %s", best, cur); got != "12 USD" {
		t.Fatal(got)
	}
}

func TestAllocs(t *testing.T) {
	exchanges := []string{"nyse", "lse", "euronext", "tse"}
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Best(exchanges, "ACME", "CHF", ask) }))
}
