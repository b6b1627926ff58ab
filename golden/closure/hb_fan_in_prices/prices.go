// Package prices quotes baskets against several suppliers at once.
package prices

// Quote asks every supplier for the basket's price in the current currency, in parallel, and
// keeps the cheapest; each goroutine sends once on the one results channel, and the loop after
// receives once per supplier, so every quote has been made before the currency moves on.
func Quote(suppliers []string, basket []string, currency string, ask func(supplier, currency string, items []string) int) (int, string) {
	results := make(chan int, len(suppliers))
	for _, s := range suppliers {
		go func() { // want "func literal escapes to heap"
			results <- ask(s, currency, basket)
		}()
	}
	best := -1
	for range suppliers {
		if p := <-results; best < 0 || p < best {
			best = p
		}
	}
	currency = "EUR"
	return best, currency
}
