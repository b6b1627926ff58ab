module example.com/probes/make-const-geo

go 1.22
