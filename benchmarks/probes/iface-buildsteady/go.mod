module example.com/probes/iface-buildsteady

go 1.22
