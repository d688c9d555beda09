"""`python -m venuekit.connectors` is the `venuekit` command."""

from .cli import main

raise SystemExit(main())
