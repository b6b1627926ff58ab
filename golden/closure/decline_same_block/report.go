// Package report renders a large summary in the background.
package report

import "fmt"

// Summary is bigger than the 128 bytes the compiler captures by value.
type Summary struct {
	Title  string
	Counts [16]int
	Notes  [4]string
}

// Render prints the summary from a goroutine and reports when it is done. The summary is
// captured by reference for its size alone, and it is a parameter: the copy goes in a block
// of its own (one in the function's block would redeclare it), and the compiler rejects it,
// because a copy above 128 bytes is captured by reference too.
func Render(s Summary, done chan<- struct{}) { // want "moved to heap: s" // declined "the compiler still reports `moved to heap: s`"
	go func() { // want "func literal escapes to heap"
		fmt.Println(s.Title, s.Counts[0], s.Notes[0])
		close(done)
	}()
}
