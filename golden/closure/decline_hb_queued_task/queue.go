// Package queue runs tasks later, in order.
package queue

// Queue holds tasks until Run.
type Queue struct{ tasks []func() }

// Add queues f.
func (q *Queue) Add(f func()) { q.tasks = append(q.tasks, f) }

// Run runs the queued tasks in order and forgets them.
func (q *Queue) Run() {
	for _, f := range q.tasks {
		f()
	}
	q.tasks = nil
}

// Greet queues a greeting per name, then settles the prefix: the tasks read it when they run.
func Greet(q *Queue, names []string, formal bool, out chan<- string) {
	prefix := "hi" // want "moved to heap: prefix" // declined "neither started by a go statement nor passed to errgroup's or a WaitGroup's Go"
	for _, n := range names {
		q.Add(func() { // want "func literal escapes to heap"
			out <- prefix + " " + n
		})
	}
	if formal {
		prefix = "dear"
	}
}
