// Package match pairs waiting players into balanced teams.
package match

import (
	"errors"
	"sort"
	"sync"
	"time"

	"example.com/probes/mixed-gameserver/limits"
)

// Ticket is a player waiting for a match.
type Ticket struct {
	Player string
	Rating int
	Region string
	Since  time.Time
}

// Pool holds the waiting tickets of one queue.
type Pool struct {
	mu      sync.Mutex
	tickets []Ticket
}

// ErrPoolFull is returned when the pool holds PoolSize tickets.
var ErrPoolFull = errors.New("match: pool full")

// Enqueue adds t.
func (p *Pool) Enqueue(t Ticket) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.tickets) >= limits.PoolSize {
		return ErrPoolFull
	}
	p.tickets = append(p.tickets, t)
	return nil
}

// Len is the number of waiting tickets.
func (p *Pool) Len() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.tickets)
}

// Rules say how far apart a match's ratings may be.
type Rules struct {
	Spread   int
	Widen    int
	MaxWait  time.Duration
	TeamSize int
}

func (r *Rules) fill() {
	if r.Spread <= 0 {
		r.Spread = 100
	}
	if r.Widen <= 0 {
		r.Widen = 50
	}
	if r.TeamSize <= 0 || r.TeamSize > limits.TeamSize {
		r.TeamSize = limits.TeamSize
	}
}

func (r *Rules) spread(t Ticket, now time.Time) int {
	waited := int(now.Sub(t.Since) / time.Second)
	return r.Spread + r.Widen*waited
}

// Match is two teams.
type Match struct {
	Teams [2][]string
}

// Form takes 2*TeamSize tickets of close rating out of the pool, oldest first.
func (p *Pool) Form(rules Rules, now time.Time) (Match, bool) {
	rules.fill()
	p.mu.Lock()
	defer p.mu.Unlock()
	need := 2 * rules.TeamSize
	if len(p.tickets) < need {
		return Match{}, false
	}
	sort.Slice(p.tickets, func(i, j int) bool { return p.tickets[i].Rating < p.tickets[j].Rating })
	for lo := 0; lo+need <= len(p.tickets); lo++ {
		group := p.tickets[lo : lo+need]
		if group[need-1].Rating-group[0].Rating > rules.spread(group[0], now) {
			continue
		}
		var m Match
		for i, t := range group {
			m.Teams[i%2] = append(m.Teams[i%2], t.Player)
		}
		p.tickets = append(p.tickets[:lo], p.tickets[lo+need:]...)
		return m, true
	}
	return Match{}, false
}

// Balance returns the rating difference between the teams an alternating draft over the top ratings gives.
func Balance(ratings []int) int {
	n := min(len(ratings), 2*limits.TeamSize)
	top := make([]int, n)
	copy(top, ratings)
	sort.Sort(sort.Reverse(sort.IntSlice(top)))
	diff := 0
	for i, r := range top {
		if i%4 == 0 || i%4 == 3 {
			diff += r
		} else {
			diff -= r
		}
	}
	return max(diff, -diff)
}

// ByRegion counts waiting tickets per region across pools, one goroutine per pool, then resets the scan time.
func ByRegion(pools []*Pool, rules Rules) (map[string]int, time.Duration) {
	rules.fill()
	counts := make(map[string]int)
	var mu sync.Mutex
	var wg sync.WaitGroup
	start := time.Now()
	for _, p := range pools {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p.mu.Lock()
			local := make(map[string]int)
			for _, t := range p.tickets {
				if t.Rating >= rules.Spread/2 {
					local[t.Region]++
				}
			}
			p.mu.Unlock()
			mu.Lock()
			for k, v := range local {
				counts[k] += v
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	return counts, time.Since(start)
}

// Sweep forms matches in every pool concurrently until none forms, then widens the rules for the next sweep.
func Sweep(pools []*Pool, rules Rules, now time.Time) ([]Match, Rules) {
	rules.fill()
	var mu sync.Mutex
	var out []Match
	var wg sync.WaitGroup
	for _, p := range pools {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				m, ok := p.Form(rules, now)
				if !ok {
					return
				}
				mu.Lock()
				out = append(out, m)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	rules.Spread += rules.Widen
	return out, rules
}

// Expire drops tickets older than maxWait and returns how many.
func (p *Pool) Expire(now time.Time, maxWait time.Duration) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	kept := p.tickets[:0]
	for _, t := range p.tickets {
		if now.Sub(t.Since) < maxWait {
			kept = append(kept, t)
		}
	}
	n := len(p.tickets) - len(kept)
	p.tickets = kept
	return n
}
