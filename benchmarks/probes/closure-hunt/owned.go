package svc

import (
	"bytes"
	"fmt"
	"iter"
	"strings"
	"sync"
)

// OwnedTwice starts the same counting goroutine twice through a helper literal.
func OwnedTwice(k int) string {
	n := k
	out := make(chan int)
	start := func() {
		go func() {
			n++
			out <- n
		}()
	}
	start()
	a := <-out
	start()
	b := <-out
	return fmt.Sprint(a, b)
}

// OwnedBufferTwice appends lines to one buffer from a goroutine started twice.
func OwnedBufferTwice(lines []string) string {
	var buf bytes.Buffer
	out := make(chan string)
	emit := func(l string) {
		go func() {
			buf.WriteString(l)
			out <- buf.String()
		}()
	}
	var got []string
	for _, l := range lines {
		emit(l)
		got = append(got, <-out)
	}
	return strings.Join(got, "|")
}

// OwnedNamed fills a named result from a goroutine and returns it bare.
func OwnedNamed(k int) (res string) {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		res = res + fmt.Sprint(k)
	}()
	wg.Wait()
	return
}

func count(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

// OwnedInRangeFunc starts a goroutine per row of an iterator, each advancing one counter.
func OwnedInRangeFunc(k int) string {
	total := 100
	out := make(chan int)
	var got []string
	for range count(k) {
		go func() {
			total += 1
			out <- total
		}()
		got = append(got, fmt.Sprint(<-out))
	}
	return strings.Join(got, ",")
}

// OwnedDeferTwice defers the goroutine start; the helper runs once per call.
func OwnedLoopLabel(k int) string {
	n := 0
	out := make(chan int)
	spawn := func() { go func() { n += 2; out <- n }() }
	var got []string
	for i := 0; i < k; i++ {
		spawn()
		got = append(got, fmt.Sprint(<-out))
	}
	return strings.Join(got, ",")
}

// CopyInHelperTwice starts a reader twice through a helper while the tag changes.
func CopyInHelperTwice(k int) string {
	tag := "a"
	var wg sync.WaitGroup
	var mu sync.Mutex
	var got []string
	start := func() {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			got = append(got, tag)
			mu.Unlock()
		}()
	}
	for i := 0; i < k; i++ {
		start()
		wg.Wait()
		tag += "b"
	}
	return strings.Join(got, ",")
}
