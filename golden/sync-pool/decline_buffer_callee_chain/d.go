// Package calleechain renders through two helpers; the inner one keeps the writer.
package calleechain

import (
	"bytes"
	"fmt"
	"io"
)

var history []io.Writer

// History is what the n-th render wrote.
func History(n int) string { return history[n].(fmt.Stringer).String() }

func remember(w io.Writer) { history = append(history, w) }

func line(w io.Writer, msg string) {
	fmt.Fprintln(w, msg)
	remember(w)
}

func block(w io.Writer, msgs []string) {
	for _, m := range msgs {
		line(w, m)
	}
}

// Render renders the messages, one a line.
func Render(msgs ...string) string {
	buf := new(bytes.Buffer) // want "new\\(bytes.Buffer\\) escapes to heap" // declined "whose w (d.go:15) is passed to the builtin append"
	block(buf, msgs)
	return buf.String()
}
