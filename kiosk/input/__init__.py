"""Time and input: the clock, switch scanning and the idle timer, free of any UI."""
