module example.com/probes/iface-sprintf-ints

go 1.22
