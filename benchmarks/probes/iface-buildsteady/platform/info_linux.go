package platform

import "os"

type sysHandle struct{ fd int }

func openHandle() sysHandle { return sysHandle{fd: -1} }

func configDir() string {
	if dir := os.Getenv("XDG_CONFIG_HOME"); dir != "" {
		return dir
	}
	return "/etc/app"
}

var defaultShell = "/bin/sh"

type osName = string

func currentOS() osName { return "linux" }

const listSep = ":"

func ownerOf(path string) (string, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return "", err
	}
	return fi.Name(), nil
}
