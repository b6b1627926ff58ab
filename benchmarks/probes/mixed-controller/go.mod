module example.com/probes/mixed-controller

go 1.22
