module example.com/probes/iface-verbs

go 1.22
