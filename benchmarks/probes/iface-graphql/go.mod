module example.com/probes/iface-graphql

go 1.22
