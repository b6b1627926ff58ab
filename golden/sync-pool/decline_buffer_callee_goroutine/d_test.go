package calleego

import (
	"fmt"
	"testing"
)

func TestWritten(t *testing.T) {
	Render("first")
	first := <-Written
	Render("second")
	<-Written
	if got := first.(fmt.Stringer).String(); got != "first" {
		t.Fatalf("the first writer holds %q", got)
	}
}
