// Package pages loads catalogue pages from a backend, one worker per page.
package pages

// Page is one page of product names.
type Page struct {
	ID    int
	Items []string
}

// Load fetches each page on a worker with the current page size; a failure arrives on a channel
// of its own. The worker ends every path with one send on one of the two channels, and the select
// receives from both with no default, so the page size grows only once the worker has read it.
func Load(ids []int, size int, fetch func(id, size int) (Page, error)) ([]Page, int) { // want "moved to heap: size"
	var loaded []Page
	failed := 0
	for _, id := range ids {
		pagec, errc := make(chan Page, 1), make(chan error, 1)
		go func() { // want "func literal escapes to heap"
			p, err := fetch(id, size)
			if err != nil {
				errc <- err
				return
			}
			pagec <- p
		}()
		select {
		case p := <-pagec:
			loaded = append(loaded, p)
		case <-errc:
			failed++
		}
		size += 10
	}
	return loaded, failed
}
