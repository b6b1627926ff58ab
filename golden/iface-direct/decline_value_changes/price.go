// Package price formats prices stored by value in a quote.
package price

import "fmt"

type amount struct{ cents int }

func (a amount) String() string { return fmt.Sprintf("%d.%02d", a.cents/100, a.cents%100) }

type quote struct {
	sku   string
	price any
}

// Quote formats the price of sku after a discount applied once the quote is made.
func Quote(sku string, cents, discount int) string {
	a := amount{cents: cents}
	q := quote{sku: sku, price: a} // want "a escapes to heap" // declined "a may change after it is stored"
	a.cents -= discount
	return q.sku + " " + q.price.(fmt.Stringer).String() + " (now " + a.String() + ")"
}
