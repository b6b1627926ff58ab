// Package mirror copies objects to several replicas.
package mirror

import "fmt"

// Target describes where and how to write a replica (> 128 bytes).
type Target struct {
	Scheme, Host, Bucket, Prefix      string
	Region, StorageClass, ACL, KMSKey string
	Retries, Parallel                 int
}

// Copy writes every key to every replica host, one goroutine per host.
// tmpl is larger than 128 bytes, so the compiler captures it by reference
// whether or not it is reassigned, and a copy of it too. The goroutines only
// read four of its fields: copies of those (each a string) are captured by
// value, and tmpl stays on the stack.
func Copy(hosts, keys []string, region string, put func(url string) error) <-chan error {
	tmpl := Target{Scheme: "s3", Bucket: "logs", Prefix: "v1/", StorageClass: "STANDARD", Retries: 3} // want "moved to heap: tmpl"
	if region != "" {
		tmpl.Region = region
	}
	errs := make(chan error, len(hosts))
	for _, h := range hosts {
		go func() { // want "func literal escapes to heap"
			for _, k := range keys {
				url := fmt.Sprintf("%s://%s/%s/%s%s?region=%s", tmpl.Scheme, h, tmpl.Bucket, tmpl.Prefix, k, tmpl.Region)
				if err := put(url); err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}()
	}
	return errs
}
