// Package settle settles groups on workers and reports each group once the books are closed.
package settle

import "sync"

type hook[T any] struct{ run func(T) }

// arm wraps f in a hook, to run once the caller is ready: generic, so the compiler prints no verdict
// for f, and inlined, the hook and f stay on the worker's stack (func literal does not escape); its
// body keeps f in what it returns instead of only calling it.
func arm[T any](f func(T)) hook[T] { return hook[T]{run: f} }

// Settle reports every group under the label in force when the books close: each worker arms its
// hook, signals, and runs the hook once release is closed, so it reads the label written after the wait.
func Settle(groups [][]string, label string, release <-chan struct{}, seen chan<- string) string { // want "moved to heap: label" // declined "the literal is passed to arm, whose f (settle.go:11) is used in a literal element"
	var wg sync.WaitGroup // want "moved to heap: wg"
	for _, g := range groups {
		wg.Add(1)
		go func() { // want "func literal escapes to heap"
			h := arm(func(s string) { seen <- label + ":" + s })
			wg.Done()
			<-release
			h.run(g[0])
		}()
	}
	wg.Wait()
	label = "closed"
	return label
}
