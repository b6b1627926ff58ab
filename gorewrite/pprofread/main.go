// Command pprofread reads one uncompressed pprof profile of SIZE bytes on its standard input with the library behind
// `go tool pprof` and prints, as one JSON object, each sample's values summed on the innermost source line
// outside the Go runtime of its stack, and their totals: an entry of gorewrite's parsed-profile cache
// (profile_cache.py), which the Python side loads like any other. Python reads a 50 MB profile's objects
// one by one several times slower than this.
//
// A profile it cannot read is one line on standard error and exit status 1.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strconv"
	"strings"

	"github.com/google/pprof/profile"
)

// The runtime's own frames: a CPU profile charges allocation to runtime.mallocgc, and the line that called
// into the runtime is the site that allocated; the runtime also implements other packages' functions
// (reflect.unsafe_New is in runtime/malloc.go). -trimpath names GOROOT/src/runtime/x.go runtime/x.go.
var runtimePrefixes = []string{"runtime.", "runtime/internal/", "internal/runtime/"}

func main() {
	// Most of what is parsed stays live to the end: collecting would mark all of it to free little (0.2-0.4 s
	// of CPU for a 50 MB profile). Past the limit (a profile far bigger) the collector runs again.
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(2 << 30)
	data, err := input()
	if err == nil {
		var p *profile.Profile
		if p, err = parse(data); err == nil {
			out := bufio.NewWriterSize(os.Stdout, 1<<20)
			write(out, p, weigh(p))
			err = out.Flush()
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// input reads standard input into one buffer of the size the first argument gives (growing one to 63 MB copied
// and cleared 0.1 s of CPU).
func input() ([]byte, error) {
	if len(os.Args) != 2 {
		return nil, fmt.Errorf("usage: pprofread SIZE < profile")
	}
	size, err := strconv.Atoi(os.Args[1])
	if err != nil {
		return nil, err
	}
	data := make([]byte, size)
	_, err = io.ReadFull(os.Stdin, data)
	return data, err
}

// parse reads protobuf pprof only, not the legacy text formats profile.Parse also tries.
func parse(data []byte) (*profile.Profile, error) {
	p, err := profile.ParseUncompressed(data)
	if err != nil {
		return nil, fmt.Errorf("not a pprof profile (%v); give what go test -memprofile or pprof writes", err)
	}
	if len(p.SampleType) == 0 {
		return nil, fmt.Errorf("not a pprof profile (no sample types); give what go test -memprofile writes")
	}
	for _, s := range p.Sample {
		if len(s.Value) != len(p.SampleType) {
			return nil, fmt.Errorf("a sample has %d values for %d sample types: not pprof", len(s.Value), len(p.SampleType))
		}
	}
	if err := p.CheckValid(); err != nil { // unknown ids: what pprof refuses too
		return nil, fmt.Errorf("not a pprof profile (%v); give what go test -memprofile or pprof writes", err)
	}
	return p, nil
}

type file struct{ pkg, name string }

type line struct {
	file int // index into weighed.files
	line int64
}

// weighed holds the profile's values summed per source line, lines in the order first charged.
type weighed struct {
	files  []file
	lines  []line
	values []int64 // len(SampleType) per line
	totals []int64
}

// byID numbers what the profile names by id: in a slice where Go numbers them 1..n (as the library does; a map
// keyed by pointer took a third of the helper's time), in a map otherwise. 0 is not yet numbered.
type byID struct {
	dense  []int32
	sparse map[uint64]int32
}

func newByID(n int) *byID { return &byID{dense: make([]int32, n+1), sparse: map[uint64]int32{}} }

func (b *byID) get(id uint64) int32 {
	if id < uint64(len(b.dense)) {
		return b.dense[id]
	}
	return b.sparse[id]
}

func (b *byID) set(id uint64, v int32) {
	if id < uint64(len(b.dense)) {
		b.dense[id] = v
	} else {
		b.sparse[id] = v
	}
}

// weigh charges each sample to the first location of its stack (the leaf first) that has a line outside
// the runtime, and there to the innermost line (a location's inlined calls come innermost first); a sample
// with only runtime frames goes on no line (file{}, line 0: profile.NO_LINE), in the totals all the same.
func weigh(p *profile.Profile) *weighed {
	width := len(p.SampleType)
	w := &weighed{totals: make([]int64, width), lines: make([]line, 0, len(p.Location)+1)}
	w.values = make([]int64, 0, cap(w.lines)*width)
	files, rows := map[file]int{}, []map[int64]int32{} // a file's lines: line number -> row
	index := func(key file) int {
		i, ok := files[key]
		if !ok {
			i = len(w.files)
			files[key] = i
			w.files = append(w.files, key)
			rows = append(rows, map[int64]int32{})
		}
		return i
	}
	row := func(f int, number int64) int {
		r, ok := rows[f][number]
		if !ok {
			r = int32(len(w.lines))
			rows[f][number] = r
			w.lines = append(w.lines, line{f, number})
			w.values = append(w.values, make([]int64, width)...)
		}
		return int(r)
	}
	fileOf := newByID(len(p.Function)) // file index + 2; 1: the runtime's own
	for _, f := range p.Function {
		fileOf.set(f.ID, 1)
		if !runtime(f) {
			fileOf.set(f.ID, int32(index(file{pkg(f.Name), f.Filename})+2))
		}
	}
	// Each location's row, found once: row + 2; 1 is no line outside the runtime.
	rowOf := newByID(len(p.Location))
	rowAt := func(loc *profile.Location) int {
		if known := rowOf.get(loc.ID); known > 0 {
			return int(known) - 2
		}
		r := -1
		for _, ln := range loc.Line { // CheckValid refused a line without a function
			if i := fileOf.get(ln.Function.ID); i >= 2 {
				r = row(int(i)-2, ln.Line)
				break
			}
		}
		rowOf.set(loc.ID, int32(r+2))
		return r
	}
	for _, s := range p.Sample {
		r := -1
		for _, loc := range s.Location {
			if r = rowAt(loc); r >= 0 {
				break
			}
		}
		if r < 0 {
			r = row(index(file{}), 0)
		}
		for i, v := range s.Value {
			w.values[r*width+i] += v
			w.totals[i] += v
		}
	}
	return w
}

func runtime(f *profile.Function) bool {
	if f.Name == "" || runtimeFile(f.Filename) {
		return true
	}
	for _, prefix := range runtimePrefixes {
		if strings.HasPrefix(f.Name, prefix) {
			return true
		}
	}
	return false
}

// runtimeFile: a file directly in the runtime's directory, GOROOT/src/runtime/x.go or runtime/x.go (-trimpath).
func runtimeFile(name string) bool {
	dir := name[:strings.LastIndex(name, "/")+1]
	return strings.HasSuffix(name, ".go") && (dir == "runtime/" || strings.HasSuffix(dir, "/src/runtime/"))
}

// pkg is the package of a function: example.com/m/pkg.(*T).Method -> example.com/m/pkg, main.run.func1 -> main.
func pkg(function string) string {
	function, _, _ = strings.Cut(function, "[") // type arguments may hold other paths
	slash := strings.LastIndex(function, "/") + 1
	if dot := strings.Index(function[slash:], "."); dot >= 0 {
		return function[:slash+dot]
	}
	return function
}

// write prints the cache entry: the sample types, the default one, the totals, and per file each line's
// number followed by its values (profile_cache.py reads it).
func write(out *bufio.Writer, p *profile.Profile, w *weighed) {
	types := make([][2]string, len(p.SampleType))
	for i, t := range p.SampleType {
		types[i] = [2]string{t.Type, t.Unit}
	}
	head, _ := json.Marshal(map[string]any{"types": types, "default": p.DefaultSampleType, "totals": w.totals})
	out.Write(head[:len(head)-1])
	out.WriteString(`,"files":[`)
	width := len(p.SampleType)
	flat := make([][]int64, len(w.files))
	for r, ln := range w.lines {
		flat[ln.file] = append(append(flat[ln.file], ln.line), w.values[r*width:(r+1)*width]...)
	}
	var buf []byte
	for i, f := range w.files {
		names, _ := json.Marshal([]string{f.pkg, f.name})
		buf = append(buf[:0], names[:len(names)-1]...)
		buf = append(buf, ",["...)
		for j, n := range flat[i] {
			if j > 0 {
				buf = append(buf, ',')
			}
			buf = strconv.AppendInt(buf, n, 10)
		}
		buf = append(buf, "]]"...)
		if i < len(w.files)-1 {
			buf = append(buf, ',')
		}
		out.Write(buf)
	}
	out.WriteString("]}\n")
}
