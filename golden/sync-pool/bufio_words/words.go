// Package words counts words in the caller's input.
package words

import (
	"bufio"
	"io"
	"strings"
)

// Count reads r line by line through a buffered reader and counts the words of each line:
// ReadString returns a copy, so nothing of the buffer outlives the call.
func Count(r io.Reader) (lines, words int, err error) {
	br := bufio.NewReader(r) // want "make\\(\\[\\]byte, max\\(bufio.size, 16\\)\\) escapes to heap"
	for {
		line, err := br.ReadString('\n')
		if line != "" {
			lines++
			words += len(strings.Fields(line))
		}
		if err == io.EOF {
			return lines, words, nil
		}
		if err != nil {
			return lines, words, err
		}
	}
}
