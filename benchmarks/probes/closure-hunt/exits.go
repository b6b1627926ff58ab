package svc

import (
	"sort"
	"strconv"
	"strings"
	"sync"
)

func mustLen(s string) int {
	if s == "" {
		panic("empty name")
	}
	return len(s)
}

// ExitWrite fans out over names, clearing the seed on the way out; a bad name panics mid-loop.
func ExitWrite(xs []string, gate chan bool, res chan string) {
	seed := "s"
	defer func() { seed = "" }()
	var wg sync.WaitGroup
	for _, x := range xs {
		n := mustLen(x)
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-gate
			res <- seed + strconv.Itoa(n)
		}()
	}
	wg.Wait()
}

// RunExitWrite runs ExitWrite, recovering a panic, then releases the first worker.
func RunExitWrite(xs []string) (out string) {
	gate := make(chan bool)
	res := make(chan string, len(xs))
	started := 0
	for _, x := range xs {
		if x == "" {
			break
		}
		started++
	}
	func() {
		defer func() {
			if r := recover(); r != nil {
				out = "recovered:"
			}
		}()
		if started == len(xs) {
			close(gate)
		}
		ExitWrite(xs, gate, res)
	}()
	if started < len(xs) {
		close(gate)
	}
	var got []string
	for i := 0; i < started; i++ {
		got = append(got, <-res)
	}
	sort.Strings(got)
	return out + strings.Join(got, ";")
}
