package testclash

import "bytes"

func getBuffer() *bytes.Buffer { return new(bytes.Buffer) }

var bufferPool = 3
