// Package diag annotates errors and log lines with where they came from.
package diag

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// Caller is "file:line" of the function skip frames up, for a log prefix.
func Caller(skip int) string {
	_, file, line, ok := runtime.Caller(skip + 1)
	if !ok {
		file, line = "???", 0
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s:%d", file, line)
	return b.String()
}

// ShortCaller is the caller's file name without its directory.
func ShortCaller(skip int) string {
	_, file, _, ok := runtime.Caller(skip + 1)
	if !ok {
		return "???"
	}
	base := filepath.Base(file)
	return fmt.Sprintf("at %s", base)
}

// Trace writes "func (file:line)" for the caller into b.
func Trace(b *bytes.Buffer, skip int) {
	pc, file, line, _ := runtime.Caller(skip + 1)
	name := "?"
	if fn := runtime.FuncForPC(pc); fn != nil {
		name = fn.Name()
	}
	fmt.Fprintf(b, "%s (%s:%d)\n", name, file, line)
}

// Frames lists the callers as "file:line" lines.
func Frames(skip int) string {
	pcs := make([]uintptr, 16)
	n := runtime.Callers(skip+2, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	var b bytes.Buffer
	for {
		f, more := frames.Next()
		fmt.Fprintf(&b, "%s:%d\n", f.File, f.Line)
		if !more {
			break
		}
	}
	return b.String()
}

// Located prefixes msg with the caller's file.
func Located(msg string) string {
	_, file, _, _ := runtime.Caller(1)
	return fmt.Sprintf("%s: %s", file, msg)
}

// Where is the working directory, for a startup banner.
func Where() string {
	dir, err := os.Getwd()
	if err != nil {
		return "cwd unknown"
	}
	return fmt.Sprintf("cwd=%s", dir)
}

// Binary names the running executable.
func Binary() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	name := filepath.Base(exe)
	return fmt.Sprintf("exe=%s", name)
}

// Toolchain is the Go release the binary was built with.
func Toolchain() string {
	v := runtime.Version()
	return fmt.Sprintf("go=%s", v)
}

// CPUs is a banner line; %d stays with fmt.
func CPUs(b *bytes.Buffer) {
	n := runtime.NumCPU()
	fmt.Fprintf(b, "cpus=%d\n", n)
}

// Env reports a variable for a diagnostics dump.
func Env(b *bytes.Buffer, key string) {
	value := os.Getenv(key)
	fmt.Fprintf(b, "%s=%s\n", key, value)
}

// Temp names the scratch directory.
func Temp() string {
	dir := os.TempDir()
	return fmt.Sprintf("tmp=%s", dir)
}

// Platform is GOOS/GOARCH: per-build constants, never inlined.
func Platform() string {
	return fmt.Sprintf("%s/%s", runtime.GOOS, runtime.GOARCH)
}

// Separator shows the path list separator, a per-build rune constant.
func Separator() string {
	return fmt.Sprintf("sep=%c", os.PathListSeparator)
}

// Stamp describes where a report was written.
func Stamp(dir, name string) string {
	path := filepath.Join(dir, name)
	return fmt.Sprintf("wrote %s", path)
}

// Upper is a header line in capitals.
func Upper(title string) string {
	up := strings.ToUpper(title)
	return fmt.Sprintf("== %s ==", up)
}

// Kind of the file for a report line: a FileMode has String.
func Kind(path string) string {
	fi, err := os.Stat(path)
	if err != nil {
		return "missing"
	}
	mode := fi.Mode()
	return fmt.Sprintf("mode=%v", mode)
}

// Errno reports an error from the OS: its Error is fmt's to call.
func Errno(path string) string {
	_, err := os.Stat(path)
	return fmt.Sprintf("stat: %v", err)
}
