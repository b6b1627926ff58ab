package serve

import (
	"sort"
	"strconv"
	"testing"
)

func TestBehaviour(t *testing.T) {
	t.Setenv("MAX_CONNS", "7")
	errs := make(chan error, 2)
	got := make(chan string, 2)
	Start([]string{":80", ":81"}, func(addr string, cfg Config) error {
		got <- addr + "=" + strconv.Itoa(cfg.MaxConns)
		return nil
	}, errs)
	all := []string{<-got, <-got}
	sort.Strings(all)
	if all[0] != ":80=7" || all[1] != ":81=7" || <-errs != nil || <-errs != nil {
		t.Fatal(all)
	}
}

func TestAllocs(t *testing.T) {
	errs := make(chan error, 4)
	addrs := []string{":80", ":81", ":82", ":83"}
	listen := func(string, Config) error { return nil }
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() {
		Start(addrs, listen, errs)
		for range addrs {
			<-errs
		}
	}))
}
