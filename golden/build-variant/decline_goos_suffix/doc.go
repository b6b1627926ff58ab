// Package decline_goos_suffix has a file whose name constrains it to linux.
package decline_goos_suffix
