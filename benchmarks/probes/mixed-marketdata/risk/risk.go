// Package risk runs pre-trade limit checks concurrently.
package risk

import (
	"errors"
	"fmt"
	"sync"

	"example.com/probes/mixed-marketdata/limits"
)

// Order is an order to check.
type Order struct {
	Account string
	Symbol  string
	Qty     int64
	Price   int64
}

// Limits are one account's limits.
type Limits struct {
	MaxQty      int64
	MaxNotional int64
	Blocked     map[string]bool
}

func (l *Limits) check(o Order) error {
	if o.Qty > l.MaxQty {
		return fmt.Errorf("qty %d over %d", o.Qty, l.MaxQty)
	}
	if o.Qty*o.Price > l.MaxNotional {
		return errors.New("notional over limit")
	}
	if l.Blocked[o.Symbol] {
		return errors.New("symbol blocked")
	}
	return nil
}

func defaults(l *Limits) {
	if l.MaxQty == 0 {
		l.MaxQty = 1_000_000
	}
	if l.MaxNotional == 0 {
		l.MaxNotional = 1 << 40
	}
}

// CheckAll checks every order concurrently and returns the first error after the wait.
func CheckAll(orders []Order, lim Limits) error {
	defaults(&lim)
	errs := make([]error, len(orders))
	var wg sync.WaitGroup
	for i, o := range orders {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = lim.check(o)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// Exposure sums notional per symbol concurrently into a fixed table, then tags the verdict after the wait.
func Exposure(orders [][]Order, cap int64) (int64, string) {
	var sums [limits.MaxSymbols]int64
	verdict := "unchecked"
	var wg sync.WaitGroup
	for i := 0; i < min(len(orders), limits.MaxSymbols); i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, o := range orders[i] {
				sums[i] += o.Qty * o.Price
			}
		}()
	}
	wg.Wait()
	var total int64
	for _, s := range sums {
		total += s
	}
	verdict = "ok"
	if total > cap {
		verdict = "breach"
	}
	return total, verdict
}

// Breaches counts breaching orders with one goroutine per order and a shared counter under a mutex.
func Breaches(orders []Order, lim Limits) int {
	defaults(&lim)
	var mu sync.Mutex
	n := 0
	var wg sync.WaitGroup
	for _, o := range orders {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if lim.check(o) != nil {
				mu.Lock()
				n++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return n
}

// Tighten checks orders while the desk may halve the quantity limit; checks started late must see it.
func Tighten(orders []Order, lim Limits, halve <-chan struct{}) int {
	var mu sync.Mutex
	rejected := 0
	var wg sync.WaitGroup
	for _, o := range orders {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			defer mu.Unlock()
			if lim.check(o) != nil {
				rejected++
			}
		}()
		select {
		case <-halve:
			mu.Lock()
			lim.MaxQty /= 2
			mu.Unlock()
		default:
		}
	}
	wg.Wait()
	return rejected
}

// Watch keeps checking orders from a channel against lim; it returns &lim for the desk to edit under mu.
func Watch(in <-chan Order, lim Limits, mu *sync.Mutex, bad chan<- Order) *Limits {
	go func() {
		for o := range in {
			mu.Lock()
			err := lim.check(o)
			mu.Unlock()
			if err != nil {
				bad <- o
			}
		}
	}()
	return &lim
}

// Worst finds the largest notional per order concurrently, then clears the limits' blocklist after a drain.
func Worst(orders []Order, lim Limits) (int64, int) {
	defaults(&lim)
	res := make(chan int64, len(orders))
	for _, o := range orders {
		go func() {
			if lim.check(o) == nil {
				res <- o.Qty * o.Price
			} else {
				res <- 0
			}
		}()
	}
	var worst int64
	for range orders {
		worst = max(worst, <-res)
	}
	lim.Blocked = nil
	return worst, len(lim.Blocked)
}
