package store

import "fmt"

// Segment is the file name of a log segment.
func Segment(dir string, seq uint64) string { return fmt.Sprintf("%s/segment-%d.log", dir, seq) }

// Snapshot names a snapshot file by term and index.
func Snapshot(term, index uint64) string { return fmt.Sprintf("snap-%d-%d.db", term, index) }

// Rotated is the name of a rotated log file.
func Rotated(name string, n int) string { return fmt.Sprintf("%s.%d", name, n) }

// Part is a multipart upload's part name.
type Part struct {
	Upload string
	Number int
	Size   int64
}

// String prints a part.
func (p Part) String() string { return fmt.Sprintf("%s#%d (%d bytes)", p.Upload, p.Number, p.Size) }

// Point is a position on a grid.
type Point struct{ X, Y int }

// String prints a point.
func (p Point) String() string { return fmt.Sprintf("(%d,%d)", p.X, p.Y) }

// Version is a semantic version.
type Version struct{ Major, Minor, Patch int }

// String prints a version.
func (v *Version) String() string { return fmt.Sprintf("v%d.%d.%d", v.Major, v.Minor, v.Patch) }
