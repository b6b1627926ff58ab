// Package config loads and validates a service's configuration.
package config

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"time"
)

// Config is a service's configuration as read from the environment and flags.
type Config struct {
	Name     string
	Env      string
	Listen   string
	LogLevel string
	DBURL    string
	Region   string
	Timeout  time.Duration
	Workers  int
	Tags     []string
}

// ErrMissing is returned when a required setting is absent.
var ErrMissing = errors.New("config: missing setting")

var levels = map[string]bool{"debug": true, "info": true, "warn": true, "error": true}

// CheckLevel rejects an unknown log level.
func CheckLevel(level string) error {
	if !levels[level] {
		return fmt.Errorf("config: unknown log level %s", level)
	}
	return nil
}

// CheckEnv accepts the three deployment environments.
func CheckEnv(env string) error {
	switch env {
	case "dev", "staging", "prod":
		return nil
	}
	return fmt.Errorf("config: environment %q is not one of dev, staging, prod", env)
}

// CheckListen wants host:port.
func CheckListen(addr string) error {
	if !strings.Contains(addr, ":") {
		return fmt.Errorf("config: listen address %s has no port", addr)
	}
	return nil
}

// CheckRegion validates a region against the ones the service is deployed in.
func CheckRegion(name, region string) error {
	if region == "" {
		return fmt.Errorf("config: %s: region is required", name)
	}
	if !strings.HasPrefix(region, "eu-") && !strings.HasPrefix(region, "us-") {
		return fmt.Errorf("config: %s: unsupported region %s", name, region)
	}
	return nil
}

// CheckWorkers bounds the worker count.
func CheckWorkers(n int) error {
	if n < 1 || n > 256 {
		return fmt.Errorf("config: workers must be in [1, 256], got %d", n)
	}
	return nil
}

// Validate checks a whole configuration.
func (c *Config) Validate() error {
	if c.Name == "" {
		return ErrMissing
	}
	if c.DBURL == "" {
		return fmt.Errorf("config: %s: database url is empty", c.Name)
	}
	if err := CheckLevel(c.LogLevel); err != nil {
		return fmt.Errorf("config %s: %w", c.Name, err)
	}
	if c.Timeout <= 0 {
		return fmt.Errorf("config: %s: timeout %v must be positive", c.Name, c.Timeout)
	}
	return nil
}

// Require reads an environment variable that must be set.
func Require(key string) (string, error) {
	v, ok := os.LookupEnv(key)
	if !ok {
		return "", fmt.Errorf("config: environment variable %s is not set: %w", key, ErrMissing)
	}
	return v, nil
}

// Load reads a configuration file.
func Load(path string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("config: load %s: %w", path, err)
	}
	if len(data) == 0 {
		return nil, fmt.Errorf("config: %s is empty", path)
	}
	return data, nil
}

// LoadLegacy reads a file the old way, flattening the cause into the message.
func LoadLegacy(path string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("config: load %s: %v", path, err)
	}
	return data, nil
}

// ParseTag splits key=value.
func ParseTag(tag string) (string, string, error) {
	k, v, ok := strings.Cut(tag, "=")
	if !ok {
		return "", "", fmt.Errorf("config: tag %s is not key=value", tag)
	}
	if k == "" {
		return "", "", fmt.Errorf("config: tag %s has an empty key", tag)
	}
	return k, v, nil
}

// Duplicate reports the second of two settings with one name.
func Duplicate(section, key string) error {
	return fmt.Errorf("config: [%s] %s is set twice", section, key)
}

// Deprecated warns of a setting that was renamed.
func Deprecated(old, replacement string) error {
	return fmt.Errorf("config: %s is deprecated, use %s", old, replacement)
}
