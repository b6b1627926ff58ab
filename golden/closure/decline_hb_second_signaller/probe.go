// Package probe checks a backend while a watchdog reports in.
package probe

// Check probes the target from a goroutine that starts once the caller has heard the first
// report. The watchdog reports on the same channel and always first, so the caller switches
// to the standby target before the probe reads it.
func Check(target, standby string, check func(string) string) string { // want "moved to heap: target" // declined "the write at line 18 can come before the wait at line 20 returns"
	reports := make(chan struct{}, 2)
	start := make(chan struct{})
	result := make(chan string, 1)
	go func() { // want "func literal escapes to heap"
		<-start
		result <- check(target)
		reports <- struct{}{}
	}()
	go func() { reports <- struct{}{} }() // want "func literal escapes to heap"
	<-reports
	target = standby
	close(start)
	<-reports
	return <-result
}
