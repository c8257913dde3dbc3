"""Unit tier: the UI-free core, the CLI and the real speech engine; no App is started."""
