//go:build windows

package cli

// errors collects the console's messages on Windows, where stderr may be detached.
var errors []string
