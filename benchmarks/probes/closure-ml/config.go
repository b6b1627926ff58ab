// Package mlserve is the serving side of a small ML platform: feature extraction, embedding lookups, batched
// inference over model shards, A/B routing and scoring.
package mlserve

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"time"
)

// Config is what a serving process loads at start-up; zero fields are defaulted by normalize.
type Config struct {
	Scale   float64
	Bias    float64
	Clip    float64
	Dim     int
	Workers int
	Model   string
	Timeout time.Duration
}

// Limits bounds what a request may ask for.
type Limits struct {
	MaxBatch int
	MaxDim   int
}

// Serving groups a config with its limits, as the flag parser fills it.
type Serving struct {
	Cfg    Config
	Limits Limits
}

func loadConfig() Config {
	return Config{Model: "ranker-v3"}
}

func (c *Config) normalize() {
	if c.Scale == 0 {
		c.Scale = 1
	}
	if c.Clip == 0 {
		c.Clip = 8
	}
	if c.Dim <= 0 {
		c.Dim = 16
	}
	if c.Workers <= 0 {
		c.Workers = 4
	}
	if c.Timeout <= 0 {
		c.Timeout = 250 * time.Millisecond
	}
	c.Model = strings.ToLower(c.Model)
}

// apply scales and clips one raw feature value.
func (c *Config) apply(x float64) float64 {
	v := x*c.Scale + c.Bias
	return math.Max(-c.Clip, math.Min(c.Clip, v))
}

// describe is what the debug endpoint prints.
func (c Config) describe() string {
	return fmt.Sprintf("%s dim=%d scale=%g", c.Model, c.Dim, c.Scale)
}

// validator checks a config against the serving limits.
type validator struct {
	cfg    *Config
	limits Limits
}

var errDim = errors.New("mlserve: dimension over limit")

func (v validator) check() error {
	if v.cfg.Dim > v.limits.MaxDim {
		return errDim
	}
	if v.cfg.Scale <= 0 || math.IsNaN(v.cfg.Scale) {
		return fmt.Errorf("mlserve: bad scale %g", v.cfg.Scale)
	}
	return nil
}

func (v *validator) warn() string {
	if v.cfg.Workers > 64 {
		return "many workers"
	}
	return ""
}
