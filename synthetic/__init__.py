"""Seeded synthetic data in real schemas (a borough, council extracts, EPC certificates, claimants),
with the truth kept apart. Used by the demo, tests and benchmarks; the plugin zip does not ship it."""
