"""What the clinic sets (its TOML file: keys, input mode, region, colours) and what a person
may choose for themselves.
"""
