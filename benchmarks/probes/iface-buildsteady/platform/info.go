// Package platform describes the host for status pages and support bundles.
package platform

import (
	"bytes"
	"fmt"
	"os"
	"runtime"
)

// Info is what a status page shows about the host.
type Info struct {
	Host    string
	Service string
	handle  sysHandle // per-OS state, unrelated to the text fields
}

// New fills Info for this host.
func New(service string) Info {
	host, _ := os.Hostname()
	return Info{Host: host, Service: service, handle: openHandle()}
}

// HostPort is the address a peer dials.
func HostPort(port string) string {
	hostname, err := os.Hostname()
	if err != nil {
		hostname = "localhost"
	}
	return fmt.Sprintf("%s:%s", hostname, port)
}

// Line is the status line of i: the fields it names are declared here, for every build.
func (i Info) Line() string {
	return fmt.Sprintf("%s@%s", i.Service, i.Host)
}

// Header writes i as a header block.
func (i *Info) Header(b *bytes.Buffer) {
	fmt.Fprintf(b, "host: %s\n", i.Host)
}

// Labels lists the hosts of a cluster view.
func Labels(hosts []string) string {
	var b bytes.Buffer
	for _, h := range hosts {
		fmt.Fprintf(&b, "[%s]", h)
	}
	return b.String()
}

// ConfigLine shows the configuration directory: configDir is declared per OS.
func ConfigLine() string {
	dir := configDir()
	return fmt.Sprintf("config: %s", dir)
}

// ShellLine shows the default shell: its type is declared per OS.
func ShellLine() string {
	return fmt.Sprintf("shell: %s", defaultShell)
}

// NameLine shows the OS's own name for itself: osName is a String-er on windows.
func NameLine() string {
	name := currentOS()
	return fmt.Sprintf("os: %s", name)
}

// PathLine joins two directories with the per-OS list separator constant.
func PathLine(a, b string) string {
	return fmt.Sprintf("%s%s%s", a, listSep, b)
}

// Arch is the architecture the binary runs on.
func Arch() string {
	arch := runtime.GOARCH
	return fmt.Sprintf("arch=%s", arch)
}

// version is the service's release number.
var version = "1.4.2"

// VersionLine is the /version body.
func VersionLine() string {
	return fmt.Sprintf("v%s", version)
}

// release is the package's release, from a steady call at init.
var release = buildRelease()

func buildRelease() string { return version + "-" + runtime.Version() }

// ReleaseLine is the release banner.
func ReleaseLine() string {
	return fmt.Sprintf("release %s", release)
}

// Device names the per-OS device of a handle: sysHandle differs by OS.
func Device(i Info) string {
	h := i.handle
	return fmt.Sprintf("device %v", h)
}

// Owner names the file's owner, as the per-OS lookup gives it.
func Owner(path string) string {
	user, err := ownerOf(path)
	if err != nil {
		return "?"
	}
	return fmt.Sprintf("owner=%s", user)
}
