package svc

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
)

// NamedResultHook returns a getter of the named result, which the return statement sets.
func NamedResultHook(n int) (res string, get func() string) {
	res = "a"
	for i := 0; i < n; i++ {
		res += "a"
	}
	get = func() string { return res }
	return "final" + strconv.Itoa(n), get
}

type frame struct {
	arr   [4]int
	count int
	name  string
}

func (f *frame) head() []int { return f.arr[:2] }

func (f *frame) counter() *int { return &f.count }

func (f *frame) label() string { return f.name + ":" + strconv.Itoa(f.arr[0]) }

// SliceThroughMethod lets workers fill the frame through a slice a method returns.
func SliceThroughMethod(v int) string {
	var f frame
	f.name = "fr"
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		h := f.head()
		h[0] = v
	}()
	wg.Wait()
	f.name = "done"
	return fmt.Sprint(f.arr, f.name)
}

// CounterThroughMethod bumps a counter through a pointer a method returns.
func CounterThroughMethod(v int) string {
	var f frame
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		*f.counter() += v
	}()
	wg.Wait()
	f.name = "x"
	return fmt.Sprint(f.count, f.name)
}

// CopyIntoArray fills an array in a goroutine with the builtin copy.
func CopyIntoArray(src []int) string {
	var buf [4]int
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		copy(buf[:], src)
	}()
	wg.Wait()
	out := fmt.Sprint(buf)
	buf[0] = -1
	return out + fmt.Sprint(buf[0])
}

// LabelReader reads the frame through a method only.
func LabelReader(v int) string {
	var f frame
	f.name = "lab"
	var out string
	for i := 0; i < v; i++ {
		f.arr[0] = i
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			out += f.label() + ";"
		}()
		wg.Wait()
	}
	f.arr[0] = 100
	return out
}

type runner struct {
	mu    sync.Mutex
	queue []func()
}

func (r *runner) later(f func()) { r.mu.Lock(); r.queue = append(r.queue, f); r.mu.Unlock() }

func (r *runner) flush() {
	for _, f := range r.queue {
		f()
	}
}

// DeferredCallbacks queues callbacks that run after the loop changes the prefix.
func DeferredCallbacks(items []string) string {
	var r runner
	var b strings.Builder
	prefix := "p"
	for _, it := range items {
		r.later(func() { b.WriteString(prefix + it + ";") })
	}
	prefix = "q"
	r.flush()
	return b.String()
}

// PanicBetween starts workers, may panic before waiting, and recovers into a write.
func PanicBetween(items []int, bad bool) (out string) {
	tag := "t"
	var wg sync.WaitGroup
	var mu sync.Mutex
	var got []string
	defer func() {
		if r := recover(); r != nil {
			wg.Wait()
			out = fmt.Sprint("recovered ", r, " ", len(got), tag)
		}
	}()
	for _, it := range items {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			got = append(got, tag+strconv.Itoa(it))
			mu.Unlock()
		}()
	}
	if bad {
		panic("bad")
	}
	wg.Wait()
	tag = "u"
	return fmt.Sprint(len(got), tag)
}

type pool struct{ wg sync.WaitGroup }

func (p *pool) finish() { p.wg.Done() }

// DoneBeforeRead signals the group from a helper and then keeps reading.
func DoneEarlyHelper(n int) string {
	var p pool
	tag := "a"
	res := make(chan string, 1)
	gate := make(chan bool)
	p.wg.Add(1)
	go func() {
		p.finish()
		<-gate
		res <- tag
	}()
	p.wg.Wait()
	tag = strconv.Itoa(n)
	close(gate)
	return <-res
}

// DoneEarlyValue signals through a method value and keeps reading.
func DoneEarlyValue(n int) string {
	var wg sync.WaitGroup
	done := wg.Done
	tag := "a"
	res := make(chan string, 1)
	gate := make(chan bool)
	wg.Add(1)
	go func() {
		done()
		<-gate
		res <- tag
	}()
	wg.Wait()
	tag = strconv.Itoa(n)
	close(gate)
	return <-res
}

// DoneEarlyDefer defers Done inside a nested block.
func DoneEarlyNested(n int) string {
	var wg sync.WaitGroup
	tag := "a"
	res := make(chan string, 1)
	gate := make(chan bool)
	wg.Add(1)
	go func() {
		func() {
			defer wg.Done()
		}()
		<-gate
		res <- tag
	}()
	wg.Wait()
	tag = strconv.Itoa(n)
	close(gate)
	return <-res
}

// DoneTwice has the goroutine signal twice, with Add(2).
func DoneTwice(n int) string {
	var wg sync.WaitGroup
	tag := "a"
	res := make(chan string, 1)
	gate := make(chan bool)
	wg.Add(1)
	go func() {
		wg.Done()
		<-gate
		res <- tag
	}()
	wg.Wait()
	tag = strconv.Itoa(n)
	close(gate)
	return <-res
}
