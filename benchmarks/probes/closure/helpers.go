package probe

import (
	"bytes"
	"fmt"
	"io"
	"sort"
	"sync"
)

// forEach runs f for every index on its own goroutine and waits for all.
func forEach(n int, f func(i int)) {
	var wg sync.WaitGroup
	wg.Add(n)
	for i := 0; i < n; i++ {
		go func() {
			defer wg.Done()
			f(i)
		}()
	}
	wg.Wait()
}

// Resize scales every item in parallel through the package's helper; the
// factor is reset once the helper returned.
func Resize(imgs []Item, factor int) ([]int, int) {
	out := make([]int, len(imgs))
	forEach(len(imgs), func(i int) { out[i] = imgs[i].Size * factor })
	factor = 1
	return out, factor
}

func encodeLine(w io.Writer, name string, n int) {
	fmt.Fprintf(w, "%s=%d\n", name, n)
}

// Render formats sorted key=value lines into a buffer and writes it once.
func Render(vals map[string]int, out io.Writer) error {
	keys := make([]string, 0, len(vals))
	for k := range vals {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var buf bytes.Buffer
	for _, k := range keys {
		encodeLine(&buf, k, vals[k])
	}
	_, err := out.Write(buf.Bytes())
	return err
}
