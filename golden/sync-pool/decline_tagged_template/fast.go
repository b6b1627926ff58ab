//go:build fasttmpl

package subject

import (
	"fmt"
	"io"
	"strings"
)

// fastSubject formats the subject without reflection, into the Builder Render gives it.
type fastSubject struct{}

func (fastSubject) Execute(w io.Writer, data any) error {
	sb, ok := w.(*strings.Builder)
	if !ok {
		return fmt.Errorf("subject: a %T is not a *strings.Builder", w)
	}
	fmt.Fprintf(sb, " [%v] ", data)
	return nil
}

var subject fastSubject
