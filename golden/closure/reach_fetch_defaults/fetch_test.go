package fetch

import (
	"errors"
	"fmt"
	"testing"
)

func TestBehaviour(t *testing.T) {
	errs := All([]string{"a", "bb"}, 3, func(url string, o Options) error {
		if len(url) > 1 {
			return errors.New(url + " " + o.Agent + " " + o.Timeout.String() + fmt.Sprint(o.Retries))
		}
		return nil
	})
	if got := fmt.Sprint(errs); got != "[<nil> bb fetch/1.0 5s3]" {
		t.Fatal(got)
	}
}

func TestAllocs(t *testing.T) {
	urls := []string{"a", "b", "c", "d"}
	get := func(string, Options) error { return nil }
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { All(urls, 1, get) }))
}
