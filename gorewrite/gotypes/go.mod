module gorewrite.local/gotypes

go 1.22

// go/types checks generic type aliases (`type Vec[T any] = []T`, go1.24+) only with aliases as
// types of their own; a go 1.22 module would turn them off by default and fail such a package.
godebug gotypesalias=1
