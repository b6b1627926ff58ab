module example.com/probes/closure-workers

go 1.22
