// Package serve starts one listener goroutine per address.
package serve

import (
	"os"
	"strconv"
	"time"
)

// Config is shared by every listener.
type Config struct {
	ReadTimeout time.Duration
	MaxConns    int
}

// applyEnv overrides cfg from the environment.
func applyEnv(cfg *Config) {
	if v, err := strconv.Atoi(os.Getenv("MAX_CONNS")); err == nil {
		cfg.MaxConns = v
	}
}

// Start launches listen for every address with the effective config.
// cfg's address is taken by applyEnv before any goroutine starts, and the
// compiler says applyEnv does not keep it: each goroutine can have a copy.
func Start(addrs []string, listen func(addr string, cfg Config) error, errs chan<- error) {
	cfg := Config{ReadTimeout: 5 * time.Second, MaxConns: 100} // want "moved to heap: cfg"
	applyEnv(&cfg)
	for _, a := range addrs {
		go func() { // want "func literal escapes to heap"
			errs <- listen(a, cfg)
		}()
	}
}
