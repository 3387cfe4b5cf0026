"""Domain types and rules: pure Python, no Qt, no I/O."""
