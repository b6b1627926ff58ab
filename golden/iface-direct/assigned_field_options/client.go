// Package client fills a zero options struct field by field, then logs each attempt through it.
package client

import "strconv"

// Logger records one line.
type Logger interface{ Log(msg string) }

// Options configure a client.
type Options struct {
	Addr    string
	Retries int
	Logger  Logger
}

// byteCount counts the bytes logged.
type byteCount struct{ n int }

func (b *byteCount) Log(msg string) { b.n += len(msg) }

// Attempts returns how many bytes a client dialling addr logs over its retries.
func Attempts(addr string, retries int) int {
	var logged byteCount // want "moved to heap: logged"
	var opts Options
	opts.Addr = addr
	opts.Retries = retries
	opts.Logger = &logged
	for i := 1; i <= opts.Retries; i++ {
		opts.Logger.Log("dial " + opts.Addr + " attempt " + strconv.Itoa(i))
	}
	return logged.n
}
