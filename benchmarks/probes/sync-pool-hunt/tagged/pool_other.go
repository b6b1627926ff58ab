//go:build !linux

package tagged

func osName() string { return "other" }
