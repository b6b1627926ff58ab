module example.com/probes/mixed-commerce

go 1.22
