// Package jobs runs retryable jobs described by small anonymous records.
package jobs

// Runner runs one job.
type Runner interface {
	Run(attempt int) error
}

type ping struct{ host string }

func (p *ping) Run(attempt int) error { return nil }

// Ping runs a ping to host with up to tries attempts and reports the attempts used.
func Ping(host string, tries int) int {
	p := ping{host: host} // want "moved to heap: p"
	job := struct {
		id      int
		handler any
	}{id: 7, handler: &p}
	r := job.handler.(Runner)
	for i := 1; i <= tries; i++ {
		if r.Run(i) == nil {
			return i + job.id - 7
		}
	}
	return tries
}
