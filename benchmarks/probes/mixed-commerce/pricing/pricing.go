// Package pricing prices carts: line totals, promotions evaluated in parallel, taxes by region.
package pricing

import (
	"errors"
	"sort"
	"strings"
	"sync"

	"example.com/probes/mixed-commerce/limits"
)

// Line is one cart line; prices are in cents.
type Line struct {
	SKU   string
	Qty   int
	Price int64
}

// Promo is a promotion: a percentage off lines whose SKU has a prefix, above a minimum quantity.
type Promo struct {
	Code    string
	Prefix  string
	Percent int64
	MinQty  int
}

// Rules are the pricing rules of a storefront.
type Rules struct {
	Currency string
	TaxBps   int64 // basis points
	Rounding int64
	Cap      int64 // max discount per cart in cents, 0 = none
}

func normalize(r *Rules) {
	if r.Currency == "" {
		r.Currency = "EUR"
	}
	if r.Rounding <= 0 {
		r.Rounding = 1
	}
}

func (r *Rules) tax(cents int64) int64 {
	return (cents*r.TaxBps/10000 + r.Rounding/2) / r.Rounding * r.Rounding
}

func discount(l Line, p Promo) int64 {
	if !strings.HasPrefix(l.SKU, p.Prefix) || l.Qty < p.MinQty {
		return 0
	}
	return l.Price * int64(l.Qty) * p.Percent / 100
}

// Total prices a cart with its rules normalized first, promotions checked one goroutine each.
func Total(lines []Line, promos []Promo, rules Rules) (int64, error) {
	if len(lines) > limits.MaxCartLines {
		return 0, errors.New("pricing: cart too large")
	}
	normalize(&rules)
	best := make([]int64, len(promos))
	var wg sync.WaitGroup
	for i, p := range promos {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, l := range lines {
				best[i] += discount(l, p)
			}
			if rules.Cap > 0 && best[i] > rules.Cap {
				best[i] = rules.Cap
			}
		}()
	}
	wg.Wait()
	var sum, off int64
	for _, l := range lines {
		sum += l.Price * int64(l.Qty)
	}
	for _, b := range best {
		off = max(off, b)
	}
	return sum - off + rules.tax(sum-off), nil
}

// quote is what one goroutine of Quotes works from.
type quote struct {
	rules *Rules
	lines []Line
}

func (q quote) subtotal() int64 {
	var s int64
	for _, l := range q.lines {
		s += l.Price * int64(l.Qty)
	}
	return s + q.rules.tax(s)
}

// Quotes prices several carts under one storefront's rules, one goroutine per cart.
func Quotes(carts [][]Line, rules Rules) []int64 {
	normalize(&rules)
	out := make([]int64, len(carts))
	var wg sync.WaitGroup
	for i, c := range carts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = quote{rules: &rules, lines: c}.subtotal()
		}()
	}
	wg.Wait()
	return out
}

// Taxed computes each line's tax through the rules' method value, in parallel.
func Taxed(lines []Line, rules Rules) []int64 {
	tax := rules.tax
	out := make([]int64, len(lines))
	var wg sync.WaitGroup
	for i, l := range lines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = tax(l.Price * int64(l.Qty))
		}()
	}
	wg.Wait()
	return out
}

// Applied returns the codes of the promotions that give a discount, best first, and marks the cart priced
// after every check is done.
func Applied(lines []Line, promos []Promo) ([]string, string) {
	status := "pricing"
	type hit struct {
		code string
		off  int64
	}
	hits := make(chan hit, len(promos))
	for _, p := range promos {
		go func() {
			var off int64
			for _, l := range lines {
				off += discount(l, p)
			}
			if status != "pricing" {
				off = 0
			}
			hits <- hit{p.Code, off}
		}()
	}
	var got []hit
	for range promos {
		if h := <-hits; h.off > 0 {
			got = append(got, h)
		}
	}
	status = "priced"
	sort.Slice(got, func(i, j int) bool { return got[i].off > got[j].off })
	codes := make([]string, 0, limits.MaxPromotions)
	for _, h := range got {
		if len(codes) == limits.MaxPromotions {
			break
		}
		codes = append(codes, h.code)
	}
	return codes, status
}

// Stacked applies promotions in order; every goroutine checks eligibility, and the currency is rewritten for
// display only after the last one reported on done.
func Stacked(lines []Line, promos []Promo, rules Rules) (int64, string) {
	normalize(&rules)
	done := make(chan int64)
	go func() {
		var off int64
		for _, p := range promos {
			for _, l := range lines {
				off += discount(l, p)
			}
		}
		if rules.Currency == "" {
			off = 0
		}
		done <- off
	}()
	off := <-done
	rules.Currency = strings.ToLower(rules.Currency)
	return off, rules.Currency
}

// Watch keeps re-pricing a cart until stop is closed; the caller's later rule changes must be seen, so the
// goroutine shares the rules by design.
func Watch(lines []Line, rules *Rules, stop <-chan struct{}, out chan<- int64) {
	go func() {
		for {
			select {
			case <-stop:
				return
			case out <- Quotes([][]Line{lines}, *rules)[0]:
			}
		}
	}()
}

// Preview prices with the rules in a goroutine that waits until the caller has raised the tax for the preview:
// the raise is ordered before the goroutine's read by close(ready), and the preview must include it.
func Preview(lines []Line, rules Rules) int64 {
	normalize(&rules)
	res := make(chan int64, 1)
	ready := make(chan struct{})
	go func() {
		<-ready
		res <- quote{rules: &rules, lines: lines}.subtotal()
	}()
	rules.TaxBps += 100
	close(ready)
	return <-res
}
