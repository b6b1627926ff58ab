// Package goos_suffix has a file whose name constrains it to linux: its variants keep the _linux suffix last.
package goos_suffix
