// Package fleet is the backend of an IoT device fleet and a media pipeline:
// sensor ingestion, firmware rollouts, telemetry uploads, device shadows,
// transcoding, thumbnails, audio stages, segmenting, CDN purges and a media
// library scan.
package fleet

import (
	"context"
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Reading is one sensor sample.
type Reading struct {
	Device string
	Sensor string
	Value  float64
	At     int64
}

// Calibration corrects a device's raw readings.
type Calibration struct {
	Offset float64
	Gain   float64
	Clamp  float64
}

func (c *Calibration) apply(v float64) float64 {
	v = (v + c.Offset) * c.Gain
	if c.Clamp > 0 && v > c.Clamp {
		return c.Clamp
	}
	return v
}

// normalize fills defaults; it keeps nothing of c.
func (c *Calibration) normalize() {
	if c.Gain == 0 {
		c.Gain = 1
	}
}

// IngestPerDevice calibrates each device's readings in its own goroutine;
// the unit label is trimmed after the fan-out for the summary line.
func IngestPerDevice(byDevice map[string][]Reading, unit string) (map[string]float64, string) {
	means := make(map[string]float64, len(byDevice))
	var mu sync.Mutex
	var wg sync.WaitGroup
	for dev, rs := range byDevice {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sum := 0.0
			for _, r := range rs {
				sum += r.Value
			}
			mu.Lock()
			means[dev+"/"+unit] = sum / float64(max(len(rs), 1))
			mu.Unlock()
		}()
	}
	wg.Wait()
	unit = strings.TrimSpace(unit)
	return means, fmt.Sprintf("%d devices (%s)", len(means), unit)
}

// CalibrateAll applies one calibration to every device's readings in parallel.
func CalibrateAll(devices [][]Reading, offset, gain float64) [][]float64 {
	cal := Calibration{Offset: offset, Gain: gain}
	cal.normalize()
	out := make([][]float64, len(devices))
	var wg sync.WaitGroup
	for i, rs := range devices {
		wg.Add(1)
		go func() {
			defer wg.Done()
			vs := make([]float64, len(rs))
			for j, r := range rs {
				vs[j] = (r.Value + cal.Offset) * cal.Gain
			}
			out[i] = vs
		}()
	}
	wg.Wait()
	return out
}

// CalibrateByMethod is CalibrateAll through the calibration's own method.
func CalibrateByMethod(devices [][]Reading, cal Calibration) [][]float64 {
	out := make([][]float64, len(devices))
	var wg sync.WaitGroup
	for i, rs := range devices {
		wg.Add(1)
		go func() {
			defer wg.Done()
			vs := make([]float64, len(rs))
			for j, r := range rs {
				vs[j] = cal.apply(r.Value)
			}
			out[i] = vs
		}()
	}
	wg.Wait()
	return out
}

// PeakDevices finds the devices whose peak passes the threshold, one goroutine
// per device feeding a result channel; the threshold for the next round is
// raised after the fan-in.
func PeakDevices(byDevice [][]Reading, threshold float64) ([]string, float64) {
	type hit struct {
		dev  string
		peak float64
	}
	res := make(chan hit, len(byDevice))
	for _, rs := range byDevice {
		go func() {
			p := math.Inf(-1)
			dev := ""
			for _, r := range rs {
				if r.Value > p {
					p, dev = r.Value, r.Device
				}
			}
			if p < threshold {
				dev = ""
			}
			res <- hit{dev, p}
		}()
	}
	var hot []string
	for range byDevice {
		h := <-res
		if h.dev != "" {
			hot = append(hot, h.dev)
		}
	}
	threshold *= 1.1
	sort.Strings(hot)
	return hot, threshold
}

// Ingester keeps a live sample rate that operators retune while it runs.
type Ingester struct {
	mu   sync.Mutex
	rate int
}

// Decimate keeps every rate-th sample per device; SetRate may change the
// rate while the workers run (must-decline: the setting changed while
// workers run).
func (in *Ingester) Decimate(byDevice [][]Reading, retune <-chan int) [][]Reading {
	rate := in.rate
	out := make([][]Reading, len(byDevice))
	var wg sync.WaitGroup
	for i, rs := range byDevice {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var keep []Reading
			for j, r := range rs {
				if j%max(rate, 1) == 0 {
					keep = append(keep, r)
				}
			}
			out[i] = keep
		}()
	}
	select {
	case r := <-retune:
		rate = r
	default:
	}
	wg.Wait()
	in.mu.Lock()
	in.rate = rate
	in.mu.Unlock()
	return out
}

// IngestProgress counts readings as workers go; the caller's progress callback
// reads the counter while they run (must-decline: a counter read concurrently).
func IngestProgress(byDevice [][]Reading, progress func(done int64)) int64 {
	var done int64
	var wg sync.WaitGroup
	for _, rs := range byDevice {
		wg.Add(1)
		go func() {
			defer wg.Done()
			atomic.AddInt64(&done, int64(len(rs)))
		}()
	}
	progress(atomic.LoadInt64(&done))
	wg.Wait()
	return done
}

// StreamDevice starts a reader that outlives the call (must-decline).
func StreamDevice(ctx context.Context, dev string, src <-chan Reading, sink func(Reading)) {
	prefix := dev + ":"
	go func() {
		for {
			select {
			case r, ok := <-src:
				if !ok {
					return
				}
				r.Sensor = prefix + r.Sensor
				sink(r)
			case <-ctx.Done():
				return
			}
		}
	}()
	prefix = "stale:"
	_ = prefix
}

// ValidateBatch checks each device's batch; the first error is set after the
// go statements while the goroutines still read it (must-decline: an error
// written after the go statement and read by the goroutine).
func ValidateBatch(batches [][]Reading) error {
	var firstErr error
	var wg sync.WaitGroup
	errs := make([]error, len(batches))
	for i, rs := range batches {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if firstErr != nil {
				return
			}
			for _, r := range rs {
				if math.IsNaN(r.Value) {
					errs[i] = fmt.Errorf("%s: NaN on %s", r.Device, r.Sensor)
					return
				}
			}
		}()
		if len(rs) == 0 {
			firstErr = errors.New("empty batch")
		}
	}
	wg.Wait()
	if firstErr != nil {
		return firstErr
	}
	return errors.Join(errs...)
}

// Window aggregates readings in time windows per device with a deadline.
func Window(ctx context.Context, byDevice [][]Reading, width time.Duration) []map[int64]float64 {
	out := make([]map[int64]float64, len(byDevice))
	step := int64(width)
	if step <= 0 {
		step = int64(time.Second)
	}
	var wg sync.WaitGroup
	for i, rs := range byDevice {
		wg.Add(1)
		go func() {
			defer wg.Done()
			m := make(map[int64]float64)
			for _, r := range rs {
				if ctx.Err() != nil {
					return
				}
				m[r.At/step] += r.Value
			}
			out[i] = m
		}()
	}
	wg.Wait()
	return out
}
