package archive

import (
	"io"
	"testing"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	allocs(t, "OctalField", func() { OctalField(0o644, 8) })
	hdr := make([]byte, 512)
	allocs(t, "TarChecksum", func() { TarChecksum(hdr) })
	allocs(t, "WriteTarHeader", func() { WriteTarHeader(io.Discard, "backup/2026/12/05/db.dump", 1<<20, 0o644) })
	allocs(t, "PaddingFor", func() { PaddingFor(io.Discard, 1000) })
	extra := make([]byte, 24)
	allocs(t, "ZipLocalHeader", func() { ZipLocalHeader(io.Discard, "docs/Readme.md", extra, 1, 2) })
	allocs(t, "NameCRC", func() { NameCRC("Docs/Readme-Of-The-Project.MD") })
}
