module example.com/probes/iface-rules

go 1.22
