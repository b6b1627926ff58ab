module example.com/probes/closure-census

go 1.22
