package probe42

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// Config is the service configuration.
type Config struct {
	Name    string
	Timeout time.Duration
	Retries int
	Tags    []string
}

// ErrMissing is wrapped by lookups of absent keys.
var ErrMissing = errors.New("missing key")

// KeyError says which key failed and why.
type KeyError struct {
	Key string
	Err error
}

func (e *KeyError) Error() string { return "config " + e.Key + ": " + e.Err.Error() }
func (e *KeyError) Unwrap() error { return e.Err }

// Defaults returns the built-in configuration, kept as a map like the file form.
func Defaults(name string) Config {
	timeout := 30 * time.Second
	retries := 3
	defaults := map[string]any{"name": name, "timeout": timeout, "retries": retries}
	var c Config
	c.Name = defaults["name"].(string)
	c.Timeout = defaults["timeout"].(time.Duration)
	c.Retries = defaults["retries"].(int)
	return c
}

// FromMap reads a decoded document.
func FromMap(raw map[string]any) (Config, error) {
	var c Config
	name, ok := raw["name"].(string)
	if !ok {
		return c, &KeyError{Key: "name", Err: ErrMissing}
	}
	c.Name = name
	if t, ok := raw["timeout"].(string); ok {
		d, err := time.ParseDuration(t)
		if err != nil {
			return c, &KeyError{Key: "timeout", Err: err}
		}
		c.Timeout = d
	}
	switch r := raw["retries"].(type) {
	case float64:
		c.Retries = int(r)
	case int:
		c.Retries = r
	case nil:
	default:
		return c, &KeyError{Key: "retries", Err: fmt.Errorf("type %T", r)}
	}
	if tags, ok := raw["tags"].([]any); ok {
		for _, t := range tags {
			if s, ok := t.(string); ok {
				c.Tags = append(c.Tags, s)
			}
		}
	}
	return c, nil
}

// IsMissing reports whether err says a key was missing, and which.
func IsMissing(err error) (string, bool) {
	var ke *KeyError
	if errors.As(err, &ke) && errors.Is(ke.Err, ErrMissing) {
		return ke.Key, true
	}
	return "", false
}

// Validator checks a configuration section.
type Validator interface{ Validate() error }

// Defaulter fills zero fields.
type Defaulter interface{ SetDefaults() }

type httpSection struct {
	Addr    string
	Timeout time.Duration
}

func (h *httpSection) SetDefaults() {
	if h.Addr == "" {
		h.Addr = ":8080"
	}
	if h.Timeout == 0 {
		h.Timeout = 5 * time.Second
	}
}

func (h *httpSection) Validate() error {
	if !strings.Contains(h.Addr, ":") {
		return &KeyError{Key: "http.addr", Err: errors.New("no port")}
	}
	return nil
}

// HTTPAddr applies defaults and validation to an http section.
func HTTPAddr(addr string) (string, error) {
	sec := httpSection{Addr: addr}
	sections := map[string]any{"http": &sec}
	if d, ok := sections["http"].(Defaulter); ok {
		d.SetDefaults()
	}
	if v, ok := sections["http"].(Validator); ok {
		if err := v.Validate(); err != nil {
			return "", err
		}
	}
	return sec.Addr, nil
}

// Section prepares a section through its optional interfaces.
func Section(addr string, timeout time.Duration) (time.Duration, error) {
	sec := httpSection{Addr: addr, Timeout: timeout}
	var v any = &sec
	if d, ok := v.(Defaulter); ok {
		d.SetDefaults()
	}
	if val, ok := v.(Validator); ok {
		if err := val.Validate(); err != nil {
			return 0, err
		}
	}
	return sec.Timeout, nil
}

// temporary is the net-style optional interface.
type temporary interface{ Temporary() bool }

type retryError struct {
	op   string
	temp bool
}

func (e *retryError) Error() string   { return e.op + ": retry" }
func (e *retryError) Temporary() bool { return e.temp }

// ShouldRetry builds the error of an attempt and asks whether to retry.
func ShouldRetry(op string, attempt int) bool {
	re := retryError{op: op, temp: attempt < 3}
	var err error = &re
	if t, ok := err.(temporary); ok {
		return t.Temporary()
	}
	return false
}

// Wrap adds the key to err; a nil err stays nil.
func Wrap(key string, err error) error {
	if err == nil {
		return nil
	}
	return &KeyError{Key: key, Err: err}
}
