// Package bufgoroutine finishes its buffer in a goroutine that outlives the call.
package bufgoroutine

import (
	"bytes"
	"fmt"
)

// Async renders the header now and the body in the background; the result arrives on the channel.
func Async(title, body string) <-chan string {
	buf := new(bytes.Buffer) // want "new\\(bytes.Buffer\\) escapes to heap" // declined "used in a go statement"
	fmt.Fprintf(buf, "# %s\n", title)
	done := make(chan string, 1)
	go func() {
		buf.WriteString(body)
		done <- buf.String()
	}()
	return done
}
