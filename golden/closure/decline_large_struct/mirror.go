// Package mirror copies objects to several replicas.
package mirror

import "fmt"

// Target describes where and how to write a replica (> 128 bytes).
type Target struct {
	Scheme, Host, Bucket, Prefix      string
	Region, StorageClass, ACL, KMSKey string
	Retries, Parallel                 int
}

// URL is where key goes on host.
func (t Target) URL(host, key string) string {
	return fmt.Sprintf("%s://%s/%s/%s%s?region=%s", t.Scheme, host, t.Bucket, t.Prefix, key, t.Region)
}

// Copy writes every key to every replica host, one goroutine per host.
// tmpl is larger than 128 bytes, so the compiler captures it by reference
// whether or not it is reassigned. A per-iteration copy (tmpl := tmpl) is
// captured by reference too and moves to the heap once per goroutine; a
// go-statement argument is stored in a compiler-made wrapper closure that
// again captures the copy by reference (moved to heap: .autotmp_N). The
// goroutines call a method of the whole value, so copies of the fields they
// read (go_wide_struct_fields) cannot stand in for it either.
func Copy(hosts, keys []string, region string, put func(url string) error) <-chan error {
	tmpl := Target{Scheme: "s3", Bucket: "logs", Prefix: "v1/", StorageClass: "STANDARD", Retries: 3} // want "moved to heap: tmpl" // declined "tmpl is 144 bytes: the compiler captures a variable wider than 128 bytes by reference, so a copy would move to the heap as well, and tmpl.URL is no field stored in tmpl"
	if region != "" {
		tmpl.Region = region
	}
	errs := make(chan error, len(hosts))
	for _, h := range hosts {
		go func() { // want "func literal escapes to heap"
			for _, k := range keys {
				if err := put(tmpl.URL(h, k)); err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}()
	}
	return errs
}
