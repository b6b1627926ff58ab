module example.com/probes/make-const-callsites

go 1.22
