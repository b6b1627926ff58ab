module example.com/probes/make-const-bio

go 1.22
