package svc

import (
	"fmt"
	"sync"
)

type policy struct {
	hits  int
	buf   [4]byte
	inner counterBox
	name  string
}

func (p *policy) label() string { return p.name }

// PointeeHits bumps a policy's hits through a pointer in a goroutine.
func PointeeHits(k int) string {
	pol := policy{name: "p"}
	p := &pol
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < k; i++ {
			p.hits++
		}
		_ = p.label()
	}()
	wg.Wait()
	pol.name = "q"
	return fmt.Sprint(pol.hits, pol.name)
}

// PointeeSliceWrite copies into a policy's buffer through a pointer in a goroutine.
func PointeeSliceWrite(s string) string {
	pol := policy{name: "p"}
	p := &pol
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		copy(p.buf[:], s)
		_ = p.label()
	}()
	wg.Wait()
	pol.name = "q"
	return fmt.Sprint(pol.buf, pol.name)
}

// PointeeFieldMethod bumps a policy's inner counter through a pointer in a goroutine.
func PointeeFieldMethod(k int) string {
	pol := policy{name: "p"}
	p := &pol
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < k; i++ {
			p.inner.inc()
		}
		_ = p.label()
	}()
	wg.Wait()
	pol.name = "q"
	return fmt.Sprint(pol.inner.n, pol.name)
}

// PointeeRead reads a policy through a pointer in workers, then renames.
func PointeeRead(k int) string {
	pol := policy{name: "p", hits: k}
	p := &pol
	var mu sync.Mutex
	var got []string
	var wg sync.WaitGroup
	for i := 0; i < k; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := fmt.Sprint(p.hits, p.label(), p.buf[0])
			mu.Lock()
			got = append(got, s)
			mu.Unlock()
		}()
	}
	wg.Wait()
	pol.name = "q"
	return fmt.Sprint(len(got), got, pol.name)
}
