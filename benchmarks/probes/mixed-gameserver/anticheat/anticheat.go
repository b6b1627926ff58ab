// Package anticheat flags impossible movement and fire rates.
package anticheat

import (
	"fmt"
	"io"
	"sync"
	"time"

	"example.com/probes/mixed-gameserver/limits"
)

// Config holds the thresholds; operators may change them between checks.
type Config struct {
	MaxSpeed    float32
	MaxFireRate int
	Window      time.Duration
	Strikes     int
}

func (c *Config) clamp() {
	if c.MaxSpeed <= 0 {
		c.MaxSpeed = 12
	}
	if c.MaxFireRate <= 0 {
		c.MaxFireRate = 15
	}
	if c.Window <= 0 {
		c.Window = time.Second
	}
	if c.Strikes <= 0 {
		c.Strikes = 3
	}
}

// Sample is one observation of a player.
type Sample struct {
	Player string
	Speed  float32
	Shots  int
	At     time.Time
}

// Verdict is what a check found.
type Verdict struct {
	Player  string
	Strikes int
	Kick    bool
}

func judge(samples []Sample, cfg *Config) Verdict {
	var v Verdict
	for _, s := range samples {
		v.Player = s.Player
		if s.Speed > cfg.MaxSpeed || s.Shots > cfg.MaxFireRate {
			v.Strikes++
		}
	}
	v.Kick = v.Strikes >= cfg.Strikes
	return v
}

// CheckAll judges every player concurrently under cfg, clamped first.
func CheckAll(byPlayer map[string][]Sample, cfg Config) []Verdict {
	cfg.clamp()
	out := make(chan Verdict, len(byPlayer))
	var wg sync.WaitGroup
	for _, samples := range byPlayer {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out <- judge(samples, &cfg)
		}()
	}
	wg.Wait()
	close(out)
	var vs []Verdict
	for v := range out {
		vs = append(vs, v)
	}
	return vs
}

// Strict judges every player, then tightens the config it reports for the next round.
func Strict(byPlayer map[string][]Sample, cfg Config) (int, Config) {
	cfg.clamp()
	var kicks int
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, samples := range byPlayer {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if judge(samples, &cfg).Kick {
				mu.Lock()
				kicks++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	cfg.Strikes = max(cfg.Strikes-1, 1)
	return kicks, cfg
}

// Monitor judges samples as they arrive with a config the caller may still edit through the returned pointer.
func Monitor(in <-chan []Sample, cfg Config, mu *sync.Mutex, out chan<- Verdict) *Config {
	cfg.clamp()
	go func() {
		for s := range in {
			mu.Lock()
			v := judge(s, &cfg)
			mu.Unlock()
			out <- v
		}
		close(out)
	}()
	return &cfg
}

// Live judges batches while an admin may lower the speed limit; later batches must see it.
func Live(batches [][]Sample, cfg Config, lower <-chan float32) int {
	cfg.clamp()
	var mu sync.Mutex
	kicks := 0
	var wg sync.WaitGroup
	for _, b := range batches {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			defer mu.Unlock()
			if judge(b, &cfg).Kick {
				kicks++
			}
		}()
		select {
		case s := <-lower:
			mu.Lock()
			cfg.MaxSpeed = s
			mu.Unlock()
		default:
		}
	}
	wg.Wait()
	return kicks
}

// Report writes the verdicts for the admin console.
func Report(w io.Writer, vs []Verdict) error {
	for _, v := range vs {
		if _, err := fmt.Fprintf(w, "%-16s strikes=%d kick=%t\n", v.Player, v.Strikes, v.Kick); err != nil {
			return err
		}
	}
	return nil
}

// Rates returns each player's shots per window for the last samples, at most MaxPlayers players.
func Rates(samples []Sample, cfg Config) int {
	cfg.clamp()
	n := min(len(samples), limits.MaxPlayers)
	rates := make([]float64, n)
	for i := 0; i < n; i++ {
		rates[i] = float64(samples[i].Shots) / cfg.Window.Seconds()
	}
	flagged := 0
	for _, r := range rates {
		if r > float64(cfg.MaxFireRate) {
			flagged++
		}
	}
	return flagged
}
