// Package config resolves where a service writes its audit trail.
package config

import (
	"io"
	"os"
)

type auditFile struct{ path string }

func (f *auditFile) Write(p []byte) (int, error) {
	return len(p), os.WriteFile(f.path, p, 0o600)
}

type setting struct {
	key   string
	value any
}

// Audit writes one audit record to the configured file when the setting allows writing.
func Audit(path string, record []byte) error {
	file := auditFile{path: path} // want "moved to heap: file"
	opt := setting{key: "audit.out", value: &file}
	var w, ok = opt.value.(io.Writer)
	if !ok || opt.key == "" {
		return nil
	}
	_, err := w.Write(record)
	return err
}
