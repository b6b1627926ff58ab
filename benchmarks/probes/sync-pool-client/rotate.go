package httplog

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// RotatingWriter writes to a file and starts a new one past MaxBytes.
type RotatingWriter struct {
	mu       sync.Mutex
	Dir      string
	Base     string
	MaxBytes int64
	f        *os.File
	size     int64
	now      func() time.Time
}

func (w *RotatingWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.f == nil || w.size+int64(len(p)) > w.MaxBytes {
		if err := w.rotate(); err != nil {
			return 0, err
		}
	}
	n, err := w.f.Write(p)
	w.size += int64(n)
	return n, err
}

func (w *RotatingWriter) rotate() error {
	if w.f != nil {
		w.f.Close()
	}
	now := time.Now
	if w.now != nil {
		now = w.now
	}
	name := filepath.Join(w.Dir, BackupName(w.Base, now()))
	f, err := os.OpenFile(name, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return err
	}
	w.f, w.size = f, 0
	return nil
}

// BackupName is base-20060102T150405.log.
func BackupName(base string, t time.Time) string {
	var sb strings.Builder
	ext := filepath.Ext(base)
	sb.WriteString(strings.TrimSuffix(base, ext))
	sb.WriteByte('-')
	sb.WriteString(t.UTC().Format("20060102T150405"))
	sb.WriteString(ext)
	return sb.String()
}

// CompressFile gzips src into dst with a 32 KiB copy buffer.
func CompressFile(dst io.Writer, src io.Reader) (int64, error) {
	zw := gzip.NewWriter(dst)
	buf := make([]byte, 32*1024)
	n, err := io.CopyBuffer(zw, src, buf)
	if err != nil {
		return n, err
	}
	return n, zw.Close()
}

// ChecksumFile reads r in 8 KiB chunks into a CRC-32.
func ChecksumFile(r io.Reader) (uint32, error) {
	var crc uint32
	chunk := make([]byte, 8192)
	for {
		n, err := r.Read(chunk)
		crc = crc32.Update(crc, crc32.IEEETable, chunk[:n])
		if err == io.EOF {
			return crc, nil
		}
		if err != nil {
			return crc, err
		}
	}
}

// CompressAsync compresses in the background; the goroutine uses buf after
// CompressAsync returns.
func CompressAsync(dst io.Writer, src io.Reader, done chan<- error) {
	buf := make([]byte, 32*1024)
	go func() {
		zw := gzip.NewWriter(dst)
		_, err := io.CopyBuffer(zw, src, buf)
		if err == nil {
			err = zw.Close()
		}
		done <- err
	}()
}

// WriteLines writes each line through a buffered writer sized for log files.
func WriteLines(w io.Writer, lines []string) error {
	bw := bufio.NewWriterSize(w, 64*1024)
	for _, l := range lines {
		bw.WriteString(l)
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// Header writes the first line of a new log file.
func Header(w io.Writer, app string, pid int, started time.Time) error {
	var line strings.Builder
	fmt.Fprintf(&line, "# %s pid=%d started=%s\n", app, pid, started.UTC().Format(time.RFC3339))
	_, err := io.WriteString(w, line.String())
	return err
}

// TailLines returns the last n lines of r (kept: they are returned).
func TailLines(r io.Reader, n int) []string {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	var out []string
	for sc.Scan() {
		out = append(out, sc.Text())
		if len(out) > n {
			out = out[1:]
		}
	}
	return out
}

// CountLevels counts lines per level= value, scanning with a 64 KiB buffer.
func CountLevels(r io.Reader) map[string]int {
	counts := make(map[string]int)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if i := strings.Index(line, "level="); i >= 0 {
			lv := line[i+6:]
			if j := strings.IndexByte(lv, ' '); j >= 0 {
				lv = lv[:j]
			}
			counts[lv]++
		}
	}
	return counts
}
