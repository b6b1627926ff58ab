module example.com/probes/closure-ml

go 1.22
