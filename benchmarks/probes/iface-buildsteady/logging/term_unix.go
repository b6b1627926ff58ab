//go:build !windows

package logging

type terminal struct{ kind string }
