package fmt

import gofmt "fmt"

// Sprintf is not fmt's.
func Sprintf(format string, a ...any) string { return "OWN:" + gofmt.Sprint(a...) }
