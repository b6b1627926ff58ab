package exportkit

import (
	"bufio"
	"crypto/md5"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"os"
	"strings"
)

// FileSHA256 hashes a file with a 64 KiB copy buffer.
func FileSHA256(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	buf := make([]byte, 64<<10)
	if _, err := io.CopyBuffer(h, f, buf); err != nil {
		return "", fmt.Errorf("hash %s: %w", path, err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// Digests computes MD5 and SHA-256 in one pass.
func Digests(r io.Reader) (md5sum, sha string, err error) {
	m := md5.New()
	s := sha256.New()
	buf := make([]byte, 32<<10)
	for {
		n, rerr := r.Read(buf)
		if n > 0 {
			m.Write(buf[:n])
			s.Write(buf[:n])
		}
		if rerr == io.EOF {
			break
		}
		if rerr != nil {
			return "", "", rerr
		}
	}
	return hex.EncodeToString(m.Sum(nil)), hex.EncodeToString(s.Sum(nil)), nil
}

// CRC32File computes the IEEE CRC of a file in 1 MiB chunks.
func CRC32File(path string) (uint32, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	var crc uint32
	chunk := make([]byte, 1<<20)
	for {
		n, err := io.ReadFull(f, chunk)
		crc = crc32.Update(crc, crc32.IEEETable, chunk[:n])
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			return crc, nil
		}
		if err != nil {
			return 0, err
		}
	}
}

// VerifyManifest checks "sha256  path" lines (sha256sum -c).
func VerifyManifest(manifest io.Reader, open func(string) (io.ReadCloser, error)) ([]string, error) {
	sc := bufio.NewScanner(manifest)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	var bad []string
	buf := make([]byte, 32<<10)
	for sc.Scan() {
		want, name, ok := strings.Cut(sc.Text(), "  ")
		if !ok {
			continue
		}
		rc, err := open(name)
		if err != nil {
			bad = append(bad, name)
			continue
		}
		h := sha256.New()
		_, err = io.CopyBuffer(h, rc, buf)
		rc.Close()
		if err != nil || hex.EncodeToString(h.Sum(nil)) != want {
			bad = append(bad, name)
		}
	}
	return bad, sc.Err()
}

// HashParts hashes parts concurrently; each goroutine reads its own part.
func HashParts(parts [][]byte) []string {
	sums := make([]string, len(parts))
	done := make(chan struct{})
	for i := range parts {
		go func(i int) {
			h := sha256.Sum256(parts[i])
			sums[i] = hex.EncodeToString(h[:])
			done <- struct{}{}
		}(i)
	}
	for range parts {
		<-done
	}
	return sums
}

// TeeHash copies src to dst and returns the hex SHA-256 of what was copied.
func TeeHash(dst io.Writer, src io.Reader) (string, int64, error) {
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(dst, h), src)
	return hex.EncodeToString(h.Sum(nil)), n, err
}

// SumInto hashes r with the caller's hash and a buffer sized by the caller.
func SumInto(h hash.Hash, r io.Reader, size int) ([]byte, error) {
	buf := make([]byte, size)
	if _, err := io.CopyBuffer(h, r, buf); err != nil {
		return nil, err
	}
	return h.Sum(nil), nil
}

// pipelineHash reads into buf while a goroutine hashes the previous block:
// the goroutine observes buf after the next Read writes it.
func PipelineHash(r io.Reader) (string, error) {
	h := sha256.New()
	buf := make([]byte, 64<<10)
	ready := make(chan int)
	finished := make(chan struct{})
	go func() {
		for n := range ready {
			h.Write(buf[:n])
		}
		close(finished)
	}()
	for {
		n, err := r.Read(buf)
		if n > 0 {
			ready <- n
		}
		if err != nil {
			close(ready)
			<-finished
			if err == io.EOF {
				return hex.EncodeToString(h.Sum(nil)), nil
			}
			return "", err
		}
	}
}
