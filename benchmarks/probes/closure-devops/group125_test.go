//go:build go1.25

package devops

import "testing"

func TestAllocsUpload(t *testing.T) {
	put := func(b, n string) error { return nil }
	allocs(t, "Upload", func() { Upload([]string{"a", "b"}, " Bucket ", put) })
}
