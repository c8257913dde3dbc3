"""App tier: the Textual App run headless with Pilot, and SVG snapshots of its screens."""
