// Package report renders a large summary in the background.
package report

import "fmt"

// Summary is bigger than the 128 bytes the compiler captures by value.
type Summary struct {
	Title  string
	Counts [17]int
	Notes  [4]string
}

// Render prints the summary from a goroutine and reports when it is done. The summary is
// captured by reference for its size alone, and it is a parameter: the copy would go in a
// block of its own (one in the function's block would redeclare it), but a copy above 128
// bytes is captured by reference too, and so would be a copy of the 136-byte Counts the
// goroutine reads (copies of the fields it reads, golden go_wide_struct_fields, need each at
// most 128 bytes), so the rule declines without asking the compiler.
func Render(s Summary, done chan<- struct{}) { // want "moved to heap: s" // declined "s is 216 bytes: the compiler captures a variable wider than 128 bytes by reference, so a copy would move to the heap as well"
	go func() { // want "func literal escapes to heap"
		fmt.Println(s.Title, s.Counts[0], s.Notes[0])
		close(done)
	}()
}
