package scrape

import (
	"errors"
	"testing"
	"time"
)

func fake(t Target, _ time.Duration) (string, error) {
	if t.Addr == "down" {
		return "", errors.New("down")
	}
	return "# HELP x\nup 1\nrequests_total 42\n", nil
}

func TestAllocs(t *testing.T) {
	targets := []Target{{"node", "a:9100"}, {"node", "b:9100"}, {"api", "c:8080"}}
	res, err := Round(targets, fake, Config{Prefix: "x_"})
	if err != nil || len(res[2]) != 2 || res[2][1].Name != "x_requests_total" {
		t.Fatal(res, err)
	}
	allocs(t, "Round", func() { Round(targets, fake, Config{Prefix: "x_"}) })
	if Pool(targets, fake, Config{}) != 6 {
		t.Fatal(Pool(targets, fake, Config{}))
	}
	allocs(t, "Pool", func() { Pool(targets, fake, Config{}) })
	if m := PerJob(targets, fake); m["node"] != 4 || m["api"] != 2 {
		t.Fatal(m)
	}
	allocs(t, "PerJob", func() { PerJob(targets, fake) })
	job, err := Validate(targets, fake, "node")
	if err != nil || job != "node-validated" {
		t.Fatal(job, err)
	}
	allocs(t, "Validate", func() { Validate(targets, fake, "node") })
	down := append(targets, Target{"x", "down"})
	if Backoff(down, fake, time.Millisecond) != 1 {
		t.Fatal(Backoff(down, fake, time.Millisecond))
	}
	allocs(t, "Backoff", func() { Backoff(targets, fake, time.Millisecond) })
	if err := Retry(targets[0], fake, time.Second); err != nil {
		t.Fatal(err)
	}
	var seen []time.Duration
	flaky := func(t Target, d time.Duration) (string, error) {
		seen = append(seen, d)
		if len(seen) == 1 {
			return "", errors.New("refused")
		}
		return "", nil
	}
	if err := Retry(targets[0], flaky, time.Second); err != nil || len(seen) != 2 || seen[1] != 2*time.Second {
		t.Fatal("the retry did not see the doubled timeout", seen, err)
	}
	if got := Limited(down, fake); len(got) != 3 {
		t.Fatal(got)
	}
	allocs(t, "Limited", func() { Limited(targets, fake) })
}
