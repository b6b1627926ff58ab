// Package config validates the broker client's and the telemetry agent's settings, then uses them.
package config

import (
	"errors"
	"fmt"
	"strings"
)

const (
	maxClientID = 48
	maxBrokers  = 8
	maxTags     = 6
	maxTopic    = 96
)

// Client is a broker client's configuration.
type Client struct {
	ClientID   string
	Brokers    []string
	Partitions int
	Debug      bool
}

// Validate reports the first setting the broker would refuse.
func (c Client) Validate() error {
	if c.ClientID == "" || len(c.ClientID) > maxClientID {
		return fmt.Errorf("config: client id %q", c.ClientID)
	}
	if len(c.Brokers) == 0 || len(c.Brokers) > maxBrokers {
		return fmt.Errorf("config: %d brokers", len(c.Brokers))
	}
	if c.Partitions <= 0 || c.Partitions > 64 {
		return fmt.Errorf("config: %d partitions", c.Partitions)
	}
	return nil
}

// Hello is the handshake a client sends: its id, NUL-terminated.
func Hello(cfg Client) (string, error) {
	if err := cfg.Validate(); err != nil {
		return "", err
	}
	buf := make([]byte, len(cfg.ClientID)+1)
	copy(buf, cfg.ClientID)
	return strings.ToUpper(string(buf[:len(cfg.ClientID)])), nil
}

// Seeds lists the brokers in a stable order for the bootstrap log line.
func Seeds(cfg Client) (string, error) {
	if err := cfg.Validate(); err != nil {
		return "", err
	}
	seeds := make([]string, len(cfg.Brokers))
	copy(seeds, cfg.Brokers)
	for i := 1; i < len(seeds); i++ {
		for j := i; j > 0 && seeds[j] < seeds[j-1]; j-- {
			seeds[j], seeds[j-1] = seeds[j-1], seeds[j]
		}
	}
	return strings.Join(seeds, ","), nil
}

// Assign spreads partitions over brokers round-robin and reports the busiest broker's count.
func Assign(cfg Client) (int, error) {
	if err := cfg.Validate(); err != nil {
		return 0, err
	}
	owner := make([]int32, cfg.Partitions)
	for p := range owner {
		owner[p] = int32(p % len(cfg.Brokers))
	}
	most := 0
	for b := range cfg.Brokers {
		n := 0
		for _, o := range owner {
			if int(o) == b {
				n++
			}
		}
		most = max(most, n)
	}
	return most, nil
}

func checkBrokers(brokers []string) error {
	if len(brokers) > maxBrokers {
		return errors.New("config: too many brokers")
	}
	return nil
}

// Failover is the brokers after the first, the order a client retries them in.
func Failover(cfg Client) (string, error) {
	if err := checkBrokers(cfg.Brokers); err != nil {
		return "", err
	}
	rest := make([]string, 0, len(cfg.Brokers))
	for i := len(cfg.Brokers) - 1; i > 0; i-- {
		rest = append(rest, cfg.Brokers[i])
	}
	return strings.Join(rest, " "), nil
}

// Renamed validates, then gives the client a per-process suffix: the id may be longer than checked.
func Renamed(cfg Client, suffix string) (string, error) {
	if err := cfg.Validate(); err != nil {
		return "", err
	}
	cfg.ClientID += "-" + suffix
	buf := make([]byte, len(cfg.ClientID))
	copy(buf, cfg.ClientID)
	return strings.ToLower(string(buf)), nil
}

// Agent is the telemetry agent's configuration.
type Agent struct {
	Name  string
	Tags  []string
	Debug bool
}

// valid accepts any agent in debug mode.
func (a Agent) valid() error {
	if a.Debug {
		return nil
	}
	if len(a.Tags) > maxTags {
		return errors.New("config: too many tags")
	}
	return nil
}

// TagLine is the agent's tags as a comma list, sorted; any number in debug mode.
func TagLine(a Agent) (string, error) {
	if err := a.valid(); err != nil {
		return "", err
	}
	tags := make([]string, len(a.Tags))
	copy(tags, a.Tags)
	for i := 1; i < len(tags); i++ {
		for j := i; j > 0 && tags[j] < tags[j-1]; j-- {
			tags[j], tags[j-1] = tags[j-1], tags[j]
		}
	}
	return strings.Join(tags, ","), nil
}

// Subscription is a consumer's subscription, checked by its own method.
type Subscription struct {
	Topic string
	Group string
}

func (s Subscription) ok() bool {
	return len(s.Topic) <= maxTopic && s.Group != ""
}

// Key is the offset-store key of a subscription: "group/topic".
func Key(s Subscription) string {
	if !s.ok() {
		return ""
	}
	buf := make([]byte, 0, len(s.Topic)+1+len(s.Group))
	buf = append(buf, s.Group...)
	buf = append(buf, '/')
	buf = append(buf, s.Topic...)
	return string(buf)
}

// TopicPath is the topic's path on disk: a subscription's topic, dots as slashes.
func TopicPath(s Subscription) string {
	if !s.ok() {
		return ""
	}
	p := make([]byte, len(s.Topic))
	for i := 0; i < len(s.Topic); i++ {
		if s.Topic[i] == '.' {
			p[i] = '/'
		} else {
			p[i] = s.Topic[i]
		}
	}
	return string(p)
}

// Shared is a pointer to settings other goroutines may update.
func (c *Client) check() error {
	if len(c.ClientID) > maxClientID {
		return errors.New("config: client id too long")
	}
	return nil
}

// Banner reads the client id through a pointer the caller shares.
func Banner(c *Client) string {
	if err := c.check(); err != nil {
		return ""
	}
	b := make([]byte, len(c.ClientID))
	copy(b, c.ClientID)
	return "client " + string(b)
}
