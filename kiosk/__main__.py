"""`python -m kiosk` is the same as `als-kiosk`."""

from kiosk.cli import main

raise SystemExit(main())
