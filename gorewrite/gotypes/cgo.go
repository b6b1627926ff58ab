package main

import (
	"go/ast"
	"go/token"
	"os"
	"path/filepath"
	"strings"
)

// origins maps positions in cgo-processed files (the go command's CompiledGoFiles) back to the
// package's own files, through the //line directives cgo writes: `//line /dir/x.go:1:1` at the
// top and `/*line :22:31*/` around each C.name it rewrote. Every other file maps to itself.
type origins struct {
	fset      *token.FileSet
	processed map[string]bool   // files given to the checker that are not the package's own
	sources   map[string]string // base name -> the package's own file
	text      map[string][]byte // own file -> its bytes, read on demand
	lines     map[string][]int  // own file -> the byte offsets its lines start at
}

func newOrigins(fset *token.FileSet, files, sources []string) *origins {
	o := &origins{fset: fset, processed: map[string]bool{}, sources: map[string]string{},
		text: map[string][]byte{}, lines: map[string][]int{}}
	own := map[string]bool{}
	for _, name := range sources {
		own[name] = true
		o.sources[filepath.Base(name)] = name
	}
	for _, name := range files {
		if len(sources) > 0 && !own[name] {
			o.processed[name] = true
		}
	}
	return o
}

// name is the package's own file f stands for: itself, or for a cgo-processed file the one its
// //line directive names, by base name (the build cache may hold cgo's output for the same source
// found at another path); "" for cgo's own files (_cgo_gotypes.go).
func (o *origins) name(f *ast.File) string {
	raw := o.fset.PositionFor(f.Package, false).Filename
	if !o.processed[raw] {
		return raw
	}
	return o.sources[filepath.Base(o.fset.Position(f.Package).Filename)]
}

// offset is where the identifier `name` at pos stands in the package's own file, as (file, byte
// offset); false when a cgo-processed position does not map back to that identifier exactly.
func (o *origins) offset(pos token.Pos, name string) (string, int, bool) {
	raw := o.fset.PositionFor(pos, false)
	if !o.processed[raw.Filename] {
		return raw.Filename, raw.Offset, true
	}
	at := o.fset.Position(pos)
	file, ok := o.sources[filepath.Base(at.Filename)]
	if !ok || at.Line < 1 || at.Column < 1 {
		return "", 0, false
	}
	text, lines := o.source(file)
	if at.Line > len(lines) {
		return "", 0, false
	}
	offset := lines[at.Line-1] + at.Column - 1
	if offset+len(name) > len(text) || string(text[offset:offset+len(name)]) != name {
		return "", 0, false
	}
	return file, offset, true
}

// source reads an own file once: its bytes and where its lines start.
func (o *origins) source(file string) ([]byte, []int) {
	if _, ok := o.lines[file]; !ok {
		text, _ := os.ReadFile(file) // unreadable: no lines, nothing maps
		lines := []int{0}
		for i, b := range text {
			if b == '\n' {
				lines = append(lines, i+1)
			}
		}
		o.text[file], o.lines[file] = text, lines
	}
	return o.text[file], o.lines[file]
}

// cgoInternal: the type string names a type cgo declared (_Ctype_int), which the package's own
// files spell C.int and other files cannot spell at all.
func cgoInternal(typ string) bool {
	return strings.Contains(typ, "_Ctype_")
}
