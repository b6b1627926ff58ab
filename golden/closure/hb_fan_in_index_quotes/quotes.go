// Package quotes fans in price quotes, round after round.
package quotes

// Quote is a price quote.
type Quote struct {
	Sym   string
	Price float64
}

// Prices quotes every symbol in the current currency, one goroutine a symbol, and collects the
// quotes with an index loop as long as the symbols; the currency then switches for the next
// round. Each send is received before the loop ends, so the switch comes after every read.
func Prices(rounds int, syms []string, cur string, quote func(cur, sym string) float64, next func(string) string) []Quote { // want "moved to heap: cur"
	var all []Quote
	for r := 0; r < rounds; r++ {
		results := make(chan Quote, len(syms))
		for _, s := range syms {
			go func() { // want "func literal escapes to heap"
				results <- Quote{Sym: s, Price: quote(cur, s)}
			}()
		}
		for i := 0; i < len(syms); i++ {
			all = append(all, <-results)
		}
		cur = next(cur)
	}
	return all
}
