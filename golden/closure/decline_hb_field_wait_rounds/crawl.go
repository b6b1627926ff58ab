// Package crawl fetches pages in rounds on goroutines the crawler tracks in its own WaitGroup.
package crawl

import (
	"strconv"
	"sync"
)

// Crawler counts the bytes fetched per page; its WaitGroup tracks every fetch it has started.
type Crawler struct {
	wg    sync.WaitGroup
	mu    sync.Mutex
	bytes map[string]int
}

// New returns a crawler with nothing fetched.
func New() *Crawler { return &Crawler{bytes: map[string]int{}} }

// Rounds fetches each round's URLs concurrently and waits for the round before the next; the
// agent of a round names how many pages were fetched before it. c.wg.Wait() orders the agent's
// new value after every read of the round's goroutines, as long as nothing writes the Crawler over
// its WaitGroup meanwhile (decline_hb_field_reset): the caller's fetch runs before each Done and
// may, and each goroutine locks c.mu, which could order another goroutine that does, so it declines.
func (c *Crawler) Rounds(rounds [][]string, fetch func(agent, url string) int) string {
	agent := "bot/0" // want "moved to heap: agent" // declined "may write the struct over it"
	for _, urls := range rounds {
		for _, u := range urls {
			c.wg.Add(1)
			go func() { // want "func literal escapes to heap"
				defer c.wg.Done()
				n := fetch(agent, u)
				c.mu.Lock()
				c.bytes[u] += n
				c.mu.Unlock()
			}()
		}
		c.wg.Wait()
		c.mu.Lock()
		agent = "bot/" + strconv.Itoa(len(c.bytes))
		c.mu.Unlock()
	}
	return agent
}

// Prefetch starts fetching the URLs in the background, counted all at once; Close waits for them.
func (c *Crawler) Prefetch(urls []string, fetch func(agent, url string) int) {
	c.wg.Add(len(urls))
	for _, u := range urls {
		go func() { // want "func literal escapes to heap"
			defer c.wg.Done()
			n := fetch("prefetch", u)
			c.mu.Lock()
			c.bytes[u] += n
			c.mu.Unlock()
		}()
	}
}

// Close waits for every fetch the crawler started.
func (c *Crawler) Close() { c.wg.Wait() }
