package payments

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
	"time"
)

// DailyRow is one line of the daily merchant report.
type DailyRow struct {
	Merchant string
	Count    int
	Gross    int64
	Fees     int64
}

// feeFor applies the merchant's fee in basis points, rounding half up.
func feeFor(amount int64, bps int64) int64 { return (amount*bps + 5000) / 10000 }

// DailyReport aggregates each merchant's payments in its own goroutine; the
// fee schedule's default is read by every goroutine and reset after the wait.
func DailyReport(byMerchant map[string][]Payment, fees map[string]int64, defaultBps int64) ([]DailyRow, int64) {
	rows := make(chan DailyRow, len(byMerchant))
	var wg sync.WaitGroup
	wg.Add(len(byMerchant))
	for m, ps := range byMerchant {
		go func() {
			defer wg.Done()
			bps, ok := fees[m]
			if !ok {
				bps = defaultBps
			}
			r := DailyRow{Merchant: m, Count: len(ps)}
			for _, p := range ps {
				r.Gross += p.Amount
				r.Fees += feeFor(p.Amount, bps)
			}
			rows <- r
		}()
	}
	wg.Wait()
	close(rows)
	defaultBps = 0
	var out []DailyRow
	for r := range rows {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Merchant < out[j].Merchant })
	return out, defaultBps
}

// WriteReport renders the rows as CSV into w, formatting each row in parallel
// and writing them in order; the separator is reset after the wait.
func WriteReport(w io.Writer, rows []DailyRow, sep string) error {
	lines := make([]string, len(rows))
	var wg sync.WaitGroup
	for i, r := range rows {
		wg.Add(1)
		go func() {
			defer wg.Done()
			lines[i] = strings.Join([]string{r.Merchant, fmt.Sprint(r.Count), fmt.Sprint(r.Gross), fmt.Sprint(r.Fees)}, sep)
		}()
	}
	wg.Wait()
	sep = "\n"
	_, err := io.WriteString(w, strings.Join(lines, sep)+sep)
	return err
}

// Histogram buckets payment amounts per currency, one goroutine per currency
// of a map, the partial histograms merged from a channel that a closer
// goroutine closes after the wait.
func Histogram(byCurrency map[string][]int64, width int64) map[string][]int {
	type part struct {
		cur     string
		buckets []int
	}
	ch := make(chan part)
	var wg sync.WaitGroup
	for cur, amounts := range byCurrency {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var b []int
			for _, a := range amounts {
				k := int(a / width)
				for len(b) <= k {
					b = append(b, 0)
				}
				b[k]++
			}
			ch <- part{cur, b}
		}()
	}
	go func() {
		wg.Wait()
		close(ch)
	}()
	out := make(map[string][]int, len(byCurrency))
	for p := range ch {
		out[p.cur] = p.buckets
	}
	width = 0
	_ = width
	return out
}

// MonthlyTotals sums each day of a month in parallel into a fixed array; the
// month label is read by the goroutines and formatted after the wait.
func MonthlyTotals(days [31][]Payment, month time.Month) ([31]int64, string) {
	var totals [31]int64
	var wg sync.WaitGroup
	for d := range days {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, p := range days[d] {
				if month != 0 {
					totals[d] += p.Amount
				}
			}
		}()
	}
	wg.Wait()
	label := month.String()
	month = 0
	return totals, label
}

// TopMerchants keeps a running top list that the goroutines update under a
// lock; the list is read after the wait (must decline: shared).
func TopMerchants(rows []DailyRow, k int) []DailyRow {
	var mu sync.Mutex
	var top []DailyRow
	var wg sync.WaitGroup
	for _, r := range rows {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			defer mu.Unlock()
			top = append(top, r)
			sort.Slice(top, func(i, j int) bool { return top[i].Gross > top[j].Gross })
			if len(top) > k {
				top = top[:k]
			}
		}()
	}
	wg.Wait()
	return top
}

// ProgressReport aggregates rows while a progress goroutine prints how many
// are done, reading the title that the function changes before it stops the
// printer (must decline: the printer may read the new title).
func ProgressReport(w io.Writer, rows []DailyRow, title string) int64 {
	var mu sync.Mutex
	done := 0
	stop := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				mu.Lock()
				fmt.Fprintf(w, "%s: %d/%d\n", title, done, len(rows))
				mu.Unlock()
			}
		}
	}()
	var gross int64
	for _, r := range rows {
		mu.Lock()
		gross += r.Gross
		done++
		mu.Unlock()
	}
	title = title + " (final)"
	close(stop)
	<-finished
	return gross
}
