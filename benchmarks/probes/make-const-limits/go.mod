module example.com/probes/make-const-limits

go 1.22
