module example.com/probes/iface-errorf

go 1.22
