module example.com/probes/iface-plugins

go 1.22
