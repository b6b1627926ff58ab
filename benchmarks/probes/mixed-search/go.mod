module example.com/probes/mixed-search

go 1.22
