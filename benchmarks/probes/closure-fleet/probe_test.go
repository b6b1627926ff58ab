package fleet

import (
	"context"
	"errors"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	f()
	t.Logf("%s allocs/run: %v", name, testing.AllocsPerRun(50, f))
}

type nopUpdater struct{}

func (nopUpdater) Push(ctx context.Context, d Device, image string) error {
	if d.Model == "bad" {
		return errors.New("push failed")
	}
	return nil
}

type nopUploader struct{}

func (nopUploader) Upload(ctx context.Context, b []byte) error { return nil }

type nopEncoder struct{}

func (nopEncoder) Encode(ctx context.Context, src string, r Rendition, preset string) (string, error) {
	return r.Name, nil
}

type nopPurger struct{}

func (nopPurger) Purge(ctx context.Context, e Edge, paths []string) error { return nil }

func readings() [][]Reading {
	return [][]Reading{
		{{Device: "a", Sensor: "t", Value: 1, At: 1}, {Device: "a", Sensor: "t", Value: 3, At: 2}},
		{{Device: "b", Sensor: "t", Value: 5, At: 1}},
	}
}

func TestAllocsIngestPerDevice(t *testing.T) {
	by := map[string][]Reading{"a": readings()[0], "b": readings()[1]}
	allocs(t, "IngestPerDevice", func() { IngestPerDevice(by, " C ") })
	m, s := IngestPerDevice(by, " C ")
	if m["a/ C "] != 2 || s != "2 devices (C)" {
		t.Fatal(m, s)
	}
}

func TestAllocsCalibrateAll(t *testing.T) {
	rs := readings()
	allocs(t, "CalibrateAll", func() { CalibrateAll(rs, 1, 0) })
	if out := CalibrateAll(rs, 1, 0); out[0][1] != 4 {
		t.Fatal(out)
	}
}

func TestAllocsCalibrateByMethod(t *testing.T) {
	rs := readings()
	cal := Calibration{Offset: 1, Gain: 2, Clamp: 9}
	allocs(t, "CalibrateByMethod", func() { CalibrateByMethod(rs, cal) })
	if out := CalibrateByMethod(rs, cal); out[0][1] != 8 || out[1][0] != 9 {
		t.Fatal(out)
	}
}

func TestAllocsPeakDevices(t *testing.T) {
	rs := readings()
	allocs(t, "PeakDevices", func() { PeakDevices(rs, 4) })
	if hot, th := PeakDevices(rs, 4); len(hot) != 1 || hot[0] != "b" || th < 4.39 {
		t.Fatal(hot, th)
	}
}

func TestAllocsWindow(t *testing.T) {
	rs := readings()
	allocs(t, "Window", func() { Window(context.Background(), rs, 2) })
	if out := Window(context.Background(), rs, 2); out[0][0] != 1 || out[0][1] != 3 {
		t.Fatal(out)
	}
}

func TestDecimateAndValidate(t *testing.T) {
	in := &Ingester{rate: 2}
	if out := in.Decimate(readings(), nil); len(out[0]) != 1 {
		t.Fatal(out)
	}
	if err := ValidateBatch(readings()); err != nil {
		t.Fatal(err)
	}
	if n := IngestProgress(readings(), func(int64) {}); n != 3 {
		t.Fatal(n)
	}
}

func devices() []Device {
	return []Device{{ID: "1", Model: "x"}, {ID: "2", Model: "y"}, {ID: "3", Model: "x"}}
}

func TestAllocsRolloutWaves(t *testing.T) {
	plan := RolloutPlan{Image: "fw-2", WaveSize: 2, MaxFailed: 0}
	allocs(t, "RolloutWaves", func() { RolloutWaves(context.Background(), nopUpdater{}, devices(), plan) })
	if n, err := RolloutWaves(context.Background(), nopUpdater{}, devices(), plan); n != 3 || err != nil {
		t.Fatal(n, err)
	}
}

func TestAllocsRolloutGroup(t *testing.T) {
	plan := RolloutPlan{Image: "fw-2", Parallel: 2}
	allocs(t, "RolloutGroup", func() { RolloutGroup(context.Background(), nopUpdater{}, devices(), plan) })
	if err := RolloutGroup(context.Background(), nopUpdater{}, append(devices(), Device{Model: "bad"}), plan); err == nil || !strings.Contains(err.Error(), "fw-2 (partial)") {
		t.Fatal(err)
	}
}

func TestAllocsVersionReport(t *testing.T) {
	plan := RolloutPlan{Parallel: 2}
	ask := func(d Device) string { return "v" + d.ID }
	allocs(t, "VersionReport", func() { VersionReport(devices(), plan, "x", ask) })
	if c := VersionReport(devices(), plan, "x", ask); c["v1"] != 1 || c["v2"] != 0 || c["model=x"] != 3 {
		t.Fatal(c)
	}
}

func points() []Point {
	return []Point{{"a", "t", 1}, {"b", "t", 2}, {"c", "h", 3}}
}

func TestAllocsUploadBatches(t *testing.T) {
	cfg := UploadConfig{BatchSize: 2, Workers: 2, Endpoint: "https://ingest"}
	allocs(t, "UploadBatches", func() { UploadBatches(context.Background(), nopUploader{}, points(), cfg) })
	if s, err := UploadBatches(context.Background(), nopUploader{}, points(), cfg); s != "https://ingest (2 batches)" || err != nil {
		t.Fatal(s, err)
	}
}

func TestAllocsUploadEncoded(t *testing.T) {
	allocs(t, "UploadEncoded", func() { UploadEncoded(context.Background(), nopUploader{}, points(), "fleet ", 2) })
	if err := UploadEncoded(context.Background(), nopUploader{}, points(), "fleet ", 2); err != nil {
		t.Fatal(err)
	}
}

func TestAllocsUploadHeaders(t *testing.T) {
	send := func(h string, ps []Point) {
		if h != "fleet/v1" {
			panic(h)
		}
	}
	allocs(t, "UploadHeaders", func() { UploadHeaders(points(), "fleet", 2, send) })
}

func TestUploadToggled(t *testing.T) {
	if out := UploadToggled(points(), "p:", 2); len(out) != 2 || !strings.HasPrefix(string(out[0]), "p:p:") {
		t.Fatal(out)
	}
}

func TestAllocsRetryUpload(t *testing.T) {
	bs := [][]byte{[]byte("a"), []byte("b")}
	allocs(t, "RetryUpload", func() { RetryUpload(context.Background(), nopUploader{}, bs, 2) })
	if n := RetryUpload(context.Background(), nopUploader{}, bs, 2); n != 0 {
		t.Fatal(n)
	}
}

func TestAllocsShadowPush(t *testing.T) {
	s := NewShadow(3, SyncPolicy{})
	send := func(ctx context.Context, shard int, kv map[string]string) error { return nil }
	allocs(t, "Shadow.Push", func() { s.Push(context.Background(), send) })
	v := s.version
	if err := s.Push(context.Background(), send); err != nil || s.version != v+1 {
		t.Fatal(err, s.version)
	}
}

func TestAllocsPushPolicy(t *testing.T) {
	kvs := []map[string]string{{"a": "1"}, {"b": "2"}}
	p := SyncPolicy{Timeout: time.Hour, Retries: 2}
	send := func(ctx context.Context, kv map[string]string) error { return nil }
	allocs(t, "PushPolicy", func() { PushPolicy(context.Background(), kvs, p, send) })
}

func TestAllocsShadowPull(t *testing.T) {
	s := NewShadow(3, SyncPolicy{Region: "eu"})
	fetch := func(ctx context.Context, region string, shard int) (map[string]string, error) {
		return map[string]string{region: "x"}, nil
	}
	allocs(t, "Shadow.Pull", func() { s.Pull(context.Background(), fetch) })
	if r, err := s.Pull(context.Background(), fetch); r != "eu" || err != nil || s.shards[2]["eu"] != "x" {
		t.Fatal(r, err)
	}
}

func TestReconcileApply(t *testing.T) {
	d := []map[string]string{{"a": "1", "b": "2"}}
	r := []map[string]string{{"a": "1", "b": "3"}}
	if n, keys := Reconcile(d, r); n != 1 || keys[0] != "b" {
		t.Fatal(n, keys)
	}
	s := NewShadow(2, SyncPolicy{})
	s.Apply(map[string]string{"dev1": "on", "dev2": "off"}, nil)
}

func ladder() Ladder {
	return Ladder{Renditions: []Rendition{{"1080p", 1920, 1080, 5000}, {"720p", 1280, 720, 3000}}, Preset: "slow", Parallel: 2}
}

func TestAllocsTranscode(t *testing.T) {
	l := ladder()
	allocs(t, "Transcode", func() { Transcode(context.Background(), nopEncoder{}, "in.mp4", l) })
	if outs, err := Transcode(context.Background(), nopEncoder{}, "in.mp4", l); err != nil || outs[1] != "720p" {
		t.Fatal(outs, err)
	}
}

func TestAllocsTranscodeArgs(t *testing.T) {
	rs := ladder().Renditions
	allocs(t, "TranscodeArgs", func() { TranscodeArgs(context.Background(), rs, "h264", "fast", 23) })
	args, _ := TranscodeArgs(context.Background(), rs, "h264", "fast", 23)
	if args[1] != "-c:v h264 -preset fast -crf 23 -s 1280x720 -b:v 3000k" {
		t.Fatal(args)
	}
}

func TestAllocsProbe(t *testing.T) {
	info := func(ctx context.Context, f, codec string) (int, error) { return len(f) * len(codec), nil }
	files := []string{"a.ts", "bb.ts"}
	allocs(t, "Probe", func() { Probe(context.Background(), files, "H264", info) })
	if m, c := Probe(context.Background(), files, "H264", info); m["bb.ts"] != 20 || c != "h264" {
		t.Fatal(m, c)
	}
}

func TestTranscodeDeclines(t *testing.T) {
	l := ladder()
	if err := TranscodeProgress(context.Background(), nopEncoder{}, "in", l, func(int) {}); err != nil {
		t.Fatal(err)
	}
	if errs := TranscodeFallback(context.Background(), nopEncoder{}, "in", l); errs[0] != nil {
		t.Fatal(errs)
	}
}

func thumbnailer() *Thumbnailer {
	return &Thumbnailer{Workers: 2, Sizes: []int{64, 128}, Render: func(src string, size, q int) ([]byte, error) {
		return make([]byte, 0, size/64), nil
	}}
}

func TestAllocsGenerate(t *testing.T) {
	th := thumbnailer()
	srcs := []string{"a.jpg", "b.jpg"}
	allocs(t, "Thumbnailer.Generate", func() { th.Generate(srcs) })
	if out := th.Generate(srcs); len(out) != 4 || out[3].Size != 128 {
		t.Fatal(out)
	}
}

func TestAllocsGenerateNamed(t *testing.T) {
	render := func(p string) ([]byte, error) { return []byte(p), nil }
	srcs := []string{"x/a.jpg", "y/bb.jpg"}
	allocs(t, "GenerateNamed", func() { GenerateNamed(srcs, "thumbs/", render) })
	if idx, dir := GenerateNamed(srcs, "thumbs/", render); dir != "thumbs" || idx["thumbs/bb.jpg"] != 13 {
		t.Fatal(idx, dir)
	}
}

func TestThumbDeclines(t *testing.T) {
	th := thumbnailer()
	if out := th.Resize(context.Background(), []string{"a"}, 64); len(out) != 1 {
		t.Fatal(out)
	}
	if ls := Contact([]string{"a"}, func(s string) string { return s }); len(ls) != 1 {
		t.Fatal(ls)
	}
}

func chunks() []Chunk {
	return []Chunk{{0, []float32{0.5, -0.25}}, {1, []float32{0.1}}}
}

func TestAllocsNormaliseChunks(t *testing.T) {
	cs := chunks()
	allocs(t, "NormaliseChunks", func() { NormaliseChunks(cs, 1, 4) })
	if out := NormaliseChunks(cs, 1, 4); out[0].Samples[0] != 1 || out[1].Samples[0] != 0.4 {
		t.Fatal(out)
	}
}

func TestAllocsLoudness(t *testing.T) {
	cs := chunks()
	allocs(t, "Loudness", func() { Loudness(cs, 1) })
	if rms, w := Loudness(cs, 1); rms[0] != 0.5 || w != 2 {
		t.Fatal(rms, w)
	}
}

func TestStagesMix(t *testing.T) {
	if out, n := Stages(context.Background(), chunks(), 1); len(out) != 2 || n != 2 {
		t.Fatal(out, n)
	}
	if out := Mix([][]float32{{1, 1}}, 2); len(out) != 2 {
		t.Fatal(out)
	}
}

func TestAllocsSegmenter(t *testing.T) {
	packets := [][]byte{[]byte("ab"), []byte("cd"), []byte("e")}
	durs := []float64{2, 2, 1}
	allocs(t, "Segmenter", func() { Segmenter(context.Background(), packets, durs, 3.6) })
	if segs, pl := Segmenter(context.Background(), packets, durs, 3.6); len(segs) != 2 || pl.Target != 4 {
		t.Fatal(segs, pl)
	}
}

func TestAllocsNameSegments(t *testing.T) {
	segs := []Segment{{Index: 1}, {Index: 2}}
	allocs(t, "NameSegments", func() { NameSegments(segs, "live/seg", 4) })
	if ns := NameSegments(segs, "live/seg", 4); ns[1] != "live/seg00002.ts" {
		t.Fatal(ns)
	}
}

func TestAllocsWriteSegments(t *testing.T) {
	segs := []Segment{{Index: 1}, {Index: 2}}
	put := func(k string, b []byte) error { return nil }
	allocs(t, "WriteSegments", func() { WriteSegments(segs, "s3://b/", 2, put) })
	if f, p := WriteSegments(segs, "s3://b/", 2, put); len(f) != 0 || p != "s3://b/v2" {
		t.Fatal(f, p)
	}
}

func edges() []Edge { return []Edge{{"fra", "eu"}, {"iad", "us"}} }

func TestAllocsPurgeAll(t *testing.T) {
	paths := []string{"/a"}
	allocs(t, "PurgeAll", func() { PurgeAll(context.Background(), nopPurger{}, edges(), paths, " deploy ") })
	if s, err := PurgeAll(context.Background(), nopPurger{}, edges(), paths, " deploy "); err != nil || !strings.HasSuffix(s, ": deploy") {
		t.Fatal(s, err)
	}
}

func TestAllocsPurgeWithTimeout(t *testing.T) {
	paths := []string{"/a"}
	allocs(t, "PurgeWithTimeout", func() { PurgeWithTimeout(context.Background(), nopPurger{}, edges(), paths, time.Second) })
}

func TestPurgeDeclines(t *testing.T) {
	by := map[string][]Edge{"eu": edges()[:1]}
	if err := PurgeRegions(context.Background(), nopPurger{}, by, []string{"/a"}); err != nil {
		t.Fatal(err)
	}
	if err := PurgeQuorum(context.Background(), nopPurger{}, edges(), []string{"/a"}, 1); err != nil {
		t.Fatal(err)
	}
	PurgeCounted(context.Background(), nopPurger{}, edges(), nil, func(int) {})
}

func library() fstest.MapFS {
	return fstest.MapFS{
		"media/films/a.mp4": {Data: []byte("aaaa")},
		"media/music/b.mp3": {Data: []byte("bb")},
		"media/music/c.mp3": {Data: []byte("cc")},
	}
}

func TestAllocsScanDirs(t *testing.T) {
	fsys := library()
	dirs := []string{"films", "music"}
	allocs(t, "ScanDirs", func() { ScanDirs(fsys, "media", dirs) })
	if items, root := ScanDirs(fsys, "media", dirs); len(items) != 3 || root != "/media" {
		t.Fatal(items, root)
	}
}

func TestAllocsClassify(t *testing.T) {
	items := []Item{{Path: "a.MP4"}, {Path: "b.mp3"}, {Path: "._c.mp3"}}
	video, audio := []string{".mp4"}, []string{".mp3"}
	allocs(t, "Classify", func() { Classify(context.Background(), items, video, audio, "._") })
	out, err := Classify(context.Background(), items, video, audio, "._")
	if err != nil || out[0].Kind != "video" || out[1].Kind != "audio" || out[2].Kind != "" {
		t.Fatal(out, err)
	}
}

func TestAllocsDedupe(t *testing.T) {
	items := []Item{{Path: "a", Bytes: 2}, {Path: "b", Bytes: 2}, {Path: "c", Bytes: 4}}
	allocs(t, "Dedupe", func() { Dedupe(items, 2, 1) })
	if d, m := Dedupe(items, 2, 1); len(d) != 1 || d[0][1] != "b" || m != 2 {
		t.Fatal(d, m)
	}
}

func TestTally(t *testing.T) {
	if m, err := Tally([]Item{{Kind: "a"}, {Kind: "a"}}, 2); err != nil || m["a"] != 2 {
		t.Fatal(m, err)
	}
}
