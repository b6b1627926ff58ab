module example.com/probes/iface-sprintf

go 1.22
