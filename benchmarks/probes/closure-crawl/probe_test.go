package crawl

import (
	"context"
	"errors"
	"image"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("%s: %.0f allocs", name, testing.AllocsPerRun(50, f))
}

type fake map[string]string

func (f fake) Fetch(_ context.Context, u string) (string, error) {
	if b, ok := f[u]; ok {
		return b, nil
	}
	return "", errors.New("404 " + u)
}

func rgba(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = uint8(i * 7)
	}
	return img
}

func gray(w, h int) *image.Gray {
	img := image.NewGray(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = uint8(i * 13)
	}
	return img
}

func TestGrayscale(t *testing.T) {
	src := rgba(16, 16)
	if g := Grayscale(src, 3); g.Bounds() != src.Bounds() {
		t.Fatal(g.Bounds())
	}
	allocs(t, "Grayscale", func() { Grayscale(src, 3) })
}

func TestBoxBlur(t *testing.T) {
	src := gray(8, 8)
	if a, b := BoxBlur(src, 0), BoxBlur(src, 1); !reflect.DeepEqual(a.Pix, b.Pix) {
		t.Fatal("radius 0 is 1")
	}
	allocs(t, "BoxBlur", func() { BoxBlur(src, 2) })
}

func TestThreshold(t *testing.T) {
	img := gray(8, 8)
	if n := Threshold(img, 128, 3); n == 0 {
		t.Fatal(n)
	}
	allocs(t, "Threshold", func() { Threshold(gray(8, 8), 128, 3) })
}

func TestHistogram(t *testing.T) {
	img := gray(10, 10)
	h := Histogram(img, 3)
	sum := 0
	for _, n := range h {
		sum += n
	}
	if sum != 100 {
		t.Fatal(sum)
	}
	allocs(t, "Histogram", func() { Histogram(img, 3) })
}

func TestGamma(t *testing.T) {
	img := gray(8, 8)
	if err := Gamma(img, 2.2, 0); err != nil {
		t.Fatal(err)
	}
	allocs(t, "Gamma", func() { Gamma(img, 1, 16) })
}

func TestTiles(t *testing.T) {
	r := image.Rect(0, 0, 100, 70)
	area := 0
	ch := make(chan int, 64)
	if err := Tiles(r, 0, 2, func(t image.Rectangle) error { ch <- t.Dx() * t.Dy(); return nil }); err != nil {
		t.Fatal(err)
	}
	close(ch)
	for a := range ch {
		area += a
	}
	if area != 7000 {
		t.Fatal(area)
	}
	allocs(t, "Tiles", func() { Tiles(r, 50, 2, func(image.Rectangle) error { return nil }) })
}

func TestPreview(t *testing.T) {
	adj := make(chan int, 2)
	adj <- 2
	adj <- 3
	close(adj)
	if p := Preview(gray(8, 8), 2, adj); p.Bounds().Dx() != 4 {
		t.Fatal(p.Bounds())
	}
}

var pages = fake{"a": "aa", "b": "bbb", "http://x.org/c": "c", "http://y.org/d": "dd"}

func TestFetchAll(t *testing.T) {
	ctx := context.Background()
	rs := FetchAll(ctx, pages, []string{"a", "b", "z"}, 0, 0)
	if rs[0].Body != "aa" || rs[1].Body != "bbb" || rs[2].Err == nil {
		t.Fatal(rs)
	}
	urls := []string{"a", "b"}
	allocs(t, "FetchAll", func() { FetchAll(ctx, pages, urls, 2, 0) })
}

func TestFetchFirst(t *testing.T) {
	ctx := context.Background()
	if b, err := FetchFirst(ctx, pages, []string{"z", "a"}); err != nil || b != "aa" {
		t.Fatal(b, err)
	}
	ms := []string{"a"}
	allocs(t, "FetchFirst", func() { FetchFirst(ctx, pages, ms) })
}

func TestFetchHosts(t *testing.T) {
	got := FetchHosts(context.Background(), pages, []string{"http://x.org/c", "http://y.org/d"}, 0)
	if got["x.org"] != 1 || got["y.org"] != 2 {
		t.Fatal(got)
	}
}

func TestCrawl(t *testing.T) {
	web := fake{"r": "a b", "a": "c", "b": "c", "c": ""}
	order := Crawl(context.Background(), web, "r", 2, strings.Fields)
	if len(order) != 4 {
		t.Fatal(order)
	}
}

func TestPoll(t *testing.T) {
	stop := Poll(context.Background(), pages, "a", 0, func(string) {})
	stop()
}

func TestNormalize(t *testing.T) {
	got := Normalize("http://Ex.org/", []string{"/a", "HTTP://B.ORG/x"})
	if got[0] != "http://ex.org/a" || got[1] != "http://b.org/x" {
		t.Fatal(got)
	}
	raws := []string{"/a", "b"}
	allocs(t, "Normalize", func() { Normalize("http://ex.org", raws) })
}

func TestRetryAll(t *testing.T) {
	n := 0
	jobs := []Job{{1, func(context.Context) error { return nil }}, {2, func(context.Context) error {
		n++
		if n < 2 {
			return errors.New("again")
		}
		return nil
	}}}
	if errs := RetryAll(context.Background(), jobs, 0, time.Microsecond); errs[0] != nil || errs[1] != nil {
		t.Fatal(errs)
	}
	ok := []Job{{1, func(context.Context) error { return nil }}}
	allocs(t, "RetryAll", func() { RetryAll(context.Background(), ok, 2, 0) })
}

func TestHedged(t *testing.T) {
	v, err := Hedged(context.Background(), 0, func(context.Context) (string, error) { return "v", nil })
	if v != "v" || err != nil {
		t.Fatal(v, err)
	}
	call := func(context.Context) (string, error) { return "v", nil }
	allocs(t, "Hedged", func() { Hedged(context.Background(), time.Second, call) })
}

func TestWithDeadline(t *testing.T) {
	if err := WithDeadline(context.Background(), time.Second, func(context.Context) error { return nil }); err != nil {
		t.Fatal(err)
	}
	fn := func(context.Context) error { return nil }
	allocs(t, "WithDeadline", func() { WithDeadline(context.Background(), time.Second, fn) })
}

func TestBackoff(t *testing.T) {
	if err := <-Backoff(func() error { return nil }, 0, 0, nil); err != nil {
		t.Fatal(err)
	}
}

func TestSupervise(t *testing.T) {
	n := 0
	if r := Supervise(context.Background(), func(context.Context) error {
		n++
		if n < 3 {
			return errors.New("x")
		}
		return nil
	}, 0); r != 2 {
		t.Fatal(r)
	}
}

func tree(t *testing.T) string {
	dir := t.TempDir()
	for i, name := range []string{"a/x.txt", "a/y.txt", "b/z.txt", "top.txt"} {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		body := "same words here\n"
		if i == 2 {
			body = "other Words\nhere too\n"
		}
		os.WriteFile(p, []byte(body), 0o644)
	}
	return dir
}

func TestHashTree(t *testing.T) {
	dir := tree(t)
	sums, err := HashTree(dir, 0)
	if err != nil || len(sums) != 4 {
		t.Fatal(sums, err)
	}
	allocs(t, "HashTree", func() { HashTree(dir, 2) })
}

func TestDirSizes(t *testing.T) {
	dir := tree(t)
	got, err := DirSizes(dir)
	if err != nil || got["a"] != 32 || got["b"] != 21 {
		t.Fatal(got, err)
	}
	allocs(t, "DirSizes", func() { DirSizes(dir) })
}

func TestDuplicates(t *testing.T) {
	dir := tree(t)
	ps := []string{filepath.Join(dir, "a/x.txt"), filepath.Join(dir, "a/y.txt"), filepath.Join(dir, "b/z.txt")}
	if d := Duplicates(ps, 0); len(d) != 1 || len(d[0]) != 2 {
		t.Fatal(d)
	}
	allocs(t, "Duplicates", func() { Duplicates(ps, 1) })
}

func TestGrep(t *testing.T) {
	dir := tree(t)
	fs := []string{filepath.Join(dir, "b/z.txt"), filepath.Join(dir, "top.txt")}
	got, err := Grep(fs, "WORDS", true)
	if err != nil || len(got) != 2 {
		t.Fatal(got, err)
	}
	allocs(t, "Grep", func() { Grep(fs, "Words", true) })
}

func TestScan(t *testing.T) {
	if n := Scan(tree(t), nil, func(string, int) {}); n != 4 {
		t.Fatal(n)
	}
}

func TestWordCount(t *testing.T) {
	dir := tree(t)
	fs := []string{filepath.Join(dir, "b/z.txt"), filepath.Join(dir, "top.txt")}
	got, err := WordCount(fs, true)
	if err != nil || got["words"] != 2 || got["here"] != 2 {
		t.Fatal(got, err)
	}
	allocs(t, "WordCount", func() { WordCount(fs, false) })
}

func TestTopWords(t *testing.T) {
	c := map[string]int{"a": 3, "b": 2, "c": 1, "d": 5}
	if got := TopWords(c, 2, 3); !reflect.DeepEqual(got, []string{"d", "a"}) {
		t.Fatal(got)
	}
	allocs(t, "TopWords", func() { TopWords(c, 2, 2) })
}

func TestMapReduce(t *testing.T) {
	got := MapReduce([]string{"a b", "b"}, 0, func(s string) map[string]int {
		m := map[string]int{}
		for _, w := range strings.Fields(s) {
			m[w]++
		}
		return m
	}, func(a, b int) int { return a + b })
	if got["b"] != 2 {
		t.Fatal(got)
	}
}

func TestShardSum(t *testing.T) {
	xs := make([]float64, 100)
	for i := range xs {
		xs[i] = float64(i)
	}
	if s := ShardSum(xs, 7); s != 4950 {
		t.Fatal(s)
	}
	allocs(t, "ShardSum", func() { ShardSum(xs, 4) })
}

func TestTokens(t *testing.T) {
	got := Tokens([]string{"a,b c", "d;e"}, ";")
	if len(got[0]) != 3 || len(got[1]) != 2 {
		t.Fatal(got)
	}
	docs := []string{"a b", "c"}
	allocs(t, "Tokens", func() { Tokens(docs, "") })
}

func TestLongestLine(t *testing.T) {
	dir := tree(t)
	if l := LongestLine([]string{filepath.Join(dir, "top.txt"), filepath.Join(dir, "b/z.txt")}); l != "same words here" {
		t.Fatal(strconv.Quote(l))
	}
}
