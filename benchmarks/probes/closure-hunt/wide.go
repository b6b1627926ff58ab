package svc

import (
	"fmt"
	"sync"
)

type wide struct {
	name  string
	pad   [15]int
	buf   [4]byte
	count counterBox
	list  []int
}

type counterBox struct{ n int }

func (c *counterBox) inc() { c.n++ }

func (c *counterBox) get() int { return c.n }

// WideCopyInto fills a wide struct's array field through a slice in a goroutine.
func WideCopyInto(src string) string {
	var w wide
	w.name = "w"
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		copy(w.buf[:], src)
		_ = w.name
	}()
	wg.Wait()
	w.name = "x"
	return fmt.Sprint(w.buf, w.name)
}

// WideFieldMethod bumps a wide struct's counter field through its pointer method.
func WideFieldMethod(k int) string {
	var w wide
	w.name = "w"
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < k; i++ {
			w.count.inc()
		}
		_ = w.name
	}()
	wg.Wait()
	w.name = "x"
	return fmt.Sprint(w.count.n, w.name)
}

// WideFieldRead reads a wide struct's fields in workers.
func WideFieldRead(k int) string {
	var w wide
	w.name = "w"
	w.pad[3] = k
	var mu sync.Mutex
	total := 0
	var wg sync.WaitGroup
	for i := 0; i < k; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			total += w.pad[3] + len(w.name) + w.count.get()
			mu.Unlock()
		}()
	}
	wg.Wait()
	w.name = "xyz"
	w.pad[3] = 0
	return fmt.Sprint(total, w.name)
}

// WideListAppend appends to a slice field's shared array from a goroutine.
func WideListWrite(k int) string {
	var w wide
	w.list = make([]int, 3)
	w.name = "w"
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		w.list[0] = k
		_ = w.name
	}()
	wg.Wait()
	w.name = "x"
	return fmt.Sprint(w.list, w.name)
}
