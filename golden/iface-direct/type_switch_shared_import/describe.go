package routing

import "fmt"

// Describe prints an envelope for the operator's log.
func Describe(env Envelope) string {
	return fmt.Sprintf("%s %v", env.Topic, env.Payload)
}
