module example.com/probes/iface-named

go 1.22
