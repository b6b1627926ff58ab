//go:build !linux && !windows

package platform

type sysHandle struct{}

func openHandle() sysHandle { return sysHandle{} }

func configDir() string { return "/usr/local/etc/app" }

var defaultShell = "/bin/sh"

type osName = string

func currentOS() osName { return "unix" }

const listSep = ":"

func ownerOf(path string) (string, error) { return "root", nil }
