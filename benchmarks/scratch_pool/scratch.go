// Package scratchpool measures what sync-pool's rewrite of a scratch []byte costs against make:
// Orig<N> allocates its buffer as written, Pool<N> is the rewrite gorewrite makes of it (typed
// pool of the backing array, Get, deferred Put, the array zeroed as make gave it). Both relay one
// message of N bytes through an io.Reader and an io.Writer that are interfaces, so the buffer
// escapes in Orig<N> for that alone.
package scratchpool

import (
	"errors"
	"io"
	"sync"
)

// Orig64 is the code as written.
func Orig64(w io.Writer, r io.Reader) (int64, error) {
	buf := make([]byte, 64)
	return relay(w, r, buf)
}

var buf64Pool = sync.Pool{New: func() any { return new([64]byte) }}

func getBuf64() *[64]byte { return buf64Pool.Get().(*[64]byte) }

func putBuf64(p *[64]byte) { buf64Pool.Put(p) }

// Pool64 is gorewrite's rewrite of Orig64.
func Pool64(w io.Writer, r io.Reader) (int64, error) {
	bufp := getBuf64()
	defer putBuf64(bufp)
	*bufp = [64]byte{} // the zeros make gave
	buf := bufp[:64]
	return relay(w, r, buf)
}

// Orig128 is the code as written.
func Orig128(w io.Writer, r io.Reader) (int64, error) {
	buf := make([]byte, 128)
	return relay(w, r, buf)
}

var buf128Pool = sync.Pool{New: func() any { return new([128]byte) }}

func getBuf128() *[128]byte { return buf128Pool.Get().(*[128]byte) }

func putBuf128(p *[128]byte) { buf128Pool.Put(p) }

// Pool128 is gorewrite's rewrite of Orig128.
func Pool128(w io.Writer, r io.Reader) (int64, error) {
	bufp := getBuf128()
	defer putBuf128(bufp)
	*bufp = [128]byte{} // the zeros make gave
	buf := bufp[:128]
	return relay(w, r, buf)
}

// Orig256 is the code as written.
func Orig256(w io.Writer, r io.Reader) (int64, error) {
	buf := make([]byte, 256)
	return relay(w, r, buf)
}

var buf256Pool = sync.Pool{New: func() any { return new([256]byte) }}

func getBuf256() *[256]byte { return buf256Pool.Get().(*[256]byte) }

func putBuf256(p *[256]byte) { buf256Pool.Put(p) }

// Pool256 is gorewrite's rewrite of Orig256.
func Pool256(w io.Writer, r io.Reader) (int64, error) {
	bufp := getBuf256()
	defer putBuf256(bufp)
	*bufp = [256]byte{} // the zeros make gave
	buf := bufp[:256]
	return relay(w, r, buf)
}

// Orig512 is the code as written.
func Orig512(w io.Writer, r io.Reader) (int64, error) {
	buf := make([]byte, 512)
	return relay(w, r, buf)
}

var buf512Pool = sync.Pool{New: func() any { return new([512]byte) }}

func getBuf512() *[512]byte { return buf512Pool.Get().(*[512]byte) }

func putBuf512(p *[512]byte) { buf512Pool.Put(p) }

// Pool512 is gorewrite's rewrite of Orig512.
func Pool512(w io.Writer, r io.Reader) (int64, error) {
	bufp := getBuf512()
	defer putBuf512(bufp)
	*bufp = [512]byte{} // the zeros make gave
	buf := bufp[:512]
	return relay(w, r, buf)
}

// Orig4096 is the code as written.
func Orig4096(w io.Writer, r io.Reader) (int64, error) {
	buf := make([]byte, 4096)
	return relay(w, r, buf)
}

var buf4096Pool = sync.Pool{New: func() any { return new([4096]byte) }}

func getBuf4096() *[4096]byte { return buf4096Pool.Get().(*[4096]byte) }

func putBuf4096(p *[4096]byte) { buf4096Pool.Put(p) }

// Pool4096 is gorewrite's rewrite of Orig4096.
func Pool4096(w io.Writer, r io.Reader) (int64, error) {
	bufp := getBuf4096()
	defer putBuf4096(bufp)
	*bufp = [4096]byte{} // the zeros make gave
	buf := bufp[:4096]
	return relay(w, r, buf)
}

// Orig32768 is the code as written.
func Orig32768(w io.Writer, r io.Reader) (int64, error) {
	buf := make([]byte, 32768)
	return relay(w, r, buf)
}

var buf32768Pool = sync.Pool{New: func() any { return new([32768]byte) }}

func getBuf32768() *[32768]byte { return buf32768Pool.Get().(*[32768]byte) }

func putBuf32768(p *[32768]byte) { buf32768Pool.Put(p) }

// Pool32768 is gorewrite's rewrite of Orig32768.
func Pool32768(w io.Writer, r io.Reader) (int64, error) {
	bufp := getBuf32768()
	defer putBuf32768(bufp)
	*bufp = [32768]byte{} // the zeros make gave
	buf := bufp[:32768]
	return relay(w, r, buf)
}

// relay is the Read/Write loop both share (not inlined: one body for every size and version).
//
//go:noinline
func relay(w io.Writer, r io.Reader, buf []byte) (int64, error) {
	var total int64
	for {
		n, err := r.Read(buf)
		if n > 0 {
			if _, werr := w.Write(buf[:n]); werr != nil {
				return total, werr
			}
			total += int64(n)
		}
		if errors.Is(err, io.EOF) {
			return total, nil
		}
		if err != nil {
			return total, err
		}
	}
}
