package scrape

import (
	"testing"
	"time"
)

func TestChecked(t *testing.T) {
	targets := []Target{{"node", "a:9100"}, {"node", "b:9100"}}
	sizes, err := Checked(targets, fake, Config{Timeout: time.Second})
	if err != nil || sizes[1] != 2 {
		t.Fatal(sizes, err)
	}
	if _, err := Checked(targets, fake, Config{Timeout: time.Hour}); err == nil {
		t.Fatal("an hour passed the check")
	}
	allocs(t, "Checked", func() { Checked(targets, fake, Config{Timeout: time.Second}) })
	down := append(targets, Target{"x", "down"})
	sizes, err = Paired(down, fake, Config{Timeout: time.Second}, Config{Timeout: 2 * time.Second})
	if err != nil || sizes[0] == 0 || sizes[2] != 0 {
		t.Fatal(sizes, err)
	}
	if _, err := Paired(targets, fake, Config{Timeout: time.Second}, Config{}); err == nil {
		t.Fatal("a fallback without a timeout passed")
	}
	allocs(t, "Paired", func() { Paired(targets, fake, Config{Timeout: time.Second}, Config{Timeout: time.Second}) })
	if c := Kept(targets, fake, Config{Timeout: time.Second}); c.cfg.Timeout != 0 {
		t.Fatal("the kept check does not see the config's later write", c.cfg.Timeout)
	}
}
