// Package profile loads a user's profile and settings from two backends at once.
package profile

// Load asks both backends for each user with the current quota and takes the answers as they
// come; the loop ends only once both channels were received from and set to nil, so both
// lookups have read the quota before it halves for the next user.
func Load(users []string, quota int, look func(backend, user string, quota int) int) int { // want "moved to heap: quota"
	total := 0
	for _, u := range users {
		pc := make(chan int, 1)                          // want "moved to heap: pc"
		sc := make(chan int, 1)                          // want "moved to heap: sc"
		go func() { pc <- look("profiles", u, quota) }() // want "func literal escapes to heap"
		go func() { sc <- look("settings", u, quota) }() // want "func literal escapes to heap"
		for pc != nil || sc != nil {
			select {
			case n := <-pc:
				total += n
				pc = nil
			case n := <-sc:
				total += 2 * n
				sc = nil
			}
		}
		quota /= 2
	}
	return total
}
