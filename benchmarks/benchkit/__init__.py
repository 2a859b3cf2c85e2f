"""The pieces of benchmarks/run.py: servers, correctness checks, wrk runs, the report."""
