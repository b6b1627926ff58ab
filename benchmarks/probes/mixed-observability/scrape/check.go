package scrape

import (
	"errors"
	"strings"
	"sync"
	"time"
)

// limitsCheck validates a config against the agent's limits before a round starts.
type limitsCheck struct {
	cfg        *Config
	maxTimeout time.Duration
}

func (l limitsCheck) err() error {
	if l.cfg.Timeout > l.maxTimeout {
		return errors.New("scrape: timeout above the agent's limit")
	}
	if strings.ContainsAny(l.cfg.Prefix, " {}") {
		return errors.New("scrape: prefix is no metric name")
	}
	return nil
}

func validateConfigs(cfgs []*Config) error {
	for _, c := range cfgs {
		if c.Timeout <= 0 {
			return errors.New("scrape: a config has no timeout")
		}
	}
	return nil
}

// Checked validates the config (a check struct holding its address) and then scrapes every target with it.
func Checked(targets []Target, fetch Fetcher, cfg Config) ([]int, error) {
	if err := (limitsCheck{cfg: &cfg, maxTimeout: time.Minute}).err(); err != nil {
		return nil, err
	}
	sizes := make([]int, len(targets))
	var wg sync.WaitGroup
	for i, t := range targets {
		wg.Add(1)
		go func() {
			defer wg.Done()
			body, _ := fetch(t, cfg.Timeout)
			sizes[i] = len(parse(body, cfg.Prefix))
		}()
	}
	wg.Wait()
	return sizes, nil
}

// Paired validates the primary and fallback configs together, then scrapes each target with the primary and,
// on an error, the fallback.
func Paired(targets []Target, fetch Fetcher, primary, fallback Config) ([]int, error) {
	if err := validateConfigs([]*Config{&primary, &fallback}); err != nil {
		return nil, err
	}
	sizes := make([]int, len(targets))
	var wg sync.WaitGroup
	for i, t := range targets {
		wg.Add(1)
		go func() {
			defer wg.Done()
			body, err := fetch(t, primary.Timeout)
			if err != nil {
				body, _ = fetch(t, fallback.Timeout)
			}
			sizes[i] = len(body)
		}()
	}
	wg.Wait()
	return sizes, nil
}

// Kept validates through a check it keeps for the status page: the check holds the config's address past the
// call, so the goroutines and the page share one config.
func Kept(targets []Target, fetch Fetcher, cfg Config) *limitsCheck {
	check := &limitsCheck{cfg: &cfg, maxTimeout: time.Minute}
	var wg sync.WaitGroup
	for _, t := range targets {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fetch(t, cfg.Timeout)
		}()
	}
	wg.Wait()
	cfg.Timeout = 0
	return check
}
