// Package quotes asks every exchange for a price and keeps the best.
package quotes

// Best asks each exchange for the symbol's price in the given currency, concurrently, and
// receives as many answers as it started askers: n is defined once as len(exchanges) and never
// written again, so the counted loop runs once per goroutine. The currency switches for the
// second pass only once every asker of the first has answered.
func Best(exchanges []string, symbol, currency string, ask func(exchange, symbol, currency string) int) (int, string) { // want "moved to heap: currency"
	best := 0
	n := len(exchanges)
	for pass := 0; pass < 2; pass++ {
		prices := make(chan int, n)
		for _, ex := range exchanges {
			go func() { // want "func literal escapes to heap"
				prices <- ask(ex, symbol, currency)
			}()
		}
		for i := 0; i < n; i++ {
			if p := <-prices; p > best {
				best = p
			}
		}
		if best > 0 {
			break
		}
		currency = "USD"
	}
	return best, currency
}
