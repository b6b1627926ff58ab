// Package work has allocation sites in known proportions: its benchmark calls Hot nine times for each
// call of Cold, New five times and Histogram three times, so a memory profile ranks them and a hot cut can
// tell them apart.
package work

// Record is what New hands out: 64 bytes, so its share of a profile is easy to predict.
type Record struct {
	ID   int
	Tags [7]int
}

// Hot starts workers that acknowledge every 64th job with a label; each goroutine, started in a loop, captures
// the label by reference (a string, 16 bytes with a pointer: the runtime's tiny allocator, which profiles
// charge to whichever call opened a block, leaves it alone).
func Hot(jobs <-chan int, acks chan<- string, workers int, bulk bool) {
	label := "job"
	if bulk {
		label = "bulk"
	}
	for range workers {
		go func() {
			for j := range jobs {
				if j%64 == 0 {
					acks <- label
				}
			}
		}()
	}
}

// Cold is Hot's twin, called a tenth as often.
func Cold(jobs <-chan int, acks chan<- string, workers int, bulk bool) {
	kind := "job"
	if bulk {
		kind = "bulk"
	}
	for range workers {
		go func() {
			for j := range jobs {
				if j%64 == 0 {
					acks <- kind
				}
			}
		}()
	}
}

// New is small enough to be inlined into its callers: the profile shows its line inside theirs.
func New(id int) *Record {
	return &Record{ID: id}
}

// Histogram counts values per bucket: a buffer sized at run time, which make-const can only bound by
// --stack-budget (a speculative rewrite: more buckets still allocate).
func Histogram(values []int, buckets int) int {
	counts := make([]int, buckets)
	for _, v := range values {
		counts[v%buckets]++
	}
	most := 0
	for _, c := range counts {
		most = max(most, c)
	}
	return most
}
