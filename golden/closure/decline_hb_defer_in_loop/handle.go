// Package handle serves a batch of requests.
package handle

// Batch handles every request and logs each one's final status when the batch returns: the
// deferred log reads the status as it is at the end, after a failed request set it to 500.
func Batch(reqs []string, serve func(string) error, log func(req string, status int)) {
	for _, r := range reqs {
		status := 200  // want "moved to heap: status" // declined "written by or after the defer statement"
		defer func() { // want "func literal escapes to heap"
			log(r, status)
		}()
		if err := serve(r); err != nil {
			status = 500
		}
	}
}
