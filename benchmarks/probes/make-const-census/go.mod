module example.com/probes/make-const-census

go 1.22
