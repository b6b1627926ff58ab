module example.com/probes/iface-inlinecost

go 1.22
