// Package legacy holds goroutine code in a module still on go 1.21 loop semantics.
package legacy

import (
	"fmt"
	"strings"
	"sync"
)

// Batches processes items one goroutine at a time, upper-casing its own item.
func Batches(items []string) string {
	var out []string
	var wg sync.WaitGroup
	for _, it := range items {
		wg.Add(1)
		go func() {
			defer wg.Done()
			it = strings.ToUpper(it)
			out = append(out, it)
		}()
		wg.Wait()
	}
	return strings.Join(out, ",")
}

// Stepper reads the loop counter in a goroutine per step, waiting each time.
func Stepper(n int) string {
	var out []string
	var wg sync.WaitGroup
	tag := "t"
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out = append(out, fmt.Sprint(tag, i))
		}()
		wg.Wait()
		tag += "+"
	}
	return strings.Join(out, ",")
}

// Hooks stores a getter per item.
func Hooks(items []string) string {
	var hs []func() string
	for _, it := range items {
		hs = append(hs, func() string { return it })
	}
	var out []string
	for _, h := range hs {
		out = append(out, h())
	}
	return strings.Join(out, ",")
}

type key struct{ name string }

func (k *key) label(c int) string { return fmt.Sprint(k.name, c) }

// BoundKeys binds each key's label and calls it from a goroutine, waiting each time.
func BoundKeys(keys []key) string {
	var out []string
	var wg sync.WaitGroup
	for _, k := range keys {
		name := k.label
		wg.Add(1)
		go func() {
			defer wg.Done()
			out = append(out, name(len(out)))
		}()
		wg.Wait()
	}
	return strings.Join(out, ",")
}

// LateHooks stores a getter per item and reads them after the loop.
func LateHooks(items []string) string {
	var hs []func() string
	for i := 0; i < len(items); i++ {
		hs = append(hs, func() string { return fmt.Sprint(i) })
	}
	var out []string
	for _, h := range hs {
		out = append(out, h())
	}
	return strings.Join(out, ",")
}
