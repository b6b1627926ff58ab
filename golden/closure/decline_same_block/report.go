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
// captured by reference for its size alone, and it is a parameter: a copy in the function's
// own block would redeclare it.
func Render(s Summary, done chan<- struct{}) { // want "moved to heap: s" // declined "a copy there would redeclare it"
	go func() { // want "func literal escapes to heap"
		fmt.Println(s.Title, s.Counts[0], s.Notes[0])
		close(done)
	}()
}
