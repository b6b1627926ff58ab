module gorewrite.local/pprofread

go 1.24.0

require github.com/google/pprof v0.0.0-20260709232956-b9395ee17fa0
