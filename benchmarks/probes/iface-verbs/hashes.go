// Package cache names cached objects by content hash, and prints the ids, colors, modes and tokens a service logs.
package cache

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"fmt"
)

// Entry is a cached object and its digest.
type Entry struct {
	Name string
	Sum  [32]byte
	ETag [16]byte
	Raw  []byte
}

// ContentKey is the cache key of a blob: its sha256 in hex.
func ContentKey(data []byte) string {
	sum := sha256.Sum256(data)
	return fmt.Sprintf("%x", sum)
}

// BlobPath is where a blob lives on disk, sharded by digest.
func BlobPath(dir string, data []byte) string {
	sum := sha256.Sum256(data)
	return fmt.Sprintf("%s/blobs/sha256-%x", dir, sum)
}

// ETagOf is the HTTP ETag of a response body.
func ETagOf(body []byte) string {
	sum := md5.Sum(body)
	return fmt.Sprintf("\"%x\"", sum)
}

// Fingerprint is a short sha1 of a config file.
func Fingerprint(config []byte) string { return fmt.Sprintf("%x", sha1.Sum(config)) }

// Key prints an entry's digest.
func (e *Entry) Key() string { return fmt.Sprintf("%s@%x", e.Name, e.Sum) }

// Tag prints an entry's etag.
func (e Entry) Tag() string { return fmt.Sprintf("W/%x", e.ETag) }

// RawHex prints the raw bytes of an entry, as long as they are.
func (e *Entry) RawHex() string { return fmt.Sprintf("raw=%x", e.Raw) }

// Upper prints a digest in upper case, as some registries expect.
func Upper(sum [32]byte) string { return fmt.Sprintf("SHA256:%X", sum) }

// HexOf prints a string's bytes in hex.
func HexOf(s string) string { return fmt.Sprintf("%x", s) }

// Spaced prints a digest with spaces between bytes.
func Spaced(sum [16]byte) string { return fmt.Sprintf("% x", sum) }

func md5Sum(b []byte) [16]byte { return md5.Sum(b) }
