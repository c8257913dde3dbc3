"""End-to-end tier: the installed kiosk in a real terminal (tmux), namespaces and a sound server."""
