"""Shipped resources of facilitator (installed as the package facilitator.resources)."""
