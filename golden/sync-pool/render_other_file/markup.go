package badge

import (
	"fmt"
	"io"
)

func open(w io.Writer, width int) {
	fmt.Fprintf(w, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="20">`, width*7)
}

func text(w io.Writer, at int, s string) {
	fmt.Fprintf(w, `<text x="%d" y="14">%s</text>`, at*7, s)
}

func close(w io.Writer) { io.WriteString(w, "</svg>") }
