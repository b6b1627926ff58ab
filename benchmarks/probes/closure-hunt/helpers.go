package svc

import (
	"fmt"
	"sync"
)

var fanGate = make(chan bool)

func resetFanGate() { fanGate = make(chan bool) }

// parallelFor runs f for 0..n-1 in goroutines and waits; it refuses too many before waiting.
func parallelFor(n int, f func(int)) {
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f(i)
		}()
	}
	if n > 2 {
		panic(fmt.Sprint("too many: ", n))
	}
	wg.Wait()
}

// Render fans out over n rows with a label, clearing the label on the way out.
func Render(n int, res chan string) {
	label := "L"
	defer func() { label = "" }()
	parallelFor(n, func(i int) {
		<-fanGate
		res <- fmt.Sprint(label, i)
	})
	label = "M"
}

// RunRender runs Render, recovering a refusal, then releases the rows.
func RunRender(n int) (out string) {
	resetFanGate()
	res := make(chan string, n)
	if n <= 2 {
		close(fanGate)
	}
	func() {
		defer func() {
			if r := recover(); r != nil {
				out = fmt.Sprint(r, ":")
			}
		}()
		Render(n, res)
	}()
	if n > 2 {
		close(fanGate)
	}
	got := make([]string, 0, n)
	for i := 0; i < n; i++ {
		got = append(got, <-res)
	}
	return out + fmt.Sprint(len(got), got[:0])
}
