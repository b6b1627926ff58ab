module example.com/probes/iface-fmt-order

go 1.22
