// Package env starts a server whose config the environment completes.
package env

import (
	"os"
	"strconv"
)

// Config is a server's configuration.
type Config struct{ MaxConns int }

func applyEnv(c *Config) {
	if v, err := strconv.Atoi(os.Getenv("MAX_CONNS")); err == nil {
		c.MaxConns = v
	}
}

// Serve starts the server goroutine first, then completes the config from the environment;
// the server reads it only once started, so it sees the environment's value.
func Serve(start <-chan struct{}, out chan<- int) {
	cfg := Config{MaxConns: 100} // want "moved to heap: cfg" // declined "cfg is written by or after the go statement (line 26)"
	go func() {                  // want "func literal escapes to heap"
		<-start
		out <- cfg.MaxConns
	}()
	applyEnv(&cfg)
}
