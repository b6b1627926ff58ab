module example.com/probes/closure-payments

go 1.22
