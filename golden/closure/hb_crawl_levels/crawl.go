// Package crawl fetches a site level by level.
package crawl

import "sync"

// Levels fetches each level's URLs concurrently under one user agent, and rotates the agent
// only once every fetch of the level is done: the workers never see the next agent.
func Levels(levels [][]string, agents []string, fetch func(agent, url string) int) []int {
	var sizes []int
	agent := agents[0] // want "moved to heap: agent"
	for i, urls := range levels {
		var wg sync.WaitGroup // want "moved to heap: wg"
		got := make([]int, len(urls))
		for j, u := range urls {
			wg.Add(1)
			go func() { // want "func literal escapes to heap"
				defer wg.Done()
				got[j] = fetch(agent, u)
			}()
		}
		wg.Wait()
		sizes = append(sizes, got...)
		agent = agents[(i+1)%len(agents)]
	}
	return sizes
}
