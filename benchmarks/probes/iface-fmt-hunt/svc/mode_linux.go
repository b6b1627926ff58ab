//go:build linux

package svc

func (m Mode) String() string { return "mode-linux" }
