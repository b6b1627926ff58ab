module example.com/probes/sync-pool-gateway

go 1.22
