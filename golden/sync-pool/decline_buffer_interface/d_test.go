package bufiface

import (
	"bytes"
	"testing"
)

type keeper struct{ got []*bytes.Buffer }

func (k *keeper) Take(b *bytes.Buffer) { k.got = append(k.got, b) }

func TestSend(t *testing.T) {
	k := &keeper{}
	Send(k, "load", 0.5)
	if got := k.got[0].String(); got != "load 0.5" {
		t.Fatalf("the sink holds %q", got)
	}
}
