// Package inventory reserves stock across warehouses, asking each warehouse in parallel.
package inventory

import (
	"errors"
	"fmt"
	"sync"
	"time"

	"example.com/probes/mixed-commerce/limits"
)

// Warehouse answers how much of a SKU it holds.
type Warehouse interface {
	Available(sku string) (int, error)
	Hold(sku string, qty int, ttl time.Duration) error
}

// Policy says how a reservation is held.
type Policy struct {
	TTL      time.Duration
	Partial  bool
	Priority int
}

func (p *Policy) defaults() {
	if p.TTL <= 0 {
		p.TTL = 15 * time.Minute
	}
}

func (p *Policy) ttlFor(qty int) time.Duration {
	if qty > 10 {
		return p.TTL * 2
	}
	return p.TTL
}

func validate(p *Policy) error {
	if p.Priority < 0 {
		return errors.New("inventory: negative priority")
	}
	return nil
}

// Stock asks every warehouse for a SKU's stock; at most MaxWarehouses are asked.
func Stock(whs []Warehouse, sku string) ([limits.MaxWarehouses]int, error) {
	var counts [limits.MaxWarehouses]int
	if len(whs) > limits.MaxWarehouses {
		return counts, errors.New("inventory: too many warehouses")
	}
	var g Group
	for i, w := range whs {
		g.Go(func() error {
			n, err := w.Available(sku)
			counts[i] = n
			return err
		})
	}
	err := g.Wait()
	return counts, err
}

// Reserve holds qty of a SKU, spread over the warehouses, under a policy defaulted before the holds start.
func Reserve(whs []Warehouse, sku string, qty int, pol Policy) error {
	pol.defaults()
	if err := validate(&pol); err != nil {
		return err
	}
	per := qty / max(len(whs), 1)
	var g Group
	for _, w := range whs {
		g.Go(func() error {
			return w.Hold(sku, per, pol.ttlFor(per))
		})
	}
	return g.Wait()
}

// Spread returns how much each warehouse could give, the SKU recorded as reserved once all have answered.
func Spread(whs []Warehouse, sku string, want int) (map[int]int, string) {
	got := make(map[int]int)
	var mu sync.Mutex
	var wg sync.WaitGroup
	note := "checking " + sku
	for i, w := range whs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n, err := w.Available(sku)
			if err != nil || n == 0 {
				return
			}
			mu.Lock()
			got[i] = min(n, want)
			mu.Unlock()
		}()
	}
	wg.Wait()
	note = "reserved " + sku
	return got, note
}

// First returns the first warehouse that holds enough; goroutines that have not asked yet by then skip their
// query, told so by the cleared label.
func First(whs []Warehouse, sku string, qty int) int {
	found := make(chan int, len(whs))
	var mu sync.Mutex
	label := sku
	for i, w := range whs {
		go func() {
			mu.Lock()
			l := label
			mu.Unlock()
			if l == "" {
				found <- -1
				return
			}
			if n, err := w.Available(l); err == nil && n >= qty {
				found <- i
				return
			}
			found <- -1
		}()
	}
	for range whs {
		if i := <-found; i >= 0 {
			mu.Lock()
			label = ""
			mu.Unlock()
			return i
		}
	}
	return -1
}

// Audit counts stock per warehouse into a fixed table and prints a summary line once the drain is complete.
func Audit(whs []Warehouse, skus []string) string {
	type count struct{ wh, n int }
	results := make(chan count)
	header := "audit"
	for i, w := range whs {
		go func() {
			total := 0
			for _, s := range skus {
				n, _ := w.Available(s)
				total += n
			}
			if header == "" {
				total = -1
			}
			results <- count{i, total}
		}()
	}
	var table [limits.MaxWarehouses]int
	for range whs {
		c := <-results
		if c.wh < limits.MaxWarehouses {
			table[c.wh] = c.n
		}
	}
	header = fmt.Sprintf("audit of %d warehouses", len(whs))
	return fmt.Sprint(header, table)
}

// Release drops every hold; the policy's TTL is cleared once the closer reports that all are released.
func Release(whs []Warehouse, sku string, pol Policy) time.Duration {
	done := make(chan struct{})
	var wg sync.WaitGroup
	for _, w := range whs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_ = w.Hold(sku, 0, pol.TTL)
		}()
	}
	go func() {
		wg.Wait()
		close(done)
	}()
	<-done
	pol.TTL = 0
	return pol.TTL
}

// Expire holds with a TTL that a background refresher keeps extending: the refresher outlives the call.
func Expire(whs []Warehouse, sku string, pol Policy) *Policy {
	for _, w := range whs {
		go func() {
			_ = w.Hold(sku, 1, pol.TTL)
		}()
	}
	return &pol
}
