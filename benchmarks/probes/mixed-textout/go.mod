module example.com/probes/mixed-textout

go 1.22
