package calleeiface

import (
	"fmt"
	"io"
	"testing"
)

type keeper struct{ seen []io.Writer }

func (k *keeper) Wrote(w io.Writer) { k.seen = append(k.seen, w) }

func TestObserver(t *testing.T) {
	k := &keeper{}
	Render(k, "first")
	Render(k, "second")
	if got := k.seen[0].(fmt.Stringer).String(); got != "first" {
		t.Fatalf("the first writer holds %q", got)
	}
}
