// Package pad is the core of a command-line tool that pads table columns to a width its flag sets.
package pad

import (
	"fmt"
	"log"
	"os"
)

// maxWidth is the widest column the tool prints.
const maxWidth = 120

// Column pads cell to width spaces; a width the tool cannot print ends the program.
func Column(cell string, width int) string {
	if width < 0 || width > maxWidth {
		fmt.Fprintf(os.Stderr, "pad: width %d out of range 0..%d\n", width, maxWidth)
		os.Exit(2)
	}
	line := make([]byte, width) // want(<go1.25) "make\\(\\[\\]byte, width\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]byte, width\\) does not escape"
	for i := range line {
		line[i] = ' '
	}
	copy(line, cell)
	return string(line)
}

// Ruler draws a ruler of n dashes; a bad n is fatal, as the tool's flags are checked once.
func Ruler(n int) string {
	if n > maxWidth {
		log.Fatalf("pad: ruler of %d dashes is wider than %d", n, maxWidth)
	}
	dashes := make([]byte, n) // want(<go1.25) "make\\(\\[\\]byte, n\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]byte, n\\) does not escape"
	for i := range dashes {
		dashes[i] = '-'
	}
	return string(dashes)
}
