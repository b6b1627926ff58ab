// Package config loads the ingest service's settings and sizes its per-request scratch from them.
package config

import (
	"errors"
	"fmt"
	"hash/crc32"
)

var (
	errBatch   = errors.New("config: max batch out of range")
	errWorkers = errors.New("config: workers out of range")
	errPrefix  = errors.New("config: prefix too long")
)

// maxPrefix bounds the key prefix every service shares.
var maxPrefix = 48

// Config is decoded from YAML and validated once before use.
type Config struct {
	Name     string
	MaxBatch int
	Workers  int
	Prefix   string
	Retries  int
}

// validate checks every limit; it writes nothing.
func (c *Config) validate() error {
	if c.MaxBatch <= 0 || c.MaxBatch > 512 {
		return errBatch
	}
	if c.Workers < 1 || c.Workers > 64 {
		return errWorkers
	}
	if len(c.Prefix) > maxPrefix {
		return errPrefix
	}
	return nil
}

// normalize checks the batch and then doubles it for the pipelined mode.
func (c *Config) normalize() error {
	if c.MaxBatch <= 0 || c.MaxBatch > 512 {
		return errBatch
	}
	c.MaxBatch *= 2
	return nil
}

// withDefaults fills zero fields and checks what it filled.
func (c *Config) withDefaults() error {
	if c.MaxBatch == 0 {
		c.MaxBatch = 128
	}
	if c.MaxBatch > 512 {
		return errBatch
	}
	return nil
}

// BatchIDs makes the id scratch of one batch after validating the config.
func BatchIDs(c *Config, src []uint64) (uint64, error) {
	if err := c.validate(); err != nil {
		return 0, err
	}
	ids := make([]uint64, c.MaxBatch)
	n := copy(ids, src)
	var x uint64
	for _, id := range ids[:n] {
		x ^= id
	}
	return x, nil
}

// WorkerSlots makes one slot per worker; the validation error is checked separately.
func WorkerSlots(c *Config) (int, error) {
	err := c.validate()
	if err != nil {
		return 0, err
	}
	slots := make([]int, c.Workers)
	for i := range slots {
		slots[i] = i * c.Retries
	}
	return slots[len(slots)-1], nil
}

// PrefixKey builds a cache key from the validated prefix.
func PrefixKey(c *Config, id string) (uint32, error) {
	if err := c.validate(); err != nil {
		return 0, err
	}
	key := make([]byte, len(c.Prefix))
	copy(key, c.Prefix)
	return crc32.Update(crc32.ChecksumIEEE(key), crc32.IEEETable, []byte(id)), nil
}

// PipelinedIDs validates through normalize, which doubles the batch after checking it.
func PipelinedIDs(c *Config, src []uint64) (int, error) {
	if err := c.normalize(); err != nil {
		return 0, err
	}
	ids := make([]uint64, c.MaxBatch)
	return copy(ids, src), nil
}

// DefaultedIDs validates through withDefaults, which checks after it fills.
func DefaultedIDs(c *Config, src []uint64) (int, error) {
	if err := c.withDefaults(); err != nil {
		return 0, err
	}
	ids := make([]uint64, c.MaxBatch)
	return copy(ids, src), nil
}

// Tuned validates, then applies an override from the caller's other handle before sizing.
func Tuned(c *Config, override *Config, src []uint64) (int, error) {
	if err := c.validate(); err != nil {
		return 0, err
	}
	override.MaxBatch = 4096
	ids := make([]uint64, c.MaxBatch)
	return copy(ids, src), nil
}

// Retuned validates, then lets a hook adjust the config before sizing.
func Retuned(c *Config, hook func(*Config), src []uint64) (int, error) {
	if err := c.validate(); err != nil {
		return 0, err
	}
	hook(c)
	ids := make([]uint64, c.MaxBatch)
	return copy(ids, src), nil
}

// Snapshot validates a copy and sizes by the original, which a reload may have changed.
func Snapshot(c *Config, reload func(), src []uint64) (int, error) {
	cp := *c
	if err := cp.validate(); err != nil {
		return 0, err
	}
	reload()
	ids := make([]uint64, c.MaxBatch)
	return copy(ids, src), nil
}

// Watched validates and then starts a watcher that may rewrite the config.
func Watched(c *Config, src []uint64) (int, error) {
	if err := c.validate(); err != nil {
		return 0, err
	}
	go func() { c.MaxBatch = 1 << 20 }()
	ids := make([]uint64, c.MaxBatch)
	return copy(ids, src), nil
}

// Describe is not a sizing site: it prints.
func (c *Config) Describe() string {
	return fmt.Sprintf("%s batch=%d workers=%d", c.Name, c.MaxBatch, c.Workers)
}
