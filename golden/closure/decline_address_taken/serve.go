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
// cfg's address is taken by applyEnv, so the tool cannot prove no one keeps
// a pointer to it.
func Start(addrs []string, listen func(addr string, cfg Config) error, errs chan<- error) {
	cfg := Config{ReadTimeout: 5 * time.Second, MaxConns: 100} // want "moved to heap: cfg" // declined "address of cfg is taken"
	applyEnv(&cfg)
	for _, a := range addrs {
		go func() { // want "func literal escapes to heap"
			errs <- listen(a, cfg)
		}()
	}
}
