// Package pages lists a paginated API.
package pages

// Item is one listed object.
type Item struct{ ID string }

type page struct {
	items []Item
	next  string
	err   error
}

// All fetches every page in turn, each: the fetch runs in a goroutine that
// reports its page on a channel, and the token advances only once that page is in.
func All(fetch func(token string) ([]Item, string, error)) ([]Item, error) {
	var all []Item
	token := "" // want "moved to heap: token"
	for {
		res := make(chan page, 1)
		go func() { // want "func literal escapes to heap"
			items, next, err := fetch(token)
			res <- page{items, next, err}
		}()
		p := <-res
		if p.err != nil {
			return all, p.err
		}
		all = append(all, p.items...)
		if p.next == "" {
			return all, nil
		}
		token = p.next
	}
}
