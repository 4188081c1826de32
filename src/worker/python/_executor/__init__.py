"""Executor's own Python helpers, loaded into every interpreter before user code runs."""
