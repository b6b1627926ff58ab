// Package status serves the agent's small HTTP status page.
package status

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strconv"
	"sync"
	"time"

	"example.com/probes/mixed-observability/limits"
)

// Component is one line of the page.
type Component struct {
	Name    string
	OK      bool
	Checked time.Time
}

// Page holds the components shown.
type Page struct {
	mu    sync.RWMutex
	comps []Component
	title string
}

// Set replaces the components.
func (p *Page) Set(cs []Component) {
	p.mu.Lock()
	p.comps = cs
	p.mu.Unlock()
}

// ServeHTTP renders the page as plain text.
func (p *Page) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p.mu.RLock()
	defer p.mu.RUnlock()
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s\n\n", p.title)
	for _, c := range p.comps {
		state := "up"
		if !c.OK {
			state = "DOWN"
		}
		fmt.Fprintf(&b, "%-24s %-4s %s\n", c.Name, state, c.Checked.Format(time.RFC3339))
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(b.Len()))
	w.Write(b.Bytes())
}

// Summary returns "n/m up".
func (p *Page) Summary() string {
	p.mu.RLock()
	defer p.mu.RUnlock()
	up := 0
	for _, c := range p.comps {
		if c.OK {
			up++
		}
	}
	b := make([]byte, 0, 24)
	b = strconv.AppendInt(b, int64(up), 10)
	b = append(b, '/')
	b = strconv.AppendInt(b, int64(len(p.comps)), 10)
	b = append(b, " up"...)
	return string(b)
}

// Down lists the names of down components, at most MaxTargets, sorted.
func (p *Page) Down() string {
	p.mu.RLock()
	defer p.mu.RUnlock()
	n := 0
	for _, c := range p.comps {
		if !c.OK {
			n++
		}
	}
	n = min(n, limits.MaxTargets)
	names := make([]string, 0, n)
	for _, c := range p.comps {
		if !c.OK && len(names) < n {
			names = append(names, c.Name)
		}
	}
	sort.Strings(names)
	var b bytes.Buffer
	for _, s := range names {
		io.WriteString(&b, s)
		b.WriteByte(' ')
	}
	return b.String()
}

// Refresh checks every component concurrently and sets the page; the title is updated after all report.
func (p *Page) Refresh(check func(string) bool, names []string, title string) {
	comps := make([]Component, len(names))
	done := make(chan int)
	for i, n := range names {
		go func() {
			comps[i] = Component{Name: n, OK: check(n), Checked: time.Unix(0, 0)}
			done <- i
		}()
	}
	for range names {
		<-done
	}
	title = title + " (" + strconv.Itoa(len(names)) + ")"
	p.mu.Lock()
	p.comps = comps
	p.title = title
	p.mu.Unlock()
}

// Handler serves the page with a header prefix the caller sets; the handler keeps the prefix: must decline.
func Handler(p *Page, prefix string) http.Handler {
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, prefix)
		p.ServeHTTP(w, r)
	})
	prefix = "# " + prefix
	return h
}

// Probe fetches each URL's status concurrently into a table, with a client built once and configured through a helper.
func Probe(get func(c *http.Client, url string) int, urls []string) []int {
	client := http.Client{}
	configure(&client)
	codes := make([]int, len(urls))
	var wg sync.WaitGroup
	for i, u := range urls {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := client
			codes[i] = get(&c, u)
		}()
	}
	wg.Wait()
	return codes
}

func configure(c *http.Client) {
	c.Timeout = 3 * time.Second
}
