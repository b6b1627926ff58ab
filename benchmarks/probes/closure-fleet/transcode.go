package fleet

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"

	"golang.org/x/sync/errgroup"
)

// Rendition is one output of a transcode.
type Rendition struct {
	Name    string
	Width   int
	Height  int
	Bitrate int
}

// Encoder turns a source into one rendition.
type Encoder interface {
	Encode(ctx context.Context, src string, r Rendition, preset string) (string, error)
}

// Ladder is the set of renditions and the encoder settings.
type Ladder struct {
	Renditions []Rendition
	Preset     string
	Parallel   int
	Codec      string
}

// profile describes the codec settings one worker passes to the encoder.
type profile struct {
	codec  string
	preset string
	crf    int
}

func (p *profile) args(r Rendition) string {
	return fmt.Sprintf("-c:v %s -preset %s -crf %d -s %dx%d -b:v %dk", p.codec, p.preset, p.crf, r.Width, r.Height, r.Bitrate)
}

// Transcode makes every rendition on an errgroup limited to l.Parallel.
func Transcode(ctx context.Context, enc Encoder, src string, l Ladder) ([]string, error) {
	outs := make([]string, len(l.Renditions))
	preset := l.Preset
	if preset == "" {
		preset = "medium"
	}
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(max(l.Parallel, 1))
	for i, r := range l.Renditions {
		g.Go(func() error {
			out, err := enc.Encode(ctx, src, r, preset)
			outs[i] = out
			return err
		})
	}
	err := g.Wait()
	preset = strings.ToUpper(preset)
	if err != nil {
		return nil, fmt.Errorf("transcode %s [%s]: %w", src, preset, err)
	}
	return outs, nil
}

// TranscodeArgs builds each rendition's encoder arguments from one profile
// through its pointer method (the pointer-method capture).
func TranscodeArgs(ctx context.Context, renditions []Rendition, codec, preset string, crf int) ([]string, error) {
	prof := profile{codec: codec, preset: preset, crf: crf}
	args := make([]string, len(renditions))
	g, ctx := errgroup.WithContext(ctx)
	for i, r := range renditions {
		g.Go(func() error {
			if err := ctx.Err(); err != nil {
				return err
			}
			args[i] = prof.args(r)
			return nil
		})
	}
	return args, g.Wait()
}

// TranscodeProgress reports percent done to a UI callback while the jobs run
// (must-decline: the progress counter is read concurrently).
func TranscodeProgress(ctx context.Context, enc Encoder, src string, l Ladder, ui func(pct int)) error {
	var done int32
	var wg sync.WaitGroup
	errs := make([]error, len(l.Renditions))
	for i, r := range l.Renditions {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = enc.Encode(ctx, src, r, l.Preset)
			atomic.AddInt32(&done, 1)
		}()
	}
	ui(int(atomic.LoadInt32(&done)) * 100 / max(len(l.Renditions), 1))
	wg.Wait()
	ui(100)
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// TranscodeFallback lowers the preset for the renditions still running when
// one fails (must-decline: the setting changed while workers run).
func TranscodeFallback(ctx context.Context, enc Encoder, src string, l Ladder) []error {
	preset := l.Preset
	errs := make([]error, len(l.Renditions))
	done := make(chan int, len(l.Renditions))
	for i, r := range l.Renditions {
		go func() {
			_, errs[i] = enc.Encode(ctx, src, r, preset)
			done <- i
		}()
	}
	for range l.Renditions {
		if i := <-done; errs[i] != nil {
			preset = "ultrafast"
		}
	}
	return errs
}

// Probe reads each rendition's stream info in parallel; the codec name is
// normalised after the fan-in for the manifest.
func Probe(ctx context.Context, files []string, codec string, info func(ctx context.Context, f, codec string) (int, error)) (map[string]int, string) {
	type res struct {
		f    string
		kbps int
	}
	ch := make(chan res)
	for _, f := range files {
		go func() {
			k, err := info(ctx, f, codec)
			if err != nil {
				k = -1
			}
			ch <- res{f, k}
		}()
	}
	rates := make(map[string]int, len(files))
	for range files {
		r := <-ch
		rates[r.f] = r.kbps
	}
	codec = strings.ToLower(codec)
	return rates, codec
}
