// Package pool grows a connection pool with dial workers started by name beside one feeder goroutine.
package pool

import "sync"

// Conn is a dialled connection.
type Conn struct {
	Addr string
	ID   int
}

// dialer dials every address it receives until the queue closes.
func dialer(wg *sync.WaitGroup, jobs <-chan string, out chan<- Conn, id int) {
	defer wg.Done()
	for addr := range jobs {
		out <- Conn{Addr: addr, ID: id}
	}
}

// Grow dials n connections to addr with workers dialers fed by one goroutine; once every dial is done
// the address is relabelled for the caller.
func Grow(addr string, n, workers int) ([]Conn, string) { // want "moved to heap: addr"
	jobs := make(chan string)
	out := make(chan Conn, n)
	var wg sync.WaitGroup // want "moved to heap: wg"
	wg.Add(1)
	go func() { // want "func literal escapes to heap"
		defer wg.Done()
		for i := 0; i < n; i++ {
			jobs <- addr
		}
		close(jobs)
	}()
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go dialer(&wg, jobs, out, w)
	}
	wg.Wait()
	close(out)
	conns := make([]Conn, 0, n)
	for c := range out {
		conns = append(conns, c)
	}
	addr += " (grown)"
	return conns, addr
}
