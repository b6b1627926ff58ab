// Command tagdump prints the tags given as arguments, in brackets.
package main

import (
	"fmt"
	"os"
)

const maxTag = 24

func main() {
	for _, a := range os.Args[1:] {
		if len(a) > maxTag {
			fmt.Fprintln(os.Stderr, "tag too long:", a)
			continue
		}
		emit(a)
	}
}

// emit prints tag in braces: every call bounds it by maxTag.
func emit(tag string) {
	b := make([]byte, len(tag)+2)
	b[0] = '{'
	copy(b[1:], tag)
	b[len(b)-1] = '}'
	os.Stdout.Write(b)
}
