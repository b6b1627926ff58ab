package store

import "fmt"

// Endpoint is the address of a listener.
func Endpoint(host string, port int) string { return fmt.Sprintf("%s:%d", host, port) }

// PageURL is the URL of one page of a listing.
func PageURL(base string, page, size int) string {
	return fmt.Sprintf("%s/items?page=%d&size=%d", base, page, size)
}

// ObjectURL names an object by bucket and version.
func ObjectURL(bucket, key string, version int64) string {
	return fmt.Sprintf("https://%s.s3.internal/%s?versionId=%d", bucket, key, version)
}

// DefaultPort is where the admin server listens.
const DefaultPort = 9090

// AdminURL is the admin server's URL on its default port.
func AdminURL(host string) string { return fmt.Sprintf("http://%s:%d/debug", host, DefaultPort) }

// Port is a TCP port number.
type Port int

// String prints a port as the listener does.
func (p Port) String() string { return fmt.Sprintf(":%d", int(p)) }

// Listen is the address of a named port: %v calls its String.
func Listen(host string, p Port) string { return fmt.Sprintf("%s%v", host, p) }

// Code is an HTTP status with its own formatting.
type Code int

// Format prints a code with its class.
func (c Code) Format(f fmt.State, verb rune) { fmt.Fprintf(f, "%dxx/%d", int(c)/100, int(c)) }

// Status prints a response status: %d calls its Format.
func Status(c Code) string { return fmt.Sprintf("status %d", c) }

// Retry is the number of a retry attempt, a plain named int.
type Retry int

// Attempt prints an attempt of a named type.
func Attempt(r Retry) string { return fmt.Sprintf("attempt %d", r) }
