"""Readers of third-party test suites: each turns fetched fixture files into detection cases."""
