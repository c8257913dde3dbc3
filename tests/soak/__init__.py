"""Soak tier: a long seeded run of random input (SOAK_EVENTS sets its length)."""
