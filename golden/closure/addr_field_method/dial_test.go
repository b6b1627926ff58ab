package dial

import (
	"fmt"
	"testing"
	"time"
)

func TestBehaviour(t *testing.T) {
	errs := All([]string{"a", "b"}, Options{Port: 1, Timeouts: Timeouts{Read: time.Minute}}, func(h string, o Options) error {
		if o.Timeouts.Connect != time.Second || o.Timeouts.Read != time.Minute {
			return fmt.Errorf("%s: %+v", h, o)
		}
		return nil
	})
	for range 2 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
}

func TestAllocs(t *testing.T) {
	hosts := []string{"a", "b", "c", "d"}
	dial := func(string, Options) error { return nil }
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() {
		errs := All(hosts, Options{Port: 1}, dial)
		for range hosts {
			<-errs
		}
	}))
}
