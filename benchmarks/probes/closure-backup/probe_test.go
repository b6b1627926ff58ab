package backup

import (
	"bytes"
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	f()
	t.Logf("%s allocs/run: %v", name, testing.AllocsPerRun(50, f))
}

func testTree() []*Dir {
	return []*Dir{
		{Name: "home", Files: []File{{Name: "a.txt", Data: []byte("alpha")}, {Name: ".hidden", Data: []byte("h")}},
			Dirs: []*Dir{{Name: "docs", Files: []File{{Name: "b.md", Data: []byte("bravo bravo")}}}}},
		{Name: "etc", Files: []File{{Name: "c.conf", Data: []byte("charlie")}, {Name: "skip.me", Data: []byte("x")}}},
	}
}

func testFiles() []File {
	return []File{
		{Name: "a", Data: bytes.Repeat([]byte("abcdefgh"), 40)},
		{Name: "b", Data: []byte("short file")},
		{Name: "c", Data: bytes.Repeat([]byte{1, 2, 3, 250}, 90)},
	}
}

func testChunks() []Chunk {
	var out []Chunk
	seen := map[[32]byte]bool{}
	for _, f := range testFiles() {
		for _, c := range Split(f, ChunkerConfig{Avg: 64, Min: 16, Max: 256}) {
			if !seen[c.Sum] {
				seen[c.Sum] = true
				out = append(out, c)
			}
		}
	}
	return out
}

var bg = context.Background()

func TestWalk(t *testing.T) {
	roots := testTree()
	got := WalkAll(roots, WalkOptions{SkipHidden: true, Exclude: []string{"skip.me"}})
	want := [][]string{{"home/a.txt", "home/docs/b.md"}, {"etc/c.conf"}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("WalkAll = %v", got)
	}
	if u := Usage(roots, "vol/"); u[0] != "vol/:home 3 files 17 bytes" || u[2] != "total on vol" {
		t.Fatalf("Usage = %v", u)
	}
	if s := Scan(roots, 2); len(s) != 5 {
		t.Fatalf("Scan = %v", s)
	}
	staged := WalkStaged(roots, WalkOptions{SkipHidden: true}, func() []string { return []string{"skip.me", "docs"} })
	if !reflect.DeepEqual(staged, [][]string{{"home/a.txt"}, {"etc/c.conf"}}) {
		t.Fatalf("WalkStaged = %v: the walkers must see the resolved exclusions", staged)
	}
	allocs(t, "WalkAll", func() { WalkAll(roots, WalkOptions{}) })
	allocs(t, "Usage", func() { Usage(roots, "vol") })
	allocs(t, "Scan", func() { Scan(roots, 2) })
}

func TestHash(t *testing.T) {
	files := testFiles()
	var key [32]byte
	if e := HashFiles(files, 2); len(e) != 3 || e[1].Path != "b" {
		t.Fatalf("HashFiles = %v", e)
	}
	k := HashKeyed(files, key)
	if k[0].Sum == k[1].Sum || k[0].Sum != sumFor("", files[0].Data) {
		t.Fatalf("HashKeyed = %v", k)
	}
	if ids := HashSealed(files, Keys{Label: "repo"}); !strings.HasPrefix(ids[0], "repo/") {
		t.Fatalf("HashSealed = %v", ids)
	}
	dup := append(testFiles(), File{Name: "a2", Data: files[0].Data})
	if g := Dedup(dup, key); len(g) != 3 {
		t.Fatalf("Dedup = %v", g)
	}
	if algo, fp := Fingerprint(files, "sha256"); algo != "sha256+tree" || len(fp) != 64 {
		t.Fatalf("Fingerprint = %v %v", algo, fp)
	}
	allocs(t, "HashKeyed", func() { HashKeyed(files, key) })
	allocs(t, "HashSealed", func() { HashSealed(files, Keys{Label: "repo"}) })
	allocs(t, "Dedup", func() { Dedup(files, key) })
	allocs(t, "Fingerprint", func() { Fingerprint(files, "sha256") })
}

func TestChunk(t *testing.T) {
	files := testFiles()
	cs := ChunkFiles(files, ChunkerConfig{})
	for i, f := range files {
		var joined []byte
		for _, c := range cs[i] {
			joined = append(joined, c.Data...)
		}
		if !bytes.Equal(joined, f.Data) {
			t.Fatalf("ChunkFiles lost data of %s", f.Name)
		}
	}
	sizes := ChunkSizes(files, ChunkerConfig{})
	for i := range files {
		if sizes[i] != len(cs[i]) {
			t.Fatalf("ChunkSizes = %v", sizes)
		}
	}
	started, streamed := ChunkStream(files, ChunkerConfig{})
	if started != 3 || !reflect.DeepEqual(streamed, cs) {
		t.Fatalf("ChunkStream = %d %v", started, streamed)
	}
	allocs(t, "ChunkFiles", func() { ChunkFiles(files, ChunkerConfig{}) })
	allocs(t, "ChunkSizes", func() { ChunkSizes(files, ChunkerConfig{}) })
	allocs(t, "ChunkStream", func() { ChunkStream(files, ChunkerConfig{}) })
}

func TestUpload(t *testing.T) {
	chunks := testChunks()
	st := NewMemStore()
	if err := UploadChunks(bg, st, chunks, "c/", 2); err != nil || len(st.Keys()) == 0 {
		t.Fatalf("UploadChunks = %v", err)
	}
	if n, err := FanOut(bg, NewMemStore(), chunks, "f/"); err != nil || n == 0 {
		t.Fatalf("FanOut = %d %v", n, err)
	}
	st = NewMemStore()
	if err := UploadTo(bg, st, chunks, "t/"); err != nil || !st.Has(chunkKey("t/", chunks[0])) {
		t.Fatalf("UploadTo = %v", err)
	}
	st = NewMemStore()
	if err := UploadSharded(bg, st, chunks, "s/", 4); err != nil || !strings.HasPrefix(st.Keys()[0], "s/") {
		t.Fatalf("UploadSharded = %v %v", err, st.Keys())
	}
	if p, err := UploadBounded(bg, NewMemStore(), chunks, "u/", 2); err != nil || p != "u/next/" {
		t.Fatalf("UploadBounded = %v %v", p, err)
	}
	if err := RunWorkers(bg, NewMemStore(), chunks, "w/", 3); err != nil {
		t.Fatal(err)
	}
	st = NewMemStore()
	if err := UploadEach(bg, st, chunks, "e/"); err != nil || !st.Has(chunkKey("e/", chunks[0])) {
		t.Fatalf("UploadEach = %v", err)
	}
	allocs(t, "UploadChunks", func() { UploadChunks(bg, NewMemStore(), chunks, "c/", 2) })
	allocs(t, "UploadTo", func() { UploadTo(bg, NewMemStore(), chunks, "t/") })
	allocs(t, "UploadSharded", func() { UploadSharded(bg, NewMemStore(), chunks, "s/", 4) })
	allocs(t, "UploadBounded", func() { UploadBounded(bg, NewMemStore(), chunks, "u/", 2) })
	allocs(t, "RunWorkers", func() { RunWorkers(bg, NewMemStore(), chunks, "w/", 3) })
	allocs(t, "UploadEach", func() { UploadEach(bg, NewMemStore(), chunks, "e/") })
}

func TestRetry(t *testing.T) {
	chunks := testChunks()
	policy := RetryPolicy{Attempts: 3, Base: time.Microsecond}
	st := NewMemStore()
	st.FailNext(chunkKey("r/", chunks[0]), 2)
	if err := UploadWithRetry(bg, st, chunks, "r/", policy); err != nil || !st.Has(chunkKey("r/", chunks[0])) {
		t.Fatalf("UploadWithRetry = %v", err)
	}
	st = NewMemStore()
	st.FailNext(chunkKey("p/", chunks[0]), 2)
	if err := UploadPatient(bg, st, chunks, "p/", policy); err != nil {
		t.Fatalf("UploadPatient = %v", err)
	}
	st = NewMemStore()
	st.FailNext(chunkKey("v/", chunks[0]), 5)
	if err := UploadVia(bg, st, chunks, "v/", policy); !errors.Is(err, ErrTransient) {
		t.Fatalf("UploadVia = %v", err)
	}
	slow := make(chan struct{})
	close(slow)
	if _, err := UploadThrottled(bg, NewMemStore(), chunks, "th/", policy, slow); err != nil {
		t.Fatalf("UploadThrottled = %v", err)
	}
	allocs(t, "UploadWithRetry", func() { UploadWithRetry(bg, NewMemStore(), chunks, "r/", policy) })
	allocs(t, "UploadPatient", func() { UploadPatient(bg, NewMemStore(), chunks, "p/", policy) })
	allocs(t, "UploadVia", func() { UploadVia(bg, NewMemStore(), chunks, "v/", policy) })
}

// The workers start before the policy is loaded and must use the loaded one.
func TestRetryRoundSeesLoadedPolicy(t *testing.T) {
	chunks := testChunks()[:2]
	st := NewMemStore()
	st.FailNext(chunkKey("rr/", chunks[0]), 3)
	tries, err := RetryRound(bg, st, chunks, "rr/", func() RetryPolicy { return RetryPolicy{Attempts: 5} })
	if err != nil || !reflect.DeepEqual(tries, []int{4, 1}) {
		t.Fatalf("RetryRound = %v %v", tries, err)
	}
}

func TestProgress(t *testing.T) {
	files := testFiles()
	var log Log
	if name := BackupWithProgress(bg, NewMemStore(), files, "nightly", &log); name != "nightly (complete)" {
		t.Fatalf("BackupWithProgress = %q", name)
	}
	if last := log.Last(); last != "nightly: done, 3 files, 690 bytes" {
		t.Fatalf("last line %q", last)
	}
	var plog Log
	if n := Phases(files, NewMemStore(), &plog); n != 690 || !reflect.DeepEqual(plog.Lines(), []string{"phase scan", "phase upload"}) {
		t.Fatalf("Phases = %d %v", n, plog.Lines())
	}
	ctx, cancel := context.WithTimeout(bg, 3*time.Millisecond)
	defer cancel()
	var p Progress
	p.Bytes.Store(7)
	if s := Throughput(ctx, &p, time.Millisecond, "B"); !strings.Contains(s, "7B") && s != "" {
		t.Fatalf("Throughput = %q", s)
	}
	allocs(t, "BackupWithProgress", func() { BackupWithProgress(bg, NewMemStore(), files, "nightly", &Log{}) })
}

// The reporter outlives the uploads' wait and must report the status the run ended in.
func TestSyncReportedFinalStatus(t *testing.T) {
	st := NewMemStore()
	st.FailNext("b", 1)
	var log Log
	stop := SyncReported(bg, st, testFiles(), &log)
	stop()
	if last := log.Last(); last != "final: incomplete" {
		t.Fatalf("last line %q", last)
	}
}

func TestManifest(t *testing.T) {
	files := testFiles()
	var b strings.Builder
	if err := WriteManifest(&b, files, ManifestHeader{Snapshot: "s1", Algo: "k"}); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(b.String(), "snapshot s1 algo k files 3 bytes 690\n") {
		t.Fatalf("WriteManifest = %q", b.String())
	}
	chunks := testChunks()
	st := NewMemStore()
	_ = UploadTo(bg, st, chunks[:1], "s1/")
	hdr, ok, err := VerifyRemote(bg, st, chunks, ManifestHeader{Snapshot: "s1"})
	if err != nil || !ok[0] || ok[1] || hdr.Created.IsZero() {
		t.Fatalf("VerifyRemote = %v %v %v", hdr, ok, err)
	}
	if sum, m := Missing(st, chunks, "s1/"); len(m) != len(chunks)-1 || !strings.HasPrefix(sum, "s1: ") {
		t.Fatalf("Missing = %v %v", sum, m)
	}
	if u := RemoteURLs(chunks[:1], "backup.example", "r"); !strings.HasPrefix(u[0], "https://backup.example/r/") {
		t.Fatalf("RemoteURLs = %v", u)
	}
	allocs(t, "WriteManifest", func() { WriteManifest(&strings.Builder{}, files, ManifestHeader{Snapshot: "s1"}) })
	allocs(t, "VerifyRemote", func() { VerifyRemote(bg, st, chunks, ManifestHeader{Snapshot: "s1"}) })
	allocs(t, "Missing", func() { Missing(st, chunks, "s1/") })
	allocs(t, "RemoteURLs", func() { RemoteURLs(chunks, "backup.example", "r") })
}

func TestSync(t *testing.T) {
	files := testFiles()
	st := NewMemStore()
	opts, err := SyncFiles(bg, st, files, SyncOptions{})
	if err != nil || opts.Synced != 3 || opts.Prefix != "data/" || len(st.Keys()) == 0 {
		t.Fatalf("SyncFiles = %+v %v", opts, err)
	}
	if err := SyncTree(bg, NewMemStore(), testTree()[0], SyncOptions{Prefix: "t/"}); err != nil {
		t.Fatal(err)
	}
	st = NewMemStore()
	if err := SyncBatches(bg, st, files, "x/", 2); err != nil || !st.Has("x/b/c") {
		t.Fatalf("SyncBatches = %v %v", err, st.Keys())
	}
	if err := SyncAsync(bg, NewMemStore(), files, "a/")(); err != nil {
		t.Fatal(err)
	}
	names, err := Mirror(bg, []Store{NewMemStore(), NewMemStore()}, files, "mirror-tag-long")
	if err != nil || names[1] != "mirror-t#1" {
		t.Fatalf("Mirror = %v %v", names, err)
	}
	allocs(t, "SyncFiles", func() { SyncFiles(bg, NewMemStore(), files, SyncOptions{}) })
	allocs(t, "SyncTree", func() { SyncTree(bg, NewMemStore(), testTree()[0], SyncOptions{}) })
	allocs(t, "SyncBatches", func() { SyncBatches(bg, NewMemStore(), files, "x/", 2) })
	allocs(t, "Mirror", func() { Mirror(bg, []Store{NewMemStore()}, files, "m") })
}
