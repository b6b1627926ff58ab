package mlserve

import (
	"context"
	"hash/fnv"
	"sync"
)

// Table is an embedding table: Rows vectors of Dim values, flattened.
type Table struct {
	Name string
	Dim  int
	Data []float32
	OOV  int // the row out-of-vocabulary keys map to
}

func (t *Table) row(key string) []float32 {
	rows := len(t.Data) / t.Dim
	if rows == 0 {
		return nil
	}
	h := fnv.New32a()
	h.Write([]byte(key))
	r := int(h.Sum32() % uint32(rows))
	if key == "" {
		r = t.OOV
	}
	return t.Data[r*t.Dim : (r+1)*t.Dim]
}

// Lookup is the embedding service's view of its tables.
type Lookup struct {
	Tables map[string]*Table
	Pool   Pooling
}

// Pooling says how several rows are combined.
type Pooling struct {
	Mean bool
	Norm float32
}

func (p Pooling) combine(rows [][]float32, dim int) []float32 {
	out := make([]float32, dim)
	for _, r := range rows {
		for i := range out {
			out[i] += r[i]
		}
	}
	if p.Mean && len(rows) > 0 {
		for i := range out {
			out[i] /= float32(len(rows))
		}
	}
	if p.Norm > 0 {
		for i := range out {
			out[i] *= p.Norm
		}
	}
	return out
}

// EmbedAll looks up every key list in its own goroutine, pooling as configured.
func EmbedAll(l *Lookup, table string, keys [][]string) [][]float32 {
	t := l.Tables[table]
	pool := l.Pool
	if pool.Norm == 0 {
		pool.Norm = 1
	}
	out := make([][]float32, len(keys))
	var wg sync.WaitGroup
	for i, ks := range keys {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rows := make([][]float32, 0, len(ks))
			for _, k := range ks {
				rows = append(rows, t.row(k))
			}
			out[i] = pool.combine(rows, t.Dim)
		}()
	}
	wg.Wait()
	return out
}

// EmbedLocal copies a table header locally (a hot-swap may replace the map entry) and reads it in the workers.
func EmbedLocal(l *Lookup, table string, keys []string) [][]float32 {
	t := *l.Tables[table]
	if t.Dim == 0 {
		t.Dim = 1
	}
	out := make([][]float32, len(keys))
	var wg sync.WaitGroup
	for i, k := range keys {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = t.row(k)
		}()
	}
	wg.Wait()
	return out
}

// EmbedDims reads the dims of several tables through pointer dereferences in each goroutine.
func EmbedDims(l *Lookup, names []string) []int {
	pool := l.Pool
	pool.Mean = true
	dims := make([]int, len(names))
	var wg sync.WaitGroup
	for i, n := range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			t := l.Tables[n]
			if t == nil {
				return
			}
			d := (*t).Dim
			if pool.Mean {
				d++
			}
			dims[i] = d
		}()
	}
	wg.Wait()
	return dims
}

// EmbedCancellable stops looking up once the context is done.
func EmbedCancellable(ctx context.Context, l *Lookup, table string, keys []string) int {
	t := l.Tables[table]
	pool := l.Pool
	pool.Norm = 2
	found := make([]bool, len(keys))
	var wg sync.WaitGroup
	for i, k := range keys {
		wg.Add(1)
		go func() {
			defer wg.Done()
			select {
			case <-ctx.Done():
				return
			default:
			}
			v := pool.combine([][]float32{t.row(k)}, t.Dim)
			found[i] = len(v) > 0
		}()
	}
	wg.Wait()
	n := 0
	for _, f := range found {
		if f {
			n++
		}
	}
	return n
}

// HotSwap is a must-decline: the table pointer held in a field of the local view is replaced by a reloader
// goroutine while the readers run; readers started later must see the new table.
func HotSwap(l *Lookup, next *Table, keys []string) []int {
	view := Lookup{Tables: map[string]*Table{}, Pool: l.Pool}
	for k, v := range l.Tables {
		view.Tables[k] = v
	}
	var mu sync.Mutex
	swapped := make(chan struct{})
	go func() {
		mu.Lock()
		view.Tables["main"] = next
		mu.Unlock()
		close(swapped)
	}()
	<-swapped
	dims := make([]int, len(keys))
	var wg sync.WaitGroup
	for i := range keys {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			t := view.Tables["main"]
			mu.Unlock()
			if t != nil {
				dims[i] = t.Dim
			}
		}()
	}
	wg.Wait()
	return dims
}
