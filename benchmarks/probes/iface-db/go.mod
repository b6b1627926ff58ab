module example.com/probe46db

go 1.23
