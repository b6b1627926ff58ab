package cli

import "fmt"

// Unknown reports a subcommand the tool does not have.
func Unknown(cmd string) error {
	return fmt.Errorf("unknown command %s; run help", cmd)
}
