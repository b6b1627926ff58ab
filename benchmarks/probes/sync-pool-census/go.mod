module example.com/probes/sync-pool-census

go 1.22
