module example.com/probes/iface-operands

go 1.22
