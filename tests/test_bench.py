"""Benchmark output parsing and the allocation verdict (the runs themselves are in test_cli)."""

from __future__ import annotations

from gorewrite.verify.bench import Sample, _samples, worse

OUTPUT = """goos: linux
goarch: amd64
pkg: example.com/m/stats
BenchmarkHistogram-2   	 1000000	        68.22 ns/op	      80 B/op	       1 allocs/op
BenchmarkHistogram-2   	 1000000	        70.10 ns/op	      80 B/op	       1 allocs/op
BenchmarkHistogram-2   	 1000000	        66.00 ns/op	      80 B/op	       1 allocs/op
BenchmarkSmall/n=4     	 2000000	         9.5 ns/op	       0 B/op	       0 allocs/op
PASS
"""


def test_samples_take_the_median_of_each_benchmark():
    assert _samples(OUTPUT) == {"BenchmarkHistogram": Sample(68.22, 1.0), "BenchmarkSmall/n=4": Sample(9.5, 0.0)}


def test_more_allocations_is_worse_and_faster_alone_is_not():
    before = {"BenchmarkA": Sample(50, 1), "BenchmarkB": Sample(10, 0)}
    assert worse(before, {"BenchmarkA": Sample(20, 0), "BenchmarkB": Sample(12, 0)}) is None
    assert (
        worse(before, {"BenchmarkA": Sample(20, 0), "BenchmarkB": Sample(9, 2)})
        == "BenchmarkB allocates more: 0 -> 2 allocs/op"
    )
    assert worse(before, {"BenchmarkC": Sample(1, 5)}) is None  # a benchmark that was not there before proves nothing
