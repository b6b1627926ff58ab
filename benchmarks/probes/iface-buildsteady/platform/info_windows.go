package platform

import (
	"os"
	"strings"
)

type sysHandle uintptr

func (h sysHandle) String() string { return "handle" }

func openHandle() sysHandle { return 0 }

func configDir() string { return os.Getenv("APPDATA") + `\app` }

type shell string

func (s shell) String() string { return strings.ToUpper(string(s)) }

var defaultShell = shell("cmd.exe")

type osName string

func (n osName) String() string { return "Windows NT" }

func currentOS() osName { return "windows" }

const listSep = ";"

type account struct{ domain, name string }

func (a account) String() string { return a.domain + `\` + a.name }

func ownerOf(path string) (account, error) {
	_, err := os.Stat(path)
	return account{"BUILTIN", "Administrators"}, err
}
